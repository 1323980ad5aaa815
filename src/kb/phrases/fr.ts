/** French sentences built from facts. A code is "le 486" (the article before a digit never elides). */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import type { Phrases, Side } from "./types.ts";

const and = new Intl.ListFormat("fr", { type: "conjunction" });
const or = new Intl.ListFormat("fr", { type: "disjunction" });

const CLASS: Record<ResponseClass, string> = {
	"1xx":
		"une réponse provisoire (1xx) : la requête est encore en cours de traitement et une réponse finale doit encore venir",
	"2xx": "une réponse de succès (2xx) : la requête a abouti",
	"3xx": "une redirection (3xx) : la requête doit être renvoyée vers une autre adresse",
	"4xx":
		"un échec de la requête (4xx) : cette requête a échoué sur ce serveur ou sur cette branche, mais l'utilisateur peut encore être joignable ailleurs ou avec une requête corrigée",
	"5xx":
		"un échec du serveur (5xx) : le serveur n'a pas pu traiter une requête peut-être tout à fait valide, donc un autre serveur peut réussir",
	"6xx":
		"un échec global (6xx) : la requête échouera partout, donc aucune autre branche ni aucun autre serveur ne doit être essayé",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "des réponses provisoires (1xx)",
	"2xx": "des réponses de succès (2xx)",
	"3xx": "des redirections (3xx)",
	"4xx": "des échecs de requête (4xx)",
	"5xx": "des échecs de serveur (5xx)",
	"6xx": "des échecs globaux (6xx)",
};

const SENDER: Record<Sender, string> = {
	uas: "l'UA appelé (UAS)",
	proxy: "un proxy",
	registrar: "un registrar",
	redirect: "un serveur de redirection",
	b2bua: "un B2BUA",
};

function methodList(methods: Method[]): string {
	return methods.includes("any") ? "toute requête" : `aux requêtes ${or.format(methods)}`;
}

/** "répond à toute requête" or "répond aux requêtes INVITE ou BYE". */
function answers(methods: Method[]): string {
	return methods.includes("any") ? "répond à toute requête" : `répond ${methodList(methods)}`;
}

function retryClause(code: number, kind: RetryKind): string {
	switch (kind) {
		case "none":
			return `le ${code} n'est pas un échec, il n'y a donc rien à réessayer`;
		case "credentials":
			return `après un ${code}, le client renvoie la requête avec des identifiants`;
		case "modify":
			return `après un ${code}, le client peut réessayer une fois la requête corrigée comme le demande la réponse`;
		case "later":
			return `après un ${code}, le client peut renvoyer plus tard la même requête`;
		case "elsewhere":
			return `après un ${code}, le client doit essayer une autre adresse ou un autre serveur`;
		case "never":
			return `après un ${code}, le client ne doit pas renvoyer la même requête`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "ne crée ni ne termine de dialogue",
		establishes: s.code < 200 ? "crée un dialogue précoce quand il porte un tag To" : "établit le dialogue",
		"transaction-only":
			"ne fait échouer que cette transaction quand il répond à une requête dans un dialogue, et le dialogue reste établi",
		"usage-terminated":
			"termine l'usage auquel appartenait la requête (l'appel ou l'abonnement) quand il répond à une requête dans un dialogue",
		"dialog-terminated":
			"termine le dialogue entier et chacun de ses usages quand il répond à une requête dans un dialogue",
	};
	const rfc3261 = s.uacShouldTerminate
		? `, même si la ${s.uacShouldTerminate} demande toujours à l'UAC de terminer le dialogue après un ${s.code} à une requête qui en fait partie`
		: "";
	const effect = s.endsEarlyDialog
		? "termine le seul dialogue précoce que nomme son tag To pendant que l'INVITE continue, et ne répond jamais à une requête dans un dialogue (RFC 6228)"
		: effects[s.dialogEffect];
	return `le ${s.code} ${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `le ${code} est acquitté par un ACK que l'appelant envoie de bout en bout dans une nouvelle transaction (RFC 3261 §13.2.2.4)`;
		case "hop-by-hop":
			return `le ${code} est acquitté par un ACK envoyé saut par saut dans la transaction INVITE (RFC 3261 §17.1.1.3)`;
		case "none":
			return `le ${code} n'est jamais acquitté par un ACK (RFC 3261 §21.1), et une réponse provisoire fiable est confirmée par un PRACK à la place (RFC 3262)`;
	}
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function q850Clause(s: Side): string {
	switch (s.q850Basis) {
		case "listed":
			return `le ${s.code} devient la cause Q.850 ${s.q850To?.cause} (${s.q850To?.name}) d'après la table`;
		case "default":
			return `le ${s.code} devient la cause Q.850 ${s.q850To?.cause} (${s.q850To?.name}) par la règle par défaut de la RFC 3398, car la table ne le liste pas`;
		case "warning":
			return `le ${s.code} n'a pas de cause fixe, car la table laisse son en-tête Warning en décider`;
		case "unmapped":
			return `le ${s.code} ne correspond à aucune cause de la table`;
		case "not-a-rejection":
			return `le ${s.code} ne libère rien, car ce n'est pas un rejet`;
	}
}

