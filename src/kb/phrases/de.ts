/** German sentences built from facts. */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import type { Phrases, Side } from "./types.ts";

const and = new Intl.ListFormat("de", { type: "conjunction" });
const or = new Intl.ListFormat("de", { type: "disjunction" });

/** "von" and a list of senders in the dative, contracted to "vom" before "dem". */
function fromSenders(senders: Sender[]): string {
	return `von ${or.format(senders.map((s) => SENDER[s]))}`.replace(/^von dem /, "vom ");
}

const CLASS: Record<ResponseClass, string> = {
	"1xx": "eine vorläufige Antwort (1xx): Der Request wird noch bearbeitet, und eine finale Antwort steht noch aus",
	"2xx": "eine Erfolgsantwort (2xx): Der Request hat funktioniert",
	"3xx": "eine Umleitung (3xx): Der Request soll an eine andere Adresse erneut gesendet werden",
	"4xx":
		"ein Request-Fehler (4xx): Dieser Request ist an diesem Server oder auf diesem Zweig gescheitert, aber der Benutzer kann anderswo oder mit einem korrigierten Request noch erreichbar sein",
	"5xx":
		"ein Serverfehler (5xx): Der Server konnte einen möglicherweise gültigen Request nicht bearbeiten, daher kann ein anderer Server erfolgreich sein",
	"6xx":
		"ein globaler Fehler (6xx): Der Request scheitert überall, daher soll kein anderer Zweig und kein anderer Server versucht werden",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "vorläufige Antworten (1xx)",
	"2xx": "Erfolgsantworten (2xx)",
	"3xx": "Umleitungen (3xx)",
	"4xx": "Request-Fehler (4xx)",
	"5xx": "Serverfehler (5xx)",
	"6xx": "globale Fehler (6xx)",
};

/** Senders in the dative, for "von …". */
const SENDER: Record<Sender, string> = {
	uas: "dem angerufenen User Agent (UAS)",
	proxy: "einem Proxy",
	registrar: "einem Registrar",
	redirect: "einem Redirect-Server",
	b2bua: "einem B2BUA",
};

function methodList(methods: Method[]): string {
	return methods.includes("any") ? "jeden Request" : or.format(methods);
}

