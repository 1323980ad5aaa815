/** Spanish sentences built from facts. */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import type { Phrases, Side } from "./types.ts";

const and = new Intl.ListFormat("es", { type: "conjunction" });
const or = new Intl.ListFormat("es", { type: "disjunction" });

const CLASS: Record<ResponseClass, string> = {
	"1xx": "una respuesta provisional (1xx): la petición todavía se está procesando y aún falta una respuesta final",
	"2xx": "una respuesta de éxito (2xx): la petición funcionó",
	"3xx": "una redirección (3xx): la petición debe enviarse de nuevo a otra dirección",
	"4xx":
		"un fallo de la petición (4xx): esta petición falló en este servidor o en esta rama, pero el usuario todavía puede estar localizable en otro sitio o con una petición corregida",
	"5xx":
		"un fallo del servidor (5xx): el servidor no pudo tratar una petición que bien puede ser válida, así que otro servidor puede tener éxito",
	"6xx":
		"un fallo global (6xx): la petición fallará en todas partes, así que no debe probarse ninguna otra rama ni ningún otro servidor",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "respuestas provisionales (1xx)",
	"2xx": "respuestas de éxito (2xx)",
	"3xx": "redirecciones (3xx)",
	"4xx": "fallos de la petición (4xx)",
	"5xx": "fallos del servidor (5xx)",
	"6xx": "fallos globales (6xx)",
};

const SENDER: Record<Sender, string> = {
	uas: "el UA llamado (UAS)",
	proxy: "un proxy",
	registrar: "un registrar",
	redirect: "un servidor de redirección",
	b2bua: "un B2BUA",
};

function methodList(methods: Method[]): string {
	return methods.includes("any") ? "a cualquier petición" : `a peticiones ${or.format(methods)}`;
}

