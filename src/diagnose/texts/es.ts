/** Spanish words for the findings. */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** What the client did after a 503, as far as the capture shows. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return `; el cliente conmutó a ${s(p.failover)}`;
	if (p.next === "same") return "; el cliente reintentó con el mismo servidor";
	if (p.next === "none") return "; en esta captura no siguió ningún otro intento";
	return "";
}

/** A media direction of the analyzer ("caller→callee") in the words of these texts; anything else unchanged. */
function dir(v: string | number | undefined): string {
	if (v === "caller→callee") return "llamante→llamado";
	if (v === "callee→caller") return "llamado→llamante";
	return s(v);
}

/** Spanish finding texts. */
export const es: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `El ${s(p.method)} recibió un desafío y se reenvió con credenciales: un intercambio de autenticación normal, no un fallo${yes(p.stale) ? " (además, el servidor dejó caducar un nonce con stale=true, lo que es rutinario)" : ""}.`,
	}),
	"auth-loop": (p) => ({
		text: `El ${s(p.method)} recibió ${s(p.count)} desafíos, también después de llevar credenciales: el servidor rechaza el usuario, la contraseña o el realm${p.realm ? ` (realm "${s(p.realm)}")` : ""}.`,
		fix: "Revise el usuario de autenticación (auth ID, que puede ser distinto de la extensión), la contraseña y el realm para el que responde el cliente; en Asterisk compare la sección auth del endpoint, en FreeSWITCH la contraseña del usuario del directorio.",
	}),
	"auth-forbidden": (p) => ({
		text: `El ${s(p.method)} llevaba credenciales y se respondió con 403 Forbidden: las credenciales se entendieron y se rechazaron, o la cuenta o la dirección de origen no están permitidas.`,
		fix: "Compruebe que la cuenta está activada y permitida desde esta dirección IP, que el auth ID corresponde a la cuenta, y las ACL y los límites de registro del servidor; no reintente con las mismas credenciales.",
	}),
	"auth-unanswered": (p) => ({
		text: `El ${s(p.method)} recibió un desafío${p.realm ? ` para el realm "${s(p.realm)}"` : ""} y en esta captura no se reenvió con credenciales: puede que el cliente no tenga ninguna configurada para este servidor.`,
		fix: "Configure credenciales para este realm en el cliente, o deje que el servidor confíe en el cliente por su dirección IP si eso es lo que se pretende.",
	}),
	"missing-ack": (p) => ({
		text: `El ${s(p.code)} que responde al INVITE se retransmitió ${s(p.retransmissions)} veces${p.hop ? ` en ${s(p.hop)}` : ""} y no llegó ningún ACK en ese salto${p.byeAfter !== "" ? `; el ${p.byeBy === "caller" ? "llamante" : "llamado"} colgó ${s(p.byeAfter)} s después${yes(p.timerH) ? ", como hace un UAS cuando no llega ningún ACK en 64×T1 = 32 s (RFC 3261 §13.3.1.4)" : ""}` : ""}. El ACK se envía al Contact del 200 (${s(p.contact) || "ninguno"})${p.recordRoute ? ` a través del conjunto de Record-Route ${s(p.recordRoute)}` : ""}.`,
		fix: "Averigüe adónde envió el llamante su ACK (o por qué no lo envió): un Contact privado o erróneo en el 200, un Record-Route que apunta a una dirección inalcanzable, un NAT o un SIP ALG que reescriben cabeceras, o un encaminamiento asimétrico.",
	}),
	"no-response": (p) => ({
		text: `El ${s(p.method)} se envió ${s(p.sent)} veces durante ${s(p.over)} s${p.to ? ` a ${s(p.to)}` : ""} y nada respondió, ni siquiera un 100 Trying: la transacción venció localmente (Timer ${p.method === "INVITE" ? "B" : "F"}, 64×T1).`,
		fix: "Compruebe que el destino es alcanzable en esa dirección, ese puerto y ese transporte: encaminamiento y DNS, firewalls y security groups, NAT, y si el extremo remoto escucha siquiera en ese transporte.",
	}),
	"request-timeout": (p) => ({
		text: `${s(p.from) || "Un elemento del camino"} respondió al ${s(p.method)} con 408 Request Timeout${yes(p.provisional) ? " después de sonar: venció un temporizador de no respuesta" : " sin que sonara: el elemento que tiene detrás nunca respondió"}.`,
		fix: "Mire el elemento que envió el 408 y el salto siguiente: el Timer C de un proxy o el temporizador de no respuesta de un gateway, o un siguiente salto que nunca respondió.",
	}),
	"caller-abandoned": (p) => ({
		text: `El llamante canceló${p.ring !== "" ? ` tras ${s(p.ring)} s de timbrado` : p.afterInvite !== "" ? ` ${s(p.afterInvite)} s después del INVITE` : ""}; 487 Request Terminated es el final normal de un INVITE cancelado.`,
	}),
	"cancel-200-race": (p) => ({
		text: `Un 200 OK al INVITE se cruzó con el CANCEL del llamante: la llamada se contestó de todos modos${yes(p.acked) && yes(p.ended) ? ", y el llamante la confirmó correctamente y colgó con BYE" : yes(p.acked) ? ", y el llamante la confirmó pero nunca envió BYE" : ", y el llamante ni la confirmó ni envió BYE"}.`,
		fix: "Tras un CANCEL, un UAC que aún recibe un 2xx debe enviarle ACK y después BYE (RFC 3261 §9.1); si no, el llamado se queda con una llamada medio abierta.",
	}),
	"refer-no-notify": (p) => ({
		text: `El REFER${p.target ? ` hacia ${s(p.target)}` : ""} se aceptó, pero no siguió ningún NOTIFY: el transferidor nunca sabrá cómo fue la transferencia.`,
		fix: "El transferido debe enviar NOTIFY con Event: refer y un cuerpo message/sipfrag (RFC 3515); revise su soporte de transferencia, los SBC que retienen el NOTIFY, y que el transferidor no cuelgue antes de que llegue.",
	}),
	"refer-result": (p) => ({
		text: `Los NOTIFY de la transferencia (${s(p.notifies)}) informan de "${s(p.status)} ${s(p.reason)}"${Number(p.status) >= 300 ? ": no se pudo llegar al destino de la transferencia" : yes(p.final) ? ": la transferencia tuvo éxito" : ": la transferencia seguía en curso cuando terminó la captura"}.`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `Un ${s(p.code)} de ${s(p.decliner) || "un elemento sin identificar"}${p.from ? ` en ${s(p.from)}` : ""} terminó la búsqueda en todas las ramas${Number(p.branches) === 1 ? (yes(p.cancelled) ? "; la otra rama se canceló" : "; la otra rama no se canceló en esta captura") : Number(p.branches) > 1 ? `; se cancelaron ${s(p.cancelled)} de las otras ${s(p.branches)} ramas` : ""}: un 6xx detiene la bifurcación (RFC 3261 §16.7), así que los demás equipos, los grupos de búsqueda y el buzón de voz por no respuesta quedan cortados.`,
		fix: "Si otros equipos o el buzón de voz todavía deben recibir la llamada, haga que el equipo que rechaza responda 486 o 480 en lugar de un 6xx, o configure el proxy para que continúe tras un 6xx.",
	}),
	"503-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` de ${s(p.agent)}` : ""}${p.server ? ` en ${s(p.server)}` : ""} pidió al cliente que esperara ${s(p.seconds)} s (Retry-After)${next503(p)}${yes(p.relayed) ? ". Un proxy retransmitió el 503 hacia atrás, algo que no debería hacer cuando otros destinos podrían atender" : ""}.`,
		fix: "Averigüe por qué no está disponible el servidor (sobrecarga, mantenimiento, límites de canales o de licencias, un siguiente salto inalcanzable) y haga que los clientes conmuten a otro servidor (DNS SRV, conjuntos del dispatcher).",
	}),
	"503-no-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` de ${s(p.agent)}` : ""}${p.server ? ` en ${s(p.server)}` : ""} sin Retry-After, que un cliente trata como un 500${next503(p)}${yes(p.relayed) ? ". Un proxy retransmitió el 503 hacia atrás, algo que no debería hacer cuando otros destinos podrían atender" : ""}.`,
		fix: "Averigüe por qué rechazó el servidor (capacidad, un interlocutor inalcanzable marcado como caído por qualify o por los pings OPTIONS, mantenimiento) y haga que los clientes prueben un servidor alternativo.",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer)) parts.push("el INVITE no llevaba oferta SDP, así que se rechazó la oferta del que responde");
		if (p.offered) parts.push(`códecs ofrecidos: ${s(p.offered)}`);
		if (p.accepted) parts.push(`el que responde soporta ${s(p.accepted)}`);
		if (r.includes("codec")) parts.push("el Warning apunta a los códecs");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`perfil de transporte ${s(p.protocols)}: RTP/AVP y RTP/SAVP(F) no son compatibles entre sí`);
		if (r.includes("media-type") || r.includes("non-audio-offered"))
			parts.push(`tipos de media ofrecidos: ${s(p.types)}`);
		if (r.includes("no-telephone-event")) parts.push("no se ofreció telephone-event para el DTMF");
		if (p.warning) parts.push(`Warning: ${s(p.warning)}`);
		return {
			text: `${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}${p.agent || p.from ? ` de ${[s(p.agent), p.from ? `en ${s(p.from)}` : ""].filter(Boolean).join(" ")}` : ""}: se rechazó la oferta de sesión. ${parts.join("; ")}.`,
			fix: "Haga que la oferta y las capacidades del que responde se solapen: permita un códec común en ambos lados (PCMU/PCMA como alternativa), alinee los ajustes de SRTP (media_encryption, sdes/dtls), quite los flujos de vídeo o de imagen que el extremo remoto no puede aceptar, y ofrezca telephone-event si hace falta DTMF.",
		};
	},
	"nat-private-address": (p) => ({
		text: `La dirección privada ${s(p.address)} aparece en ${s(p.where)} mientras que los paquetes vienen de ${s(p.source)}: un equipo detrás de NAT está anunciando su dirección interna.`,
		fix: "Haga que el equipo o su PBX anuncien la dirección pública (Asterisk: external_media_address y external_signaling_address con local_net; FreeSWITCH: ext-rtp-ip y ext-sip-ip), o deje que el SBC o el proxy corrijan el Contact y el SDP (Kamailio nathelper/rtpengine); desactive los SIP ALG de los routers.",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `El ${s(p.answer)}${p.by ? ` de ${s(p.by)}` : ""} rechazó el flujo ${s(p.streams)} (puerto 0 en la respuesta, RFC 3264 §6)${p.left ? `; queda ${s(p.left)}` : ": no queda ningún flujo de media, así que la llamada está conectada sin media"}.`,
				...(p.left
					? {}
					: {
							fix: "Averigüe por qué el que responde rechazó el flujo: ningún códec ni perfil de transporte común (RTP/AVP frente a RTP/SAVP), un tipo de media desactivado o una política del SBC; compare la oferta con lo que permite el que responde.",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "Un lado"} puso la llamada en espera: su ${s(p.what)} ofrece audio ${s(p.direction)} (RFC 3264 §8.4)${p.followed === 1 ? ", y la respuesta lo acompaña" : p.followed === 0 ? ", pero la respuesta no lo sigue (RFC 3264 §6.1)" : ""}.`,
				fix: "Si nadie quería retener la llamada, revise los ajustes de retención y de música en espera del equipo y cualquier SBC que reescriba el SDP.",
			};
		const oneWay = p.direction === "inactive" ? "en ningún sentido" : "solo en un sentido";
		if (p.kind === "initial")
			return {
				text: `El ${s(p.what)}${p.by ? ` de ${s(p.by)}` : ""} ofrece audio ${s(p.direction)} desde el principio: el audio fluirá ${oneWay}.`,
				fix: "Revise los ajustes de dirección del SDP del llamante y cualquier SBC que reescriba la oferta.",
			};
		return {
			text: `El ${s(p.what)}${p.by ? ` de ${s(p.by)}` : ""} respondió a una oferta sendrecv con ${s(p.direction)}: el audio fluirá ${oneWay}.`,
			fix: "Revise los ajustes de dirección del SDP del que responde (un equipo o un SBC que responde recvonly o inactive), y si pretendía retener la llamada.",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `El ${s(p.method)} se respondió con 481${p.agent || p.from ? ` por parte de ${[s(p.agent), p.from ? `en ${s(p.from)}` : ""].filter(Boolean).join(" ")}` : ""}: el extremo remoto no conoce este diálogo${yes(p.established) ? " aunque se estableció antes en esta captura" : ""}${yes(p.afterRefer) ? "; antes hubo una transferencia, así que puede que el diálogo se haya sustituido" : ""}${p.routeFollowed === 0 ? "; la petición no siguió el conjunto de Record-Route" : ""}.`,
		fix: "Compruebe si el extremo remoto se reinició o conmutó, si la petición usó como destino el route set de Record-Route y el Contact remoto, si el Call-ID y los tags coinciden con el diálogo y, tras una transferencia, que el tramo antiguo no se termina dos veces.",
	}),
	"loop-detected": (p) => ({
		text: `482 Loop Detected${p.agent || p.detector ? ` de ${[s(p.agent), p.detector ? `en ${s(p.detector)}` : ""].filter(Boolean).join(" ")}` : ""}: la petición volvió a un proxy que ya la había reenviado${p.repeated ? ` (la Via repite ${s(p.repeated)})` : ""}.`,
		fix: "Busque un bucle de encaminamiento entre proxies o un proxy que se encamina a sí mismo (su propio dominio o dirección como siguiente salto); las espirales con una Request-URI cambiada son legales, los bucles no.",
	}),
	"too-many-hops": (p) => ({
		text: `483 Too Many Hops${p.agent || p.detector ? ` de ${[s(p.agent), p.detector ? `en ${s(p.detector)}` : ""].filter(Boolean).join(" ")}` : ""}: Max-Forwards bajó hasta cero${p.maxForwards ? ` (${s(p.maxForwards)} a lo largo de ${s(p.hops)} copias)` : ""}, normalmente un bucle a través de B2BUA que crean cabeceras Via nuevas cada vez.`,
		fix: "Siga la ruta entre los B2BUA o las PBX que se pasan esta llamada de un lado a otro (por ejemplo dos sistemas cuyas rutas se apuntan mutuamente), y no reinicie Max-Forwards en un B2BUA.",
	}),
	"redirect-followed": (p) => ({
		text: `Se siguió la redirección ${s(p.code)}: el llamante envió un nuevo INVITE a ${s(p.target)}.`,
	}),
	"redirect-not-followed": (p) => ({
		text: `Un ${s(p.code)} redirigió la llamada${p.targets ? ` a ${s(p.targets)}` : " sin ningún Contact al que ir"}, y no siguió ningún INVITE nuevo.`,
		fix: p.targets
			? "Deje que el llamante o su PBX sigan las redirecciones (en Asterisk, el redirect_method del endpoint pjsip; en FreeSWITCH, manual-redirect), o haga que el lado que redirige haga de proxy para la llamada."
			: "Un 3xx debe llevar el nuevo destino en Contact; corrija el elemento que redirige.",
	}),
	"redirect-loop": (p) => ({
		text: `Un ${s(p.code)} devolvió al llamante a un destino que ya había probado (${s(p.target)}): un bucle de redirección.`,
		fix: "Revise las reglas de desvío del servidor de redirección o de la PBX: dos desvíos que se apuntan mutuamente, o una redirección a la propia dirección del llamante.",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pending: ambos lados enviaron peticiones ${s(p.method)} a la vez (glare). ${[1, 2]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "Un lado"} (${yes(p[`owner${k}`]) ? "generó el Call-ID: 2.1–4 s" : "no generó el Call-ID: 0–2 s"})`;
				return p[`wait${k}`] === ""
					? `${who} no reintentó en esta captura`
					: `${who} reintentó tras ${s(p[`wait${k}`])} s, ${yes(p[`inWindow${k}`]) ? "dentro de" : "fuera de"} su ventana de RFC 3261 §14.1`;
			})
			.join(
				"; ",
			)}${yes(p.through) ? "" : `; ningún ${s(p.method)} posterior tuvo éxito, así que se perdió el cambio de sesión`}.`,
		fix: "El UAC debería esperar el intervalo aleatorio de RFC 3261 §14.1 y volver a intentarlo; el glare repetido apunta a dos sistemas que refrescan la sesión en el mismo momento.",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)}: ${p.code === 422 ? "el intervalo de sesión" : "la caducidad"}${p.asked ? ` de ${s(p.asked)} s` : ""} estaba por debajo del mínimo del servidor${p.min ? ` de ${s(p.min)} s` : ""}${yes(p.ok) ? `; el ${s(p.method)} se reintentó con ${s(p.retry)} s y tuvo éxito` : p.retry ? `; el reintento con ${s(p.retry)} s siguió fallando` : "; el cliente no reintentó"}.`,
		fix:
			p.code === 422
				? "Suba el Session-Expires del cliente al menos hasta el valor de Min-SE (Asterisk timers_sess_expires, FreeSWITCH session-timeout)."
				: "Suba la caducidad del registro al menos hasta Min-Expires.",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)}: ${p.code === 420 ? `el servidor no soporta la extensión o las extensiones ${s(p.tags) || s(p.required)} que exigía la petición` : `el servidor exige la extensión o las extensiones ${s(p.tags)} que la petición no incluía como soportadas`}.`,
		fix:
			p.code === 420
				? "No ponga la option tag en Require (ni en Proxy-Require) salvo que el extremo remoto la soporte; pásela a Supported."
				: "Active la extensión en el cliente (por ejemplo 100rel o timer) o pida al servidor que la haga opcional.",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Type: el cuerpo${p.sent ? ` (${s(p.sent)})` : ""} no es aceptable${p.accept ? `; el servidor acepta ${s(p.accept)}` : ""}${p.encoding ? `, y el cuerpo estaba codificado como ${s(p.encoding)}` : ""}.`,
		fix: "Envíe un tipo de cuerpo que el servidor incluya en Accept, o active ese tipo de cuerpo en el servidor.",
	}),
	"who-failed": (p) => ({
		text: `La llamada terminó con un ${s(p.code)} de ${s(p.agent) || "un elemento sin identificar"}${p.from ? ` en ${s(p.from)}` : ""}${p.sameAsRinging === 1 ? "; su tag de To es el de las respuestas de timbrado del llamado, así que fue el propio llamado quien terminó la llamada" : p.sameAsRinging === 0 ? "; su tag de To es distinto del de las respuestas de timbrado del llamado, así que lo generó un elemento del camino (proxy, B2BUA o SBC)" : ""}${Number(p.vias) > 1 ? `, respondido a través de ${s(p.vias)} saltos de Via` : ""}${p.reason ? `; Reason: ${s(p.reason)}` : ""}.`,
		fix: "Empiece por los logs y la configuración de ese elemento: él tomó la decisión; los elementos anteriores solo la retransmitieron.",
	}),
	scanner: (p) => ({
		text: `Un escaneo SIP desde ${s(p.from) || "un origen desconocido"} (${s(p.agent)}): ${s(p.requests)} ${Number(p.requests) === 1 ? "petición" : "peticiones"} (${s(p.methods)}) que ${Number(p.requests) === 1 ? "sondea" : "sondean"} ${s(p.users)} ${Number(p.users) === 1 ? "usuario o extensión" : "usuarios o extensiones"}${p.seconds !== "" ? ` en ${s(p.seconds)} s` : ""}, ${s(p.unanswered)} sin respuesta.`,
		fix: "Bloquee el origen en el firewall o con fail2ban/APIBAN, no responda a los usuarios desconocidos con respuestas distinguibles, y asegúrese de que ninguna cuenta tiene una contraseña débil.",
	}),
	"start-not-captured": (p) => ({
		text: `La captura empieza dentro de esta llamada: su primer mensaje aquí es ${s(p.first)}, así que la petición que la estableció no está en la captura${p.outcome ? `; el resultado mostrado es la respuesta al ${s(p.method)} capturado (${s(p.outcome)})` : ""}.`,
	}),
	"media-none": (p) => ({
		text: `La llamada se contestó y duró ${s(p.seconds)} s, pero no se vio RTP en ningún sentido (la oferta indicaba ${s(p.offer)} y la respuesta ${s(p.answer)}).`,
		fix: "Compruebe primero que el punto de captura ve realmente el camino de la media; después, los firewalls y el NAT entre las dos direcciones de media, el SBC o la PBX que debería hacer de relay de la media (ajustes de direct media o de re-INVITE), y que ningún lado anunció una dirección que el otro no puede alcanzar.",
	}),
	"media-one-way": (p) => ({
		text: `El RTP solo fluyó en el sentido ${dir(p.flowing)}; en el sentido ${dir(p.missing)} no llegó nada, aunque el SDP pedía audio en ambos sentidos (debería ir a ${s(p.to)}).`,
		fix: "El audio en un solo sentido suele deberse al NAT o a un firewall: compare la dirección del SDP con la dirección de la que llegan de verdad los paquetes, permita la entrada del rango de puertos RTP, desactive el SIP ALG del router y, en la PBX, active el RTP simétrico (rtp_symmetric, ajustes de NAT) o un relay de media.",
	}),
	"media-payload": (p) => ({
		text: `El RTP de ${s(p.src)} a ${s(p.dst)} usa el payload type ${s(p.pt)} (${s(p.codec)}), que la respuesta SDP no incluía (incluía ${s(p.allowed)}).`,
		fix: "El emisor no respeta el códec negociado: revise su orden de códecs, compruebe que tiene en cuenta la respuesta SDP y revise cualquier SBC que transcodifique; el receptor puede descartar estos paquetes o decodificarlos como ruido.",
	}),
	"media-loss": (p) => ({
		text: `Se perdió el ${s(p.percent)}% del RTP en el sentido ${dir(p.direction)} (${s(p.lost)} de ${s(p.expected)} paquetes, de ${s(p.src)} a ${s(p.dst)}), medido en el punto donde se tomó la captura: la pérdida se produjo antes de ese punto.`,
		fix: "Capture más cerca del emisor para localizar el salto que descarta paquetes; revise la ocupación de los enlaces, la Wi-Fi, el marcado de QoS (DSCP EF) y los desajustes de dúplex a lo largo del camino.",
	}),
	"media-jitter": (p) => ({
		text: `El RTP en el sentido ${dir(p.direction)} llegó con un jitter de hasta ${s(p.max)} ms (promedio de ${s(p.mean)} ms, de ${s(p.src)} a ${s(p.dst)}), suficiente para desbordar un jitter buffer típico.`,
		fix: "Busque congestión o bufferbloat en el camino, dé prioridad a la voz (DSCP EF, una VLAN aparte) y revise el tamaño del jitter buffer del receptor.",
	}),
	"media-after-bye": (p) => ({
		text: `El RTP de ${s(p.src)} a ${s(p.dst)} siguió fluyendo ${s(p.seconds)} s después del BYE.`,
		fix: "El emisor no detuvo su media al terminar la llamada: compruebe que procesa el BYE (o el 200 que lo responde) y que ninguna otra llamada reutiliza los mismos puertos.",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `El RTP en el sentido ${dir(p.direction)} fue a ${s(p.actual)}, no a ${s(p.sdp)}, que era lo que anunciaba el SDP del receptor.`,
					fix: "Algo entre los dos lados reescribió la dirección de media (un SBC, un SIP ALG, un relay) o el emisor se enganchó a otra dirección (latching); compare el SDP a ambos lados de cada equipo intermedio y el destino que usan de verdad los paquetes.",
				}
			: {
					text: `El SDP anunció la dirección privada ${s(p.sdp)} para el RTP en el sentido ${dir(p.direction)}, pero los paquetes vienen de ${s(p.actual)}: el emisor está detrás de NAT.`,
					fix: "El audio dirigido a una dirección privada no puede llegar: haga que el emisor anuncie su dirección pública (STUN, dirección de media externa en la PBX) o active el RTP simétrico o el media latching en el otro extremo.",
				},
	"media-gap": (p) => ({
		text: `El RTP en el sentido ${dir(p.direction)} (de ${s(p.src)} a ${s(p.dst)}) se interrumpió durante unos ${s(p.seconds)} s en mitad de la llamada, aunque ningún SDP puso la llamada en espera.`,
		fix: "Busque en ese momento un corte de red o un cambio de ruta, un emisor que deja de enviar en los silencios sin señalizarlo (VAD sin ruido de confort) o un servidor de media que pausó el flujo.",
	}),
};