/** French phrases. */
export const fr: Phrases = {
	lang: "fr",
	sameClass: (a, b) => `Le ${a.code} et le ${b.code} sont tous deux ${CLASS_SHORT[a.class]}.`,
	classes: (a, b) => `Le ${a.code} est ${CLASS[a.class]}. Le ${b.code} est ${CLASS[b.class]}.`,
	forking: (ends, goesOn) =>
		`Le ${ends.code} met fin au forking : un proxy qui le reçoit annule ses autres branches en attente (RFC 3261 §16.7), alors que le ${goesOn.code} laisse les autres branches se poursuivre.`,
	senders: (a, b) =>
		`Le ${a.code} est généralement envoyé par ${or.format(a.senders.map((s) => SENDER[s]))}, alors que le ${b.code} est généralement envoyé par ${or.format(b.senders.map((s) => SENDER[s]))}.`,
	methods: (a, b) => `Le ${a.code} ${answers(a.methods)}, alors que le ${b.code} ${answers(b.methods)}.`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side) =>
			s.requiredHeaders.length > 0
				? `le ${s.code} doit porter ${and.format(s.requiredHeaders)}`
				: `le ${s.code} n'a aucun en-tête obligatoire`;
		return `${capitalize(clause(a))}, alors que ${clause(b)}.`;
	},
	retry: (a, b) => `${capitalize(retryClause(a.code, a.retryKind))} ; ${retryClause(b.code, b.retryKind)}.`,
	dialogEffect: (a, b) =>
		`${capitalize(effectClause(a))}, alors que ${effectClause(b)}${rfc5057Note(a, b, " (RFC 5057 §5.1)")}.`,
	ack: (a, b) => `En réponse à un INVITE, ${ackClause(a.code, a.ack)}, alors que ${ackClause(b.code, b.ack)}.`,
	q850: (a, b) => `Sur une passerelle SIP vers ISUP, ${q850Clause(a)}, alors que ${q850Clause(b)} (RFC 3398 §8.2.6.1).`,
	status: (s) => {
		if (s.status === "deprecated")
			return `Le ${s.code} est déprécié${s.deprecatedBy ? ` (${s.deprecatedBy})` : ""} : les nouvelles implémentations ne doivent pas l'envoyer.`;
		if (s.status === "reserved") return `Le ${s.code} est réservé pour un usage futur et n'est pas envoyé en pratique.`;
		if (s.status === "unregistered")
			return `Le ${s.code} ne figure pas dans le registre de l'IANA, donc un agent conforme le traite comme un ${s.treatedAs}.`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "Si d'autres terminaux ou emplacements peuvent encore joindre l'utilisateur, répondez par le 4xx ; un 6xx met fin à la recherche partout.";
		if (pair === "4xx/5xx")
			return "Répondez par le 4xx quand le problème vient de la requête elle-même et par le 5xx quand il vient du serveur, pour que le client sache si un autre serveur pourrait l'aider.";
		if (pair === "5xx/6xx")
			return "Un 5xx permet au client d'essayer un autre serveur, alors qu'un 6xx lui dit qu'aucun serveur ne réussira.";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "Non enregistré",
		summary: `Le ${code} n'est pas un code de réponse SIP enregistré ; un agent conforme le traite comme un ${as} ${asReason}.`,
		description: `Le ${code} ne figure pas dans le registre IANA des codes de réponse SIP. La RFC 3261 §8.1.3.2 demande à un client de traiter tout code de réponse qu'il ne reconnaît pas comme le code x00 de la même classe (et une réponse provisoire inconnue comme un 183), donc le ${code} est traité exactement comme un ${as} ${asReason}. Seuls le libellé et les en-têtes du message peuvent dire ce que l'émetteur voulait exprimer.`,
		whenYouSeeIt: `Vous voyez un ${code} quand un terminal, un PBX ou un opérateur utilise un code privé ou obsolète, souvent avec un libellé qui l'explique. Certaines piles SIP placent aussi par erreur des numéros d'erreur internes dans la ligne d'état.`,
		howToFix: [
			"Lisez le libellé et tout en-tête Warning ou Reason de la réponse : ils disent généralement ce que l'émetteur voulait exprimer.",
			"Identifiez l'émetteur par l'en-tête Server ou User-Agent et le Via de la réponse, et cherchez le code dans la documentation de cet éditeur.",
			`Assurez-vous que votre propre côté le traite comme un ${as}, ce que la RFC 3261 §8.1.3.2 exige d'un agent conforme.`,
			"Si vous maîtrisez l'émetteur, remplacez-le par le code enregistré qui convient, pour que les autres équipements n'aient pas à deviner.",
		],
		commonCauses: [
			"Un code de réponse propriétaire ou obsolète.",
			"Un numéro d'erreur interne écrit dans la ligne d'état par une application mal configurée.",
		],
		misdiagnoses: [
			`Traiter le ${code} comme une réponse protocolaire porteuse de sens : pour tout agent conforme, il ne signifie rien de plus qu'un ${as} ${asReason}.`,
		],
		useWhen: `Personne ne devrait envoyer de ${code}, car il n'est pas enregistré ; utilisez plutôt le code enregistré dont le sens convient.`,
	}),
};