function retryClause(code: number, kind: RetryKind): string {
	switch (kind) {
		case "none":
			return `el ${code} no es un fallo, así que no hay nada que reintentar`;
		case "credentials":
			return `tras un ${code}, el cliente reenvía la petición con credenciales`;
		case "modify":
			return `tras un ${code}, el cliente puede reintentar cuando haya corregido la petición como pide la respuesta`;
		case "later":
			return `tras un ${code}, el cliente puede volver a enviar la misma petición más tarde`;
		case "elsewhere":
			return `tras un ${code}, el cliente debería probar otra dirección u otro servidor`;
		case "never":
			return `tras un ${code}, el cliente no debería volver a enviar la misma petición`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "ni crea ni termina un diálogo",
		establishes: s.code < 200 ? "crea un diálogo temprano cuando lleva un tag de To" : "establece el diálogo",
		"transaction-only":
			"solo hace fallar esa transacción cuando responde a una petición dentro de un diálogo, y el diálogo sigue establecido",
		"usage-terminated":
			"termina el uso al que pertenecía la petición (la llamada o la suscripción) cuando responde a una petición dentro de un diálogo",
		"dialog-terminated":
			"termina el diálogo entero y cada uno de sus usos cuando responde a una petición dentro de un diálogo",
	};
	const rfc3261 = s.uacShouldTerminate
		? `, aunque ${s.uacShouldTerminate} sigue indicando al UAC que termine el diálogo tras un ${s.code} a una petición dentro de él`
		: "";
	const effect = s.endsEarlyDialog
		? "termina el único diálogo temprano que nombra su tag de To mientras el INVITE continúa, y nunca responde a una petición dentro de un diálogo (RFC 6228)"
		: effects[s.dialogEffect];
	return `el ${s.code} ${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `el ${code} se confirma con un ACK que el llamante envía de extremo a extremo como una transacción nueva (RFC 3261 §13.2.2.4)`;
		case "hop-by-hop":
			return `el ${code} se confirma con un ACK enviado salto a salto dentro de la transacción INVITE (RFC 3261 §17.1.1.3)`;
		case "none":
			return `el ${code} nunca se confirma con ACK (RFC 3261 §21.1), y una respuesta provisional fiable se confirma en cambio con PRACK (RFC 3262)`;
	}
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function q850Clause(s: Side): string {
	switch (s.q850Basis) {
		case "listed":
			return `el ${s.code} se convierte según la tabla en la causa Q.850 ${s.q850To?.cause} (${s.q850To?.name})`;
		case "default":
			return `el ${s.code} se convierte en la causa Q.850 ${s.q850To?.cause} (${s.q850To?.name}) por la regla por defecto de RFC 3398, porque la tabla no lo incluye`;
		case "warning":
			return `el ${s.code} no tiene una causa fija, porque la tabla deja que decida su cabecera Warning`;
		case "unmapped":
			return `el ${s.code} no corresponde a ninguna causa de la tabla`;
		case "not-a-rejection":
			return `el ${s.code} no libera nada, porque no es un rechazo`;
	}
}

/** Spanish phrases. */
export const es: Phrases = {
	lang: "es",
	sameClass: (a, b) => `El ${a.code} y el ${b.code} son ambos ${CLASS_SHORT[a.class]}.`,
	classes: (a, b) => `El ${a.code} es ${CLASS[a.class]}. El ${b.code} es ${CLASS[b.class]}.`,
	forking: (ends, goesOn) =>
		`El ${ends.code} termina la bifurcación: un proxy que lo recibe cancela sus demás ramas pendientes (RFC 3261 §16.7), mientras que el ${goesOn.code} deja que sigan las demás ramas.`,
	senders: (a, b) =>
		`El ${a.code} lo envía normalmente ${or.format(a.senders.map((s) => SENDER[s]))}, mientras que el ${b.code} lo envía normalmente ${or.format(b.senders.map((s) => SENDER[s]))}.`,
	methods: (a, b) =>
		`El ${a.code} responde ${methodList(a.methods)}, mientras que el ${b.code} responde ${methodList(b.methods)}.`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side) =>
			s.requiredHeaders.length > 0
				? `el ${s.code} debe llevar ${and.format(s.requiredHeaders)}`
				: `el ${s.code} no tiene ninguna cabecera obligatoria`;
		return `${capitalize(clause(a))}, mientras que ${clause(b)}.`;
	},
	retry: (a, b) => `${capitalize(retryClause(a.code, a.retryKind))}; ${retryClause(b.code, b.retryKind)}.`,
	dialogEffect: (a, b) =>
		`${capitalize(effectClause(a))}, mientras que ${effectClause(b)}${rfc5057Note(a, b, " (RFC 5057 §5.1)")}.`,
	ack: (a, b) => `Como respuesta a un INVITE, ${ackClause(a.code, a.ack)}, mientras que ${ackClause(b.code, b.ack)}.`,
	q850: (a, b) => `En un gateway de SIP a ISUP, ${q850Clause(a)}, mientras que ${q850Clause(b)} (RFC 3398 §8.2.6.1).`,
	status: (s) => {
		if (s.status === "deprecated")
			return `El ${s.code} está obsoleto${s.deprecatedBy ? ` (${s.deprecatedBy})` : ""}: las implementaciones nuevas no deberían enviarlo.`;
		if (s.status === "reserved") return `El ${s.code} está reservado para uso futuro y en la práctica no se envía.`;
		if (s.status === "unregistered")
			return `El ${s.code} no figura en el registro de IANA, así que un agente conforme lo trata como un ${s.treatedAs}.`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "Si otros equipos u otras ubicaciones todavía podrían llegar al usuario, responda con el 4xx; un 6xx termina la búsqueda en todas partes.";
		if (pair === "4xx/5xx")
			return "Responda con el 4xx cuando el problema sea la propia petición y con el 5xx cuando lo sea el servidor, para que el cliente sepa si otro servidor podría ayudar.";
		if (pair === "5xx/6xx")
			return "Un 5xx deja que el cliente pruebe otro servidor, mientras que un 6xx le dice que ningún servidor tendrá éxito.";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "Código no registrado",
		summary: `El ${code} no es un código de respuesta SIP registrado; un agente conforme lo trata como un ${as} ${asReason}.`,
		description: `El ${code} no figura en el registro de IANA de códigos de respuesta SIP. RFC 3261 §8.1.3.2 indica a un cliente que trate cualquier código de respuesta que no reconozca como el código x00 de la misma clase (y una respuesta provisional desconocida como un 183), así que el ${code} se trata exactamente igual que un ${as} ${asReason}. Solo la reason phrase y las cabeceras del mensaje pueden decirle qué quería decir el emisor.`,
		whenYouSeeIt: `Verá un ${code} cuando un equipo, una PBX o un operador usa un código propietario u obsoleto, a menudo con una reason phrase que lo explica. Algunas pilas SIP también ponen por error números de error internos en la línea de estado.`,
		howToFix: [
			"Lea la reason phrase y las cabeceras Warning o Reason de la respuesta: suelen decir qué quería decir el emisor.",
			"Identifique al emisor por la cabecera Server o User-Agent y la Via de la respuesta, y busque el código en la documentación de ese fabricante.",
			`Asegúrese de que su propio lado lo trata como un ${as}, que es lo que RFC 3261 §8.1.3.2 exige a un agente conforme.`,
			"Si controla el emisor, cámbielo al código registrado que corresponda, para que los demás equipos no tengan que adivinar.",
		],
		commonCauses: [
			"Un código de respuesta propietario u obsoleto.",
			"Un número de error interno escrito en la línea de estado por una aplicación mal configurada.",
		],
		misdiagnoses: [
			`Tratar el ${code} como una respuesta del protocolo con significado propio: para cualquier agente conforme no significa más que un ${as} ${asReason}.`,
		],
		useWhen: `Nadie debería enviar un ${code}, porque no está registrado; use en su lugar el código registrado cuyo significado corresponda.`,
	}),
};
