/** French words for the findings. Methods are named as "la requête INVITE" so no elision depends on the value. */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** Ce que le client a fait après un 503, d'après ce que montre la trace. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return ` ; le client a basculé vers ${s(p.failover)}`;
	if (p.next === "same") return " ; le client a réessayé le même serveur";
	if (p.next === "none") return " ; aucune autre tentative ne suit dans cette trace";
	return "";
}

/** "envoyé par X (depuis Y)" for the sender of a response, or nothing; "par" and digits never need an elided "de". */
function fromWhom(agent: string | number | undefined, at: string | number | undefined): string {
	const where = at ? `depuis ${s(at)}` : "";
	if (agent) return ` envoyé par ${s(agent)}${where ? ` (${where})` : ""}`;
	return where ? ` envoyé ${where}` : "";
}

/** The sentence with its first letter in upper case. */
const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "caller→callee" / "callee→caller" as French readers say it; any other value is shown as given. */
function sens(direction: string | number | undefined): string {
	if (direction === "caller→callee") return "de l'appelant vers l'appelé";
	if (direction === "callee→caller") return "de l'appelé vers l'appelant";
	return `dans le sens ${s(direction)}`;
}

/** French finding texts. */
export const fr: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `La requête ${s(p.method)} a reçu un challenge et a été renvoyée avec des identifiants : un échange d'authentification normal, pas un échec${yes(p.stale) ? " (le serveur a aussi laissé expirer un nonce avec stale=true, ce qui est courant)" : ""}.`,
	}),
	"auth-loop": (p) => ({
		text: `La requête ${s(p.method)} a reçu ${s(p.count)} challenges, y compris après avoir porté des identifiants : le serveur rejette le nom d'utilisateur, le mot de passe ou le realm${p.realm ? ` (realm "${s(p.realm)}")` : ""}.`,
		fix: "Vérifiez le nom d'utilisateur d'authentification (auth ID, qui peut différer du numéro de poste), le mot de passe et le realm pour lequel le client répond ; sur Asterisk, comparez la section auth de l'endpoint, sur FreeSWITCH le mot de passe de l'utilisateur de l'annuaire.",
	}),
	"auth-forbidden": (p) => ({
		text: `La requête ${s(p.method)} portait des identifiants et a reçu un 403 Forbidden : les identifiants ont été compris et refusés, ou le compte ou l'adresse source n'est pas autorisé.`,
		fix: "Vérifiez que le compte est actif et autorisé depuis cette adresse IP, que l'auth ID correspond au compte, ainsi que les ACL et les limites d'enregistrement du serveur ; ne réessayez pas avec les mêmes identifiants.",
	}),
	"auth-unanswered": (p) => ({
		text: `La requête ${s(p.method)} a reçu un challenge${p.realm ? ` pour le realm "${s(p.realm)}"` : ""} et n'a pas été renvoyée avec des identifiants dans cette trace : le client n'en a peut-être aucun de configuré pour ce serveur.`,
		fix: "Configurez des identifiants pour ce realm sur le client, ou laissez le serveur reconnaître le client par son adresse IP si c'est voulu.",
	}),
	"missing-ack": (p) => ({
		text: `Le ${s(p.code)} en réponse à l'INVITE a été retransmis ${s(p.retransmissions)} fois${p.hop ? ` sur ${s(p.hop)}` : ""} et aucun ACK n'est arrivé sur ce saut${p.byeAfter !== "" ? ` ; ${p.byeBy === "caller" ? "l'appelant" : "l'appelé"} a raccroché ${s(p.byeAfter)} s plus tard${yes(p.timerH) ? ", comme le fait un UAS quand aucun ACK n'arrive dans les 64×T1 = 32 s (RFC 3261 §13.3.1.4)" : ""}` : ""}. L'ACK est envoyé au Contact du 200 (${s(p.contact) || "aucun"})${p.recordRoute ? ` à travers le route set Record-Route ${s(p.recordRoute)}` : ""}.`,
		fix: "Trouvez où l'appelant a envoyé son ACK (ou pourquoi il ne l'a pas fait) : un Contact privé ou faux dans le 200, un Record-Route qui pointe vers une adresse injoignable, un NAT ou un ALG SIP qui réécrit les en-têtes, ou un routage asymétrique.",
	}),
	"no-response": (p) => ({
		text: `La requête ${s(p.method)} a été envoyée ${s(p.sent)} fois en ${s(p.over)} s${p.to ? ` vers ${s(p.to)}` : ""} et rien n'a répondu, pas même un 100 Trying : la transaction a expiré localement (Timer ${p.method === "INVITE" ? "B" : "F"}, 64×T1).`,
		fix: "Vérifiez que la destination est joignable à cette adresse, sur ce port et ce transport : routage et DNS, pare-feu et groupes de sécurité, NAT, et si l'extrémité distante écoute seulement sur ce transport.",
	}),
	"request-timeout": (p) => ({
		text: `La requête ${s(p.method)} a reçu un 408 Request Timeout envoyé par ${s(p.from) || "un élément du chemin"}${yes(p.provisional) ? " après la sonnerie : un timer de non-réponse a expiré" : " sans sonnerie : l'élément situé derrière lui n'a jamais répondu"}.`,
		fix: "Examinez l'élément qui a envoyé le 408 et le saut qui le suit : le Timer C d'un proxy ou le timer de non-réponse d'une passerelle, ou un saut suivant qui n'a jamais répondu.",
	}),
	"caller-abandoned": (p) => ({
		text: `L'appelant a annulé${p.ring !== "" ? ` après ${s(p.ring)} s de sonnerie` : p.afterInvite !== "" ? ` ${s(p.afterInvite)} s après l'INVITE` : ""} ; le 487 Request Terminated est la fin normale d'un INVITE annulé.`,
	}),
	"cancel-200-race": (p) => ({
		text: `Un 200 OK à l'INVITE a croisé le CANCEL de l'appelant : l'appel a quand même été décroché${yes(p.acked) && yes(p.ended) ? ", et l'appelant l'a correctement acquitté puis a raccroché par un BYE" : yes(p.acked) ? ", et l'appelant l'a acquitté mais n'a jamais envoyé de BYE" : ", et l'appelant ne l'a ni acquitté ni terminé par un BYE"}.`,
		fix: "Après un CANCEL, un UAC qui reçoit quand même un 2xx doit l'acquitter par un ACK et envoyer un BYE (RFC 3261 §9.1) ; sinon l'appelé garde un appel à moitié ouvert.",
	}),
	"refer-no-notify": (p) => ({
		text: `Le REFER${p.target ? ` vers ${s(p.target)}` : ""} a été accepté, mais aucun NOTIFY n'a suivi : le transféreur ne saura jamais comment s'est passé le transfert.`,
		fix: "Le transféré doit envoyer un NOTIFY avec Event: refer et un corps message/sipfrag (RFC 3515) ; vérifiez sa prise en charge du transfert, les SBC qui retiennent le NOTIFY, et que le transféreur ne raccroche pas avant son arrivée.",
	}),
	"refer-result": (p) => ({
		text: `Les NOTIFY du transfert (${s(p.notifies)}) indiquent "${s(p.status)} ${s(p.reason)}"${Number(p.status) >= 300 ? " : la cible du transfert n'a pas pu être jointe" : yes(p.final) ? " : le transfert a réussi" : " : le transfert était encore en cours à la fin de la trace"}.`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `Le ${s(p.code)} envoyé par ${s(p.decliner) || "un élément non identifié"}${p.from ? ` (depuis ${s(p.from)})` : ""} a mis fin à la recherche sur toutes les branches${Number(p.branches) === 1 ? (yes(p.cancelled) ? " ; l'autre branche a été annulée" : " ; l'autre branche n'a pas été annulée dans cette trace") : Number(p.branches) > 1 ? `  (autres branches annulées : ${s(p.cancelled)} sur ${s(p.branches)})` : ""} : un 6xx arrête le forking (RFC 3261 §16.7), si bien que les autres terminaux, les groupes de recherche et la messagerie vocale sur non-réponse sont coupés court.`,
		fix: "Si d'autres terminaux ou la messagerie vocale doivent encore recevoir l'appel, faites répondre le terminal qui refuse par un 486 ou un 480 au lieu d'un 6xx, ou configurez le proxy pour continuer après un 6xx.",
	}),
	"503-retry-after": (p) => ({
		text: `Le 503 Service Unavailable${fromWhom(p.agent, p.server)} a demandé au client d'attendre ${s(p.seconds)} s (Retry-After)${next503(p)}${yes(p.relayed) ? ". Un proxy a relayé le 503 vers l'amont, ce qu'il ne doit pas faire quand d'autres cibles pourraient servir" : ""}.`,
		fix: "Trouvez pourquoi le serveur est indisponible (surcharge, maintenance, limites de canaux ou de licences, saut suivant injoignable) et faites basculer les clients vers un autre serveur (DNS SRV, ensembles du dispatcher).",
	}),
	"503-no-retry-after": (p) => ({
		text: `Le 503 Service Unavailable${fromWhom(p.agent, p.server)} est arrivé sans Retry-After, ce qu'un client traite comme un 500${next503(p)}${yes(p.relayed) ? ". Un proxy a relayé le 503 vers l'amont, ce qu'il ne doit pas faire quand d'autres cibles pourraient servir" : ""}.`,
		fix: "Trouvez pourquoi le serveur a refusé (capacité, pair injoignable marqué hors service par qualify ou les pings OPTIONS, maintenance) et faites essayer aux clients un serveur de remplacement.",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer))
			parts.push("l'INVITE ne portait pas d'offre SDP, c'est donc l'offre du répondant qui a été refusée");
		if (p.offered) parts.push(`codecs proposés : ${s(p.offered)}`);
		if (p.accepted) parts.push(`le répondant prend en charge ${s(p.accepted)}`);
		if (r.includes("codec")) parts.push("le Warning désigne les codecs");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`profil de transport ${s(p.protocols)} : RTP/AVP et RTP/SAVP(F) ne sont pas compatibles entre eux`);
		if (r.includes("media-type") || r.includes("non-audio-offered"))
			parts.push(`types de média proposés : ${s(p.types)}`);
		if (r.includes("no-telephone-event")) parts.push("aucun telephone-event n'a été proposé pour les DTMF");
		if (p.warning) parts.push(`Warning : ${s(p.warning)}`);
		return {
			text: `${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}${fromWhom(p.agent, p.from)} : l'offre de session a été refusée. ${capitalised(parts.join(" ; "))}.`,
			fix: "Faites se recouper l'offre et les capacités du répondant : autorisez un codec commun des deux côtés (PCMU/PCMA en repli), alignez les réglages SRTP (media_encryption, sdes/dtls), retirez les flux vidéo ou image que l'extrémité distante ne peut pas prendre, et proposez telephone-event si les DTMF sont nécessaires.",
		};
	},
	"nat-private-address": (p) => ({
		text: `L'adresse privée ${s(p.address)} apparaît dans ${s(p.where)} alors que les paquets viennent de ${s(p.source)} : un terminal derrière un NAT annonce son adresse interne.`,
		fix: "Faites annoncer l'adresse publique par le terminal ou son PBX (Asterisk : external_media_address et external_signaling_address avec local_net ; FreeSWITCH : ext-rtp-ip et ext-sip-ip), ou laissez le SBC ou le proxy corriger le Contact et le SDP (nathelper/rtpengine de Kamailio) ; désactivez les ALG SIP des routeurs.",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `La réponse ${s(p.answer)}${p.by ? ` (${s(p.by)})` : ""} a rejeté le flux ${s(p.streams)} (port 0 dans la réponse, RFC 3264 §6)${p.left ? ` ; il reste ${s(p.left)}` : " : il ne reste aucun flux média, l'appel est donc établi sans média"}.`,
				...(p.left
					? {}
					: {
							fix: "Trouvez pourquoi le répondant a refusé le flux : aucun codec ou profil de transport commun (RTP/AVP face à RTP/SAVP), un type de média désactivé, ou une politique de SBC ; comparez l'offre avec ce que le répondant autorise.",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "Un côté"} a mis l'appel en attente : son ${s(p.what)} propose l'audio en ${s(p.direction)} (RFC 3264 §8.4)${p.followed === 1 ? ", et la réponse s'y conforme" : p.followed === 0 ? ", mais la réponse ne s'y conforme pas (RFC 3264 §6.1)" : ""}.`,
				fix: "Si personne ne voulait mettre l'appel en attente, vérifiez les réglages d'attente et de musique d'attente du terminal et tout SBC qui réécrit le SDP.",
			};
		const oneWay = p.direction === "inactive" ? "dans aucun sens" : "dans un seul sens";
		if (p.kind === "initial")
			return {
				text: `Le ${s(p.what)}${p.by ? ` (${s(p.by)})` : ""} propose l'audio en ${s(p.direction)} dès le départ : l'audio circulera ${oneWay}.`,
				fix: "Vérifiez les réglages de direction SDP de l'appelant et tout SBC qui réécrit l'offre.",
			};
		return {
			text: `Le ${s(p.what)}${p.by ? ` (${s(p.by)})` : ""} a répondu à une offre sendrecv par ${s(p.direction)} : l'audio circulera ${oneWay}.`,
			fix: "Vérifiez les réglages de direction SDP du répondant (un terminal ou un SBC qui répond recvonly ou inactive), et s'il voulait mettre l'appel en attente.",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `La requête ${s(p.method)} a reçu un 481${fromWhom(p.agent, p.from)} : l'extrémité distante ne connaît pas ce dialogue${yes(p.established) ? " alors qu'il a été établi plus tôt dans cette trace" : ""}${yes(p.afterRefer) ? " ; un transfert a eu lieu avant, le dialogue a donc pu être remplacé" : ""}${p.routeFollowed === 0 ? " ; la requête n'a pas suivi le route set du Record-Route" : ""}.`,
		fix: "Vérifiez si l'extrémité distante a redémarré ou basculé, si la requête a utilisé le route set du Record-Route et le Contact distant comme cible, si le Call-ID et les tags correspondent au dialogue, et, après un transfert, que l'ancienne branche n'est pas terminée deux fois.",
	}),
	"loop-detected": (p) => ({
		text: `482 Loop Detected${fromWhom(p.agent, p.detector)} : la requête est revenue vers un proxy qui l'avait déjà relayée${p.repeated ? ` (le Via répète ${s(p.repeated)})` : ""}.`,
		fix: "Cherchez une boucle de routage entre proxys ou un proxy qui se route à lui-même (son propre domaine ou sa propre adresse comme saut suivant) ; les spirales avec une Request-URI modifiée sont légales, les boucles ne le sont pas.",
	}),
	"too-many-hops": (p) => ({
		text: `483 Too Many Hops${fromWhom(p.agent, p.detector)} : Max-Forwards est descendu à zéro${p.maxForwards ? ` (${s(p.maxForwards)} sur ${s(p.hops)} copies)` : ""}, généralement une boucle à travers des B2BUA qui créent de nouveaux en-têtes Via à chaque passage.`,
		fix: "Tracez la route entre les B2BUA ou les PBX qui se renvoient cet appel (par exemple deux systèmes dont les routes pointent l'une vers l'autre), et ne réinitialisez pas Max-Forwards sur un B2BUA.",
	}),
	"redirect-followed": (p) => ({
		text: `La redirection ${s(p.code)} a été suivie : l'appelant a envoyé un nouvel INVITE vers ${s(p.target)}.`,
	}),
	"redirect-not-followed": (p) => ({
		text: `Le ${s(p.code)} a redirigé l'appel${p.targets ? ` vers ${s(p.targets)}` : " sans aucun Contact vers lequel aller"}, et aucun nouvel INVITE n'a suivi.`,
		fix: p.targets
			? "Laissez l'appelant ou son PBX suivre les redirections (sur Asterisk, le redirect_method de l'endpoint pjsip ; sur FreeSWITCH, manual-redirect), ou faites relayer l'appel par le côté qui redirige."
			: "Un 3xx doit porter la nouvelle cible dans Contact ; corrigez l'élément qui redirige.",
	}),
	"redirect-loop": (p) => ({
		text: `Le ${s(p.code)} a renvoyé l'appelant vers une cible déjà essayée (${s(p.target)}) : une boucle de redirection.`,
		fix: "Vérifiez les règles de renvoi du serveur de redirection ou du PBX : deux renvois qui pointent l'un vers l'autre, ou une redirection vers la propre adresse de l'appelant.",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pending : les deux côtés ont envoyé des requêtes ${s(p.method)} en même temps (collision). ${[
			1, 2,
		]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "Un côté"} (${yes(p[`owner${k}`]) ? "il a généré le Call-ID : 2,1 à 4 s" : "il n'a pas généré le Call-ID : 0 à 2 s"})`;
				return p[`wait${k}`] === ""
					? `${who} n'a pas réessayé dans cette trace`
					: `${who} a réessayé après ${s(p[`wait${k}`])} s, ${yes(p[`inWindow${k}`]) ? "dans" : "hors de"} sa fenêtre RFC 3261 §14.1`;
			})
			.join(
				" ; ",
			)}${yes(p.through) ? "" : ` ; aucune requête ${s(p.method)} ultérieure n'a réussi, la modification de session a donc été perdue`}.`,
		fix: "L'UAC doit attendre l'intervalle aléatoire de la RFC 3261 §14.1 puis réessayer ; des collisions répétées désignent deux systèmes qui rafraîchissent la session au même moment.",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)} : ${p.code === 422 ? "l'intervalle de session" : "la durée d'expiration"}${p.asked ? ` de ${s(p.asked)} s` : ""} était inférieur${p.code === 422 ? "" : "e"} au minimum du serveur${p.min ? ` de ${s(p.min)} s` : ""}${yes(p.ok) ? ` ; la requête ${s(p.method)} a été retentée avec ${s(p.retry)} s et a réussi` : p.retry ? ` ; la nouvelle tentative avec ${s(p.retry)} s a encore échoué` : " ; le client n'a pas réessayé"}.`,
		fix:
			p.code === 422
				? "Portez le Session-Expires du client au moins à la valeur Min-SE (timers_sess_expires sur Asterisk, session-timeout sur FreeSWITCH)."
				: "Portez l'expiration de l'enregistrement au moins à Min-Expires.",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)} : ${p.code === 420 ? `le serveur ne prend pas en charge la ou les extensions ${s(p.tags) || s(p.required)} exigées par la requête` : `le serveur exige la ou les extensions ${s(p.tags)} que la requête n'a pas listées comme prises en charge`}.`,
		fix:
			p.code === 420
				? "Ne mettez l'option tag dans Require (ou Proxy-Require) que si l'extrémité distante la prend en charge ; déplacez-la dans Supported."
				: "Activez l'extension sur le client (par exemple 100rel ou timer) ou demandez au serveur de la rendre facultative.",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Type : le corps${p.sent ? ` (${s(p.sent)})` : ""} n'est pas acceptable${p.accept ? ` ; le serveur accepte ${s(p.accept)}` : ""}${p.encoding ? `, et le corps était encodé en ${s(p.encoding)}` : ""}.`,
		fix: "Envoyez un type de corps que le serveur liste dans Accept, ou activez ce type de corps sur le serveur.",
	}),
	"who-failed": (p) => ({
		text: `L'appel a été terminé par un ${s(p.code)} envoyé par ${s(p.agent) || "un élément non identifié"}${p.from ? ` (depuis ${s(p.from)})` : ""}${p.sameAsRinging === 1 ? " ; son tag To est celui des réponses de sonnerie de l'appelé, c'est donc l'appelé lui-même qui a terminé l'appel" : p.sameAsRinging === 0 ? " ; son tag To diffère de celui des réponses de sonnerie de l'appelé, c'est donc un élément du chemin (proxy, B2BUA ou SBC) qui l'a généré" : ""}${Number(p.vias) > 1 ? `, réponse passée par ${s(p.vias)} sauts Via` : ""}${p.reason ? ` ; Reason : ${s(p.reason)}` : ""}.`,
		fix: "Commencez par les journaux et la configuration de cet élément : c'est lui qui a pris la décision ; les éléments avant lui n'ont fait que la relayer.",
	}),
	scanner: (p) => ({
		text: `Un scan SIP depuis ${s(p.from) || "une source inconnue"} (${s(p.agent)}) : ${s(p.requests)} requête${Number(p.requests) > 1 ? "s" : ""} (${s(p.methods)}) sondant ${s(p.users)} utilisateur${Number(p.users) > 1 ? "s" : ""} ou poste${Number(p.users) > 1 ? "s" : ""}${p.seconds !== "" ? ` en ${s(p.seconds)} s` : ""}, dont ${s(p.unanswered)} sans réponse.`,
		fix: "Bloquez la source au pare-feu ou avec fail2ban/APIBAN, ne répondez pas aux utilisateurs inconnus par des réponses distinguables, et assurez-vous qu'aucun compte n'a de mot de passe faible.",
	}),
	"start-not-captured": (p) => ({
		text: `La trace commence en cours d'appel : son premier message ici est ${s(p.first)}, la requête qui l'a établi n'est donc pas dans la trace${p.outcome ? ` ; l'issue affichée est la réponse à la requête ${s(p.method)} capturée (${s(p.outcome)})` : ""}.`,
	}),
	"media-none": (p) => ({
		text: `L'appel a été décroché et a duré ${s(p.seconds)} s, mais aucun paquet RTP n'a été vu dans un sens comme dans l'autre (l'offre indiquait ${s(p.offer)}, la réponse ${s(p.answer)}).`,
		fix: "Vérifiez d'abord que le point de capture voit bien le chemin média, puis les pare-feu et le NAT entre les deux adresses média, le SBC ou le PBX censé relayer le média (réglages direct media ou re-INVITE), et qu'aucun des deux côtés n'a annoncé une adresse que l'autre ne peut pas joindre.",
	}),
	"media-one-way": (p) => ({
		text: `Le RTP n'a circulé que ${sens(p.flowing)} ; rien n'est passé ${sens(p.missing)} alors que le SDP demandait de l'audio dans les deux sens (ce flux aurait dû aller vers ${s(p.to)}).`,
		fix: "L'audio unidirectionnel vient le plus souvent du NAT ou d'un pare-feu : comparez l'adresse du SDP avec celle d'où proviennent réellement les paquets, autorisez la plage de ports RTP en entrée, désactivez l'ALG SIP du routeur et, sur le PBX, activez le RTP symétrique (rtp_symmetric, réglages NAT) ou un relais média.",
	}),
	"media-payload": (p) => ({
		text: `Le RTP de ${s(p.src)} vers ${s(p.dst)} utilise le payload type ${s(p.pt)} (${s(p.codec)}), absent de la réponse SDP (qui listait ${s(p.allowed)}).`,
		fix: "L'émetteur ignore le codec négocié : vérifiez son ordre de préférence des codecs, qu'il tient bien compte de la réponse, et tout SBC qui transcode ; le récepteur peut jeter ces paquets ou les décoder en bruit.",
	}),
	"media-loss": (p) => ({
		text: `${s(p.percent)} % des paquets RTP ${sens(p.direction)} ont été perdus (${s(p.lost)} sur ${s(p.expected)}, de ${s(p.src)} vers ${s(p.dst)}), mesurés au point de capture : la perte a donc eu lieu en amont de ce point.`,
		fix: "Capturez plus près de l'émetteur pour trouver le saut qui perd des paquets ; vérifiez la charge des liens, le Wi-Fi, le marquage QoS (DSCP EF) et les incohérences de duplex sur le chemin.",
	}),
	"media-jitter": (p) => ({
		text: `Le RTP ${sens(p.direction)} est arrivé avec une gigue allant jusqu'à ${s(p.max)} ms (moyenne ${s(p.mean)} ms, de ${s(p.src)} vers ${s(p.dst)}), assez pour déborder un jitter buffer classique.`,
		fix: "Cherchez une congestion ou du bufferbloat sur le chemin, donnez la priorité à la voix (DSCP EF, un VLAN dédié) et vérifiez la taille du jitter buffer côté réception.",
	}),
	"media-after-bye": (p) => ({
		text: `Le RTP de ${s(p.src)} vers ${s(p.dst)} a continué de circuler ${s(p.seconds)} s après le BYE.`,
		fix: "L'émetteur n'a pas coupé son média à la fin de l'appel : vérifiez qu'il traite le BYE (ou le 200 qui y répond) et qu'aucun autre appel ne réutilise les mêmes ports.",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `Le RTP ${sens(p.direction)} est parti vers ${s(p.actual)}, et non vers ${s(p.sdp)}, l'adresse annoncée dans le SDP du récepteur.`,
					fix: "Un élément entre les deux côtés a réécrit l'adresse média (SBC, ALG SIP, relais) ou l'émetteur s'est calé sur une autre adresse ; comparez le SDP de part et d'autre de chaque équipement intermédiaire et la destination réellement utilisée par les paquets.",
				}
			: {
					text: `Le SDP annonçait l'adresse privée ${s(p.sdp)} pour le RTP ${sens(p.direction)}, mais les paquets viennent de ${s(p.actual)} : l'émetteur est derrière un NAT.`,
					fix: "L'audio envoyé vers une adresse privée ne peut pas arriver : faites annoncer à l'émetteur son adresse publique (STUN, adresse média externe sur le PBX) ou activez le RTP symétrique / le media latching de l'autre côté.",
				},
	"media-gap": (p) => ({
		text: `Le RTP ${sens(p.direction)} (de ${s(p.src)} vers ${s(p.dst)}) s'est interrompu pendant environ ${s(p.seconds)} s en cours d'appel, alors qu'aucun SDP n'avait mis l'appel en attente.`,
		fix: "Cherchez une coupure réseau ou un changement de route à ce moment-là, un émetteur qui se tait pendant les silences sans le signaler (VAD sans bruit de confort), ou un serveur média qui a mis le flux en pause.",
	}),
};
