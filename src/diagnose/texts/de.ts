/** German words for the findings. */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** What the client did after a 503, as far as the capture shows. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return `; der Client ist auf ${s(p.failover)} ausgewichen`;
	if (p.next === "same") return "; der Client hat denselben Server erneut versucht";
	if (p.next === "none") return "; in diesem Mitschnitt folgte kein weiterer Versuch";
	return "";
}

/** "von Agent bei Adresse", or "" when neither is known. */
function fromWhom(agent: string | number | undefined, at: string | number | undefined, prefix: string): string {
	if (!agent && !at) return "";
	return ` ${prefix} ${[s(agent), at ? `bei ${s(at)}` : ""].filter(Boolean).join(" ")}`;
}

/** A measured number with the German decimal comma (31,5 s, 4,2 %); anything else as given. */
function dez(v: string | number | undefined): string {
	const text = s(v);
	return /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}

/** "caller→callee" / "callee→caller" as German readers say it; any other value is shown as given. */
function richtung(direction: string | number | undefined): string {
	if (direction === "caller→callee") return "vom Anrufer zum Angerufenen";
	if (direction === "callee→caller") return "vom Angerufenen zum Anrufer";
	return `in Richtung ${s(direction)}`;
}

/** German finding texts. */
export const de: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `${s(p.method)} erhielt eine Challenge und wurde mit Zugangsdaten erneut gesendet: ein normaler Authentifizierungsablauf, kein Fehler${yes(p.stale) ? " (der Server hat außerdem eine nonce mit stale=true ablaufen lassen, was Routine ist)" : ""}.`,
	}),
	"auth-loop": (p) => ({
		text: `${s(p.method)} erhielt ${s(p.count)}-mal eine Challenge, auch nachdem es Zugangsdaten trug: Der Server weist Benutzernamen, Passwort oder realm zurück${p.realm ? ` (realm "${s(p.realm)}")` : ""}.`,
		fix: "Prüfen Sie den Authentifizierungsnamen (Auth-ID, der von der Nebenstelle abweichen kann), das Passwort und den realm, für den der Client antwortet; vergleichen Sie bei Asterisk die auth-Sektion des Endpoints, bei FreeSWITCH das Passwort des Directory-Benutzers.",
	}),
	"auth-forbidden": (p) => ({
		text: `${s(p.method)} trug Zugangsdaten und wurde mit 403 Forbidden beantwortet: Die Zugangsdaten wurden verstanden und abgewiesen, oder Konto oder Quelladresse sind nicht zugelassen.`,
		fix: "Prüfen Sie, ob das Konto aktiv und von dieser IP-Adresse aus zugelassen ist, ob die Auth-ID zum Konto passt, sowie die ACLs und Registrierungslimits des Servers; wiederholen Sie nicht mit denselben Zugangsdaten.",
	}),
	"auth-unanswered": (p) => ({
		text: `${s(p.method)} erhielt${p.realm ? ` für realm "${s(p.realm)}"` : ""} eine Challenge und wurde in diesem Mitschnitt nicht mit Zugangsdaten erneut gesendet: Der Client hat für diesen Server vielleicht keine konfiguriert.`,
		fix: "Konfigurieren Sie auf dem Client Zugangsdaten für diesen realm, oder lassen Sie den Server dem Client anhand seiner IP-Adresse vertrauen, wenn das beabsichtigt ist.",
	}),
	"missing-ack": (p) => ({
		text: `Das ${s(p.code)} auf den INVITE wurde${p.hop ? ` auf ${s(p.hop)}` : ""} ${s(p.retransmissions)}-mal wiederholt, und auf diesem Hop kam kein ACK${p.byeAfter !== "" ? `; der ${p.byeBy === "caller" ? "Anrufer" : "Angerufene"} hat ${s(p.byeAfter)} s später aufgelegt${yes(p.timerH) ? ", wie es ein UAS tut, wenn innerhalb von 64×T1 = 32 s kein ACK kommt (RFC 3261 §13.3.1.4)" : ""}` : ""}. Das ACK geht an den Contact des 200 (${s(p.contact) || "keiner"})${p.recordRoute ? ` über das Record-Route-Set ${s(p.recordRoute)}` : ""}.`,
		fix: "Finden Sie heraus, wohin der Anrufer sein ACK gesendet hat (oder warum nicht): ein privater oder falscher Contact im 200, ein Record-Route, das auf eine unerreichbare Adresse zeigt, NAT oder ein SIP-ALG, das Header umschreibt, oder asymmetrisches Routing.",
	}),
	"no-response": (p) => ({
		text: `${s(p.method)} wurde${p.to ? ` an ${s(p.to)}` : ""} ${s(p.sent)}-mal innerhalb von ${s(p.over)} s gesendet, und nichts hat geantwortet, nicht einmal 100 Trying: Die Transaktion ist lokal abgelaufen (Timer ${p.method === "INVITE" ? "B" : "F"}, 64×T1).`,
		fix: "Prüfen Sie, ob das Ziel unter dieser Adresse, diesem Port und diesem Transport erreichbar ist: Routing und DNS, Firewalls und Security Groups, NAT und ob die Gegenseite auf diesem Transport überhaupt lauscht.",
	}),
	"request-timeout": (p) => ({
		text: `${s(p.method)} wurde ${yes(p.provisional) ? "nach dem Klingeln" : "ohne Klingeln"} von ${s(p.from) || "einem Element auf dem Pfad"} mit 408 Request Timeout beantwortet: ${yes(p.provisional) ? "Ein No-Answer-Timer ist abgelaufen" : "Das Element dahinter hat nie geantwortet"}.`,
		fix: "Sehen Sie sich das Element an, welches das 408 gesendet hat, und den Hop danach: Timer C eines Proxys oder der No-Answer-Timer eines Gateways, oder ein nächster Hop, der nie geantwortet hat.",
	}),
	"caller-abandoned": (p) => ({
		text: `Der Anrufer hat abgebrochen${p.ring !== "" ? `, nachdem es ${s(p.ring)} s geklingelt hatte` : p.afterInvite !== "" ? `, ${s(p.afterInvite)} s nach dem INVITE` : ""}; 487 Request Terminated ist das normale Ende eines abgebrochenen INVITE.`,
	}),
	"cancel-200-race": (p) => ({
		text: `Ein 200 OK auf den INVITE hat sich mit dem CANCEL des Anrufers gekreuzt: Der Anruf wurde trotzdem angenommen${yes(p.acked) && yes(p.ended) ? ", und der Anrufer hat ihn korrekt mit ACK quittiert und mit BYE aufgelegt" : yes(p.acked) ? ", und der Anrufer hat ihn mit ACK quittiert, aber nie BYE gesendet" : ", und der Anrufer hat ihn weder mit ACK quittiert noch BYE gesendet"}.`,
		fix: "Ein UAC, der nach CANCEL noch eine 2xx-Antwort erhält, muss sie mit ACK quittieren und BYE senden (RFC 3261 §9.1); sonst behält der Angerufene ein halb offenes Gespräch.",
	}),
	"refer-no-notify": (p) => ({
		text: `Der REFER${p.target ? ` an ${s(p.target)}` : ""} wurde angenommen, aber es folgte kein NOTIFY: Der Vermittelnde erfährt nie, wie die Weitervermittlung verlaufen ist.`,
		fix: "Der Transferee muss NOTIFY mit Event: refer und einem message/sipfrag-Body senden (RFC 3515); prüfen Sie seine Unterstützung für Weitervermittlung, SBCs, die NOTIFY zurückhalten, und ob der Vermittelnde auflegt, bevor es ankommt.",
	}),
	"refer-result": (p) => ({
		text: `Die NOTIFYs der Weitervermittlung (${s(p.notifies)}) melden "${s(p.status)} ${s(p.reason)}"${Number(p.status) >= 300 ? ": Das Vermittlungsziel war nicht erreichbar" : yes(p.final) ? ": Die Weitervermittlung war erfolgreich" : ": Die Weitervermittlung lief noch, als der Mitschnitt endete"}.`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `${s(p.code)} von ${s(p.decliner) || "einem nicht identifizierten Element"}${p.from ? ` bei ${s(p.from)}` : ""} hat die Suche auf jedem Zweig beendet${Number(p.branches) === 1 ? (yes(p.cancelled) ? "; der andere Zweig wurde abgebrochen" : "; der andere Zweig wurde in diesem Mitschnitt nicht abgebrochen") : Number(p.branches) > 1 ? `; ${s(p.cancelled)} der ${s(p.branches)} anderen Zweige wurden abgebrochen` : ""}: Eine 6xx-Antwort beendet das Forking (RFC 3261 §16.7), daher werden andere Geräte, Sammelgruppen und die Mailbox bei Nichtmelden abgeschnitten.`,
		fix: "Sollen andere Geräte oder die Mailbox den Anruf noch erhalten, lassen Sie das ablehnende Gerät mit 486 oder 480 statt einer 6xx-Antwort antworten, oder konfigurieren Sie den Proxy so, dass er nach einer 6xx-Antwort weitermacht.",
	}),
	"503-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` von ${s(p.agent)}` : ""}${p.server ? ` bei ${s(p.server)}` : ""} hat den Client gebeten, ${s(p.seconds)} s zu warten (Retry-After)${next503(p)}${yes(p.relayed) ? ". Ein Proxy hat das 503 in Richtung Anrufer weitergegeben, was er nicht tun sollte, wenn andere Ziele bedienen könnten" : ""}.`,
		fix: "Finden Sie heraus, warum der Server nicht verfügbar ist (Überlast, Wartung, Kanal- oder Lizenzlimits, ein unerreichbarer nächster Hop), und lassen Sie Clients auf einen anderen Server ausweichen (DNS SRV, dispatcher-Sets).",
	}),
	"503-no-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` von ${s(p.agent)}` : ""}${p.server ? ` bei ${s(p.server)}` : ""} ohne Retry-After, was ein Client wie 500 behandelt${next503(p)}${yes(p.relayed) ? ". Ein Proxy hat das 503 in Richtung Anrufer weitergegeben, was er nicht tun sollte, wenn andere Ziele bedienen könnten" : ""}.`,
		fix: "Finden Sie heraus, warum der Server abgelehnt hat (Kapazität, eine von qualify oder OPTIONS-Pings als ausgefallen markierte Gegenstelle, Wartung), und lassen Sie Clients einen alternativen Server versuchen.",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer)) parts.push("der INVITE trug kein SDP-Offer, daher wurde das Offer des Answerers abgelehnt");
		if (p.offered) parts.push(`angebotene Codecs: ${s(p.offered)}`);
		if (p.accepted) parts.push(`der Answerer unterstützt ${s(p.accepted)}`);
		if (r.includes("codec")) parts.push("der Warning-Header weist auf die Codecs hin");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`Transportprofil ${s(p.protocols)}: RTP/AVP und RTP/SAVP(F) passen nicht zueinander`);
		if (r.includes("media-type") || r.includes("non-audio-offered"))
			parts.push(`angebotene Medientypen: ${s(p.types)}`);
		if (r.includes("no-telephone-event")) parts.push("für DTMF wurde kein telephone-event angeboten");
		if (p.warning) parts.push(`Warning: ${s(p.warning)}`);
		return {
			text: `${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}${fromWhom(p.agent, p.from, "von")}: Das Session-Offer wurde abgelehnt. ${parts.join("; ")}.`,
			fix: "Sorgen Sie dafür, dass sich Offer und Fähigkeiten des Answerers überschneiden: Erlauben Sie auf beiden Seiten einen gemeinsamen Codec (PCMU/PCMA als Rückfall), gleichen Sie die SRTP-Einstellungen ab (media_encryption, sdes/dtls), entfernen Sie Video- oder image-Ströme, welche die Gegenseite nicht annehmen kann, und bieten Sie telephone-event an, wenn DTMF gebraucht wird.",
		};
	},
	"nat-private-address": (p) => ({
		text: `Die private Adresse ${s(p.address)} erscheint in ${s(p.where)}, während die Pakete von ${s(p.source)} kommen: Ein Gerät hinter NAT nennt seine interne Adresse.`,
		fix: "Lassen Sie das Gerät oder seine TK-Anlage die öffentliche Adresse nennen (Asterisk: external_media_address und external_signaling_address mit local_net; FreeSWITCH: ext-rtp-ip und ext-sip-ip), oder lassen Sie SBC oder Proxy Contact und SDP korrigieren (Kamailio nathelper/rtpengine); deaktivieren Sie SIP-ALGs auf Routern.",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `${s(p.answer)}${p.by ? ` von ${s(p.by)}` : ""} hat den Strom ${s(p.streams)} abgelehnt (Port 0 in der Answer, RFC 3264 §6)${p.left ? `; ${s(p.left)} bleibt bestehen` : ": Kein Medienstrom bleibt übrig, daher ist das Gespräch ohne Medien verbunden"}.`,
				...(p.left
					? {}
					: {
							fix: "Finden Sie heraus, warum der Answerer den Strom abgelehnt hat: kein gemeinsamer Codec oder kein gemeinsames Transportprofil (RTP/AVP gegenüber RTP/SAVP), ein deaktivierter Medientyp oder eine SBC-Policy; vergleichen Sie das Offer mit dem, was der Answerer zulässt.",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "Eine Seite"} hat das Gespräch gehalten: ${s(p.what)} bietet Audio als ${s(p.direction)} an (RFC 3264 §8.4)${p.followed === 1 ? ", und die Answer folgt dem" : p.followed === 0 ? ", aber die Answer folgt dem nicht (RFC 3264 §6.1)" : ""}.`,
				fix: "Wollte niemand das Gespräch halten, prüfen Sie die Einstellungen des Geräts für Halten und Wartemusik sowie jeden SBC, der das SDP umschreibt.",
			};
		const oneWay = p.direction === "inactive" ? "in keine Richtung" : "nur in eine Richtung";
		if (p.kind === "initial")
			return {
				text: `${s(p.what)}${p.by ? ` von ${s(p.by)}` : ""} bietet Audio von Anfang an als ${s(p.direction)} an: Audio fließt ${oneWay}.`,
				fix: "Prüfen Sie die SDP-Richtungseinstellungen des Anrufers und jeden SBC, der das Offer umschreibt.",
			};
		return {
			text: `${s(p.what)}${p.by ? ` von ${s(p.by)}` : ""} hat ein sendrecv-Offer mit ${s(p.direction)} beantwortet: Audio fließt ${oneWay}.`,
			fix: "Prüfen Sie die SDP-Richtungseinstellungen des Answerers (ein Gerät oder SBC, das mit recvonly oder inactive antwortet) und ob er das Gespräch halten wollte.",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `${s(p.method)} wurde${fromWhom(p.agent, p.from, "von")} mit 481 beantwortet: Die Gegenseite kennt diesen Dialog nicht${yes(p.established) ? ", obwohl er früher in diesem Mitschnitt aufgebaut wurde" : ""}${yes(p.afterRefer) ? "; zuvor gab es eine Weitervermittlung, daher wurde der Dialog vielleicht ersetzt" : ""}${p.routeFollowed === 0 ? "; der Request ist dem Record-Route-Set nicht gefolgt" : ""}.`,
		fix: "Prüfen Sie, ob die Gegenseite neu gestartet ist oder ein Failover gemacht hat, ob der Request das Route-Set aus Record-Route und den Remote-Contact als Ziel verwendet hat, ob Call-ID und Tags zum Dialog passen und, nach einer Weitervermittlung, dass der alte Abschnitt nicht zweimal beendet wird.",
	}),
	"loop-detected": (p) => ({
		text: `482 Loop Detected${fromWhom(p.agent, p.detector, "von")}: Der Request kam zu einem Proxy zurück, der ihn bereits weitergeleitet hatte${p.repeated ? ` (Via wiederholt ${s(p.repeated)})` : ""}.`,
		fix: "Suchen Sie nach einer Routing-Schleife zwischen Proxys oder einem Proxy, der zu sich selbst routet (seine eigene Domain oder Adresse als nächster Hop); Spiralen mit geänderter Request-URI sind zulässig, Schleifen nicht.",
	}),
	"too-many-hops": (p) => ({
		text: `483 Too Many Hops${fromWhom(p.agent, p.detector, "von")}: Max-Forwards ist auf null heruntergezählt${p.maxForwards ? ` (${s(p.maxForwards)} über ${s(p.hops)} Kopien)` : ""}, meist eine Schleife über B2BUAs, die jedes Mal neue Via-Header bauen.`,
		fix: "Verfolgen Sie die Route zwischen den B2BUAs oder TK-Anlagen, die diesen Anruf hin und her leiten (etwa zwei Systeme, deren Routen aufeinander zeigen), und setzen Sie Max-Forwards auf einem B2BUA nicht zurück.",
	}),
	"redirect-followed": (p) => ({
		text: `Dem Redirect ${s(p.code)} wurde gefolgt: Der Anrufer hat einen neuen INVITE an ${s(p.target)} gesendet.`,
	}),
	"redirect-not-followed": (p) => ({
		text: `${s(p.code)} hat den Anruf ${p.targets ? `an ${s(p.targets)} umgeleitet` : "umgeleitet, ohne einen Contact als Ziel zu nennen"}, und es folgte kein neuer INVITE.`,
		fix: p.targets
			? "Lassen Sie den Anrufer oder seine TK-Anlage Redirects folgen (bei Asterisk redirect_method des pjsip-Endpoints, bei FreeSWITCH manual-redirect), oder lassen Sie die umleitende Seite den Anruf stattdessen selbst weiterleiten."
			: "Eine 3xx-Antwort muss das neue Ziel in Contact tragen; korrigieren Sie das umleitende Element.",
	}),
	"redirect-loop": (p) => ({
		text: `${s(p.code)} hat den Anrufer zu einem bereits versuchten Ziel zurückgeschickt (${s(p.target)}): eine Redirect-Schleife.`,
		fix: "Prüfen Sie die Umleitungsregeln des Redirect-Servers oder der TK-Anlage: zwei Umleitungen, die aufeinander zeigen, oder ein Redirect an die eigene Adresse des Anrufers.",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pending: Beide Seiten haben gleichzeitig ${s(p.method)}-Requests gesendet (Glare). ${[1, 2]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "Eine Seite"} (${yes(p[`owner${k}`]) ? "hat die Call-ID erzeugt: 2,1–4 s" : "hat die Call-ID nicht erzeugt: 0–2 s"})`;
				return p[`wait${k}`] === ""
					? `${who} hat es in diesem Mitschnitt nicht erneut versucht`
					: `${who} hat es nach ${s(p[`wait${k}`])} s erneut versucht, ${yes(p[`inWindow${k}`]) ? "innerhalb" : "außerhalb"} seines Fensters nach RFC 3261 §14.1`;
			})
			.join(
				"; ",
			)}${yes(p.through) ? "" : `; kein späterer ${s(p.method)} war erfolgreich, daher ging die Änderung der Session verloren`}.`,
		fix: "Der UAC sollte das zufällige Intervall aus RFC 3261 §14.1 abwarten und es erneut versuchen; wiederholtes Glare deutet auf zwei Systeme hin, welche die Session im selben Moment auffrischen.",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)}: ${p.code === 422 ? "Das Session-Intervall" : "Die Ablaufzeit"}${p.asked ? ` von ${s(p.asked)} s` : ""} lag unter dem Minimum des Servers${p.min ? ` von ${s(p.min)} s` : ""}${yes(p.ok) ? `; ${s(p.method)} wurde mit ${s(p.retry)} s erneut versucht und war erfolgreich` : p.retry ? `; der neue Versuch mit ${s(p.retry)} s ist ebenfalls gescheitert` : "; der Client hat es nicht erneut versucht"}.`,
		fix:
			p.code === 422
				? "Erhöhen Sie das Session-Expires des Clients auf mindestens den Min-SE-Wert (Asterisk timers_sess_expires, FreeSWITCH session-timeout)."
				: "Erhöhen Sie die Ablaufzeit der Registrierung auf mindestens Min-Expires.",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)}: ${p.code === 420 ? `Der Server unterstützt die Erweiterung(en) ${s(p.tags) || s(p.required)} nicht, die der Request verlangt hat` : `Der Server verlangt die Erweiterung(en) ${s(p.tags)}, die der Request nicht als unterstützt aufgeführt hat`}.`,
		fix:
			p.code === 420
				? "Setzen Sie das Option-Tag nicht in Require (oder Proxy-Require), sofern die Gegenseite es nicht unterstützt; verschieben Sie es nach Supported."
				: "Aktivieren Sie die Erweiterung auf dem Client (etwa 100rel oder timer), oder bitten Sie den Server, sie optional zu machen.",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Type: Der Body${p.sent ? ` (${s(p.sent)})` : ""} ist nicht annehmbar${p.accept ? `; der Server akzeptiert ${s(p.accept)}` : ""}${p.encoding ? `, und der Body war als ${s(p.encoding)} kodiert` : ""}.`,
		fix: "Senden Sie einen Body-Typ, den der Server in Accept auflistet, oder aktivieren Sie den Body-Typ auf dem Server.",
	}),
	"who-failed": (p) => ({
		text: `Der Anruf wurde durch ${s(p.code)} von ${s(p.agent) || "einem nicht identifizierten Element"}${p.from ? ` bei ${s(p.from)}` : ""} beendet${p.sameAsRinging === 1 ? "; sein To-Tag ist das der klingelnden Antworten des Angerufenen, also hat der Angerufene selbst den Anruf beendet" : p.sameAsRinging === 0 ? "; sein To-Tag weicht von den klingelnden Antworten des Angerufenen ab, also hat ein Element auf dem Pfad (Proxy, B2BUA oder SBC) es erzeugt" : ""}${Number(p.vias) > 1 ? `, beantwortet über ${s(p.vias)} Via-Hops` : ""}${p.reason ? `; Reason: ${s(p.reason)}` : ""}.`,
		fix: "Beginnen Sie mit den Logs und der Konfiguration dieses Elements: Es hat die Entscheidung getroffen; die Elemente davor haben sie nur weitergegeben.",
	}),
	scanner: (p) => ({
		text: `Ein SIP-Scan von ${s(p.from) || "einer unbekannten Quelle"} (${s(p.agent)}): ${s(p.requests)} ${Number(p.requests) === 1 ? "Request" : "Requests"} (${s(p.methods)}) an ${s(p.users)} ${Number(p.users) === 1 ? "Benutzer oder Nebenstelle" : "Benutzer oder Nebenstellen"}${p.seconds !== "" ? ` in ${s(p.seconds)} s` : ""}, ${s(p.unanswered)} unbeantwortet.`,
		fix: "Blockieren Sie die Quelle an der Firewall oder mit fail2ban/APIBAN, beantworten Sie unbekannte Benutzer nicht mit unterscheidbaren Antworten, und stellen Sie sicher, dass kein Konto ein schwaches Passwort hat.",
	}),
	"start-not-captured": (p) => ({
		text: `Der Mitschnitt beginnt mitten in diesem Gespräch: Seine erste Nachricht hier ist ${s(p.first)}, daher ist der Request, der es aufgebaut hat, nicht im Mitschnitt${p.outcome ? `; das gezeigte Ergebnis ist die Antwort auf den mitgeschnittenen ${s(p.method)} (${s(p.outcome)})` : ""}.`,
	}),
	"media-none": (p) => ({
		text: `Der Anruf wurde angenommen und dauerte ${dez(p.seconds)} s, aber in keiner Richtung war RTP zu sehen (das Offer nannte ${s(p.offer)}, die Answer ${s(p.answer)}).`,
		fix: "Prüfen Sie zuerst, ob der Mitschnittpunkt den Medienpfad überhaupt sieht, dann Firewalls und NAT zwischen den beiden Medienadressen, einen SBC oder eine TK-Anlage, welche die Medien durchleiten soll (Einstellungen für direct media oder re-INVITE), und ob eine Seite eine für die andere unerreichbare Adresse angekündigt hat.",
	}),
	"media-one-way": (p) => ({
		text: `RTP floss nur ${richtung(p.flowing)}; ${richtung(p.missing)} kam nichts, obwohl das SDP Audio in beide Richtungen vorsah (diese Richtung hätte an ${s(p.to)} gehen sollen).`,
		fix: "Einseitiges Audio liegt meist an NAT oder einer Firewall: Vergleichen Sie die Adresse im SDP mit der Adresse, von der die Pakete tatsächlich kommen, lassen Sie den RTP-Portbereich eingehend zu, schalten Sie das SIP-ALG im Router ab und aktivieren Sie auf der TK-Anlage symmetrisches RTP (rtp_symmetric, NAT-Einstellungen) oder ein Media-Relay.",
	}),
	"media-payload": (p) => ({
		text: `RTP von ${s(p.src)} an ${s(p.dst)} verwendet den Payload-Typ ${s(p.pt)} (${s(p.codec)}), den die SDP-Answer nicht aufgeführt hat (sie nannte ${s(p.allowed)}).`,
		fix: "Der Sender ignoriert den ausgehandelten Codec: Prüfen Sie seine Codec-Reihenfolge, ob er die Answer überhaupt auswertet, und jeden transcodierenden SBC; der Empfänger verwirft diese Pakete womöglich oder dekodiert sie zu Rauschen.",
	}),
	"media-loss": (p) => ({
		text: `${dez(p.percent)} % der RTP-Pakete ${richtung(p.direction)} gingen verloren (${s(p.lost)} von ${s(p.expected)}, ${s(p.src)} an ${s(p.dst)}), gemessen am Mitschnittpunkt: Der Verlust ist also vor diesem Punkt entstanden.`,
		fix: "Schneiden Sie näher am Sender mit, um den Hop zu finden, der Pakete verwirft; prüfen Sie Leitungsauslastung, Wi-Fi, QoS-Markierung (DSCP EF) und Duplex-Mismatches entlang des Pfads.",
	}),
	"media-jitter": (p) => ({
		text: `RTP ${richtung(p.direction)} kam mit bis zu ${dez(p.max)} ms Jitter an (Mittel ${dez(p.mean)} ms, ${s(p.src)} an ${s(p.dst)}), genug, um einen üblichen Jitter-Puffer zum Überlaufen zu bringen.`,
		fix: "Suchen Sie nach Überlast oder Bufferbloat auf dem Pfad, priorisieren Sie Sprache (DSCP EF, ein eigenes VLAN) und prüfen Sie die Größe des Jitter-Puffers auf der Empfangsseite.",
	}),
	"media-after-bye": (p) => ({
		text: `RTP von ${s(p.src)} an ${s(p.dst)} floss noch ${dez(p.seconds)} s nach dem BYE weiter.`,
		fix: "Der Sender hat seine Medien am Gesprächsende nicht gestoppt: Prüfen Sie, ob er das BYE (oder das 200 darauf) verarbeitet und ob nicht ein anderer Anruf dieselben Ports wiederverwendet.",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `RTP ${richtung(p.direction)} ging an ${s(p.actual)} statt an die Adresse ${s(p.sdp)}, die der Empfänger in seinem SDP angekündigt hatte.`,
					fix: "Etwas zwischen den Seiten hat die Medienadresse umgeschrieben (SBC, SIP-ALG, ein Relay), oder der Sender hat per Latching eine andere Adresse übernommen; vergleichen Sie das SDP auf beiden Seiten jeder Middlebox und das Ziel, das die Pakete tatsächlich verwenden.",
				}
			: {
					text: `Das SDP kündigte für RTP ${richtung(p.direction)} die private Adresse ${s(p.sdp)} an, die Pakete kommen aber von ${s(p.actual)}: Der Sender sitzt hinter NAT.`,
					fix: "Audio an eine private Adresse kann nicht ankommen: Lassen Sie den Sender seine öffentliche Adresse ankündigen (STUN, externe Medienadresse auf der TK-Anlage), oder aktivieren Sie auf der Gegenseite symmetrisches RTP / Media-Latching.",
				},
	"media-gap": (p) => ({
		text: `RTP ${richtung(p.direction)} (${s(p.src)} an ${s(p.dst)}) setzte mitten im Gespräch für etwa ${dez(p.seconds)} s aus, obwohl kein SDP das Gespräch auf Halten gesetzt hatte.`,
		fix: "Suchen Sie nach einem Netzausfall oder einer Routenänderung zu diesem Zeitpunkt, einem Sender, der bei Stille ohne Ankündigung verstummt (VAD ohne Comfort Noise), oder einem Medienserver, der den Strom pausiert hat.",
	}),
};