function retryClause(code: number, kind: RetryKind): string {
	switch (kind) {
		case "none":
			return `${code} ist kein Fehler, daher gibt es nichts zu wiederholen`;
		case "credentials":
			return `nach ${code} sendet der Client den Request mit Zugangsdaten erneut`;
		case "modify":
			return `nach ${code} darf der Client es erneut versuchen, sobald er den Request so korrigiert hat, wie die Antwort verlangt`;
		case "later":
			return `nach ${code} darf der Client denselben Request später erneut senden`;
		case "elsewhere":
			return `nach ${code} sollte der Client eine andere Adresse oder einen anderen Server versuchen`;
		case "never":
			return `nach ${code} sollte der Client denselben Request nicht erneut senden`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "erzeugt keinen Dialog und beendet keinen",
		establishes: s.code < 200 ? "erzeugt einen Early Dialog, wenn es ein To-Tag trägt" : "baut den Dialog auf",
		"transaction-only":
			"lässt als Antwort auf einen Request innerhalb eines Dialogs nur diese Transaktion scheitern, und der Dialog bleibt bestehen",
		"usage-terminated":
			"beendet als Antwort auf einen Request innerhalb eines Dialogs die Nutzung, zu welcher der Request gehörte (das Gespräch oder das Abonnement)",
		"dialog-terminated":
			"beendet als Antwort auf einen Request innerhalb eines Dialogs den ganzen Dialog und jede Nutzung darin",
	};
	const rfc3261 = s.uacShouldTerminate
		? `, obwohl ${s.uacShouldTerminate} den UAC weiterhin anweist, den Dialog nach einem ${s.code} auf einen Request darin zu beenden`
		: "";
	const effect = s.endsEarlyDialog
		? "beendet den einen Early Dialog, den sein To-Tag nennt, während der INVITE weiterläuft, und beantwortet nie einen Request innerhalb eines Dialogs (RFC 6228)"
		: effects[s.dialogEffect];
	return `${s.code} ${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `${code} wird mit einem ACK quittiert, das der Anrufer Ende-zu-Ende als neue Transaktion sendet (RFC 3261 §13.2.2.4)`;
		case "hop-by-hop":
			return `${code} wird mit einem ACK quittiert, das Hop für Hop innerhalb der INVITE-Transaktion gesendet wird (RFC 3261 §17.1.1.3)`;
		case "none":
			return `${code} wird nie mit ACK quittiert (RFC 3261 §21.1), und eine zuverlässige vorläufige Antwort wird stattdessen mit PRACK bestätigt (RFC 3262)`;
	}
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function q850Clause(s: Side): string {
	switch (s.q850Basis) {
		case "listed":
			return `${s.code} wird laut Tabelle zu Q.850-Cause ${s.q850To?.cause} (${s.q850To?.name})`;
		case "default":
			return `${s.code} wird nach der Standardregel von RFC 3398 zu Q.850-Cause ${s.q850To?.cause} (${s.q850To?.name}), weil die Tabelle es nicht aufführt`;
		case "warning":
			return `${s.code} hat keinen festen Cause, weil die Tabelle seinen Warning-Header entscheiden lässt`;
		case "unmapped":
			return `${s.code} wird in der Tabelle auf keinen Cause abgebildet`;
		case "not-a-rejection":
			return `${s.code} löst nichts aus, weil es keine Ablehnung ist`;
	}
}

/** German phrases. */
export const de: Phrases = {
	lang: "de",
	sameClass: (a, b) => `${a.code} und ${b.code} sind beide ${CLASS_SHORT[a.class]}.`,
	classes: (a, b) => `${a.code} ist ${CLASS[a.class]}. ${b.code} ist ${CLASS[b.class]}.`,
	forking: (ends, goesOn) =>
		`${ends.code} beendet das Forking: Ein Proxy, der es erhält, bricht seine anderen offenen Zweige ab (RFC 3261 §16.7), während ${goesOn.code} die anderen Zweige weiterlaufen lässt.`,
	senders: (a, b) =>
		`${a.code} wird typischerweise ${fromSenders(a.senders)} gesendet, ${b.code} dagegen ${fromSenders(b.senders)}.`,
	methods: (a, b) => `${a.code} beantwortet ${methodList(a.methods)}, ${b.code} dagegen ${methodList(b.methods)}.`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side) =>
			s.requiredHeaders.length > 0
				? `${s.code} muss ${and.format(s.requiredHeaders)} tragen`
				: `${s.code} hat keinen Pflicht-Header`;
		return `${clause(a)}; ${clause(b)}.`;
	},
	retry: (a, b) => `${capitalize(retryClause(a.code, a.retryKind))}; ${retryClause(b.code, b.retryKind)}.`,
	dialogEffect: (a, b) => `${effectClause(a)}; ${effectClause(b)}${rfc5057Note(a, b, " (RFC 5057 §5.1)")}.`,
	ack: (a, b) => `Als Antwort auf einen INVITE gilt: ${ackClause(a.code, a.ack)}; ${ackClause(b.code, b.ack)}.`,
	q850: (a, b) => `An einem Gateway von SIP nach ISUP gilt: ${q850Clause(a)}; ${q850Clause(b)} (RFC 3398 §8.2.6.1).`,
	status: (s) => {
		if (s.status === "deprecated")
			return `${s.code} ist veraltet${s.deprecatedBy ? ` (${s.deprecatedBy})` : ""}: Neue Implementierungen sollten es nicht senden.`;
		if (s.status === "reserved")
			return `${s.code} ist für künftige Verwendung reserviert und wird in der Praxis nicht gesendet.`;
		if (s.status === "unregistered")
			return `${s.code} steht nicht in der IANA-Registry, daher behandelt ein konformer Agent es als ${s.treatedAs}.`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "Können andere Geräte oder Orte den Benutzer noch erreichen, antworten Sie mit der 4xx-Antwort; eine 6xx-Antwort beendet die Suche überall.";
		if (pair === "4xx/5xx")
			return "Antworten Sie mit der 4xx-Antwort, wenn der Request selbst das Problem ist, und mit der 5xx-Antwort, wenn der Server es ist, damit der Client weiß, ob ein anderer Server helfen könnte.";
		if (pair === "5xx/6xx")
			return "Eine 5xx-Antwort lässt den Client einen anderen Server versuchen, während eine 6xx-Antwort ihm sagt, dass kein Server erfolgreich sein wird.";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "Unregistered",
		summary: `${code} ist kein registrierter SIP-Antwortcode; ein konformer Agent behandelt es als ${as} ${asReason}.`,
		description: `${code} steht nicht in der IANA-Registry der SIP-Antwortcodes. RFC 3261 §8.1.3.2 weist einen Client an, jeden Antwortcode, den er nicht kennt, wie den x00-Code derselben Klasse zu behandeln (und eine unbekannte vorläufige Antwort wie 183), daher wird ${code} genau wie ${as} ${asReason} behandelt. Nur die Reason Phrase und die Header der Nachricht können sagen, was der Absender gemeint hat.`,
		whenYouSeeIt: `Sie sehen ${code}, wenn ein Gerät, eine TK-Anlage oder ein Carrier einen privaten oder veralteten Code verwendet, oft mit einer Reason Phrase, die ihn erklärt. Manche Stacks schreiben auch versehentlich interne Fehlernummern in die Statuszeile.`,
		howToFix: [
			"Lesen Sie die Reason Phrase und einen eventuellen Warning- oder Reason-Header der Antwort: Sie sagen meist, was der Absender gemeint hat.",
			"Bestimmen Sie den Absender anhand des Server- oder User-Agent-Headers und des Via der Antwort, und schlagen Sie den Code in der Dokumentation dieses Herstellers nach.",
			`Stellen Sie sicher, dass Ihre eigene Seite ihn als ${as} behandelt, was RFC 3261 §8.1.3.2 von einem konformen Agent verlangt.`,
			"Haben Sie den Absender in der Hand, ändern Sie ihn auf den passenden registrierten Code, damit andere Geräte nicht raten müssen.",
		],
		commonCauses: [
			"Ein herstellerspezifischer oder veralteter Antwortcode.",
			"Eine interne Fehlernummer, die eine falsch konfigurierte Anwendung in die Statuszeile geschrieben hat.",
		],
		misdiagnoses: [
			`${code} als bedeutungsvolle Protokollantwort zu behandeln: Für jeden konformen Agent bedeutet es nicht mehr als ${as} ${asReason}.`,
		],
		useWhen: `Niemand sollte ${code} senden, weil es nicht registriert ist; verwenden Sie stattdessen den registrierten Code, dessen Bedeutung passt.`,
	}),
};
