/** English words for the findings. */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** What the client did after a 503, as far as the capture shows. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return `; the client failed over to ${s(p.failover)}`;
	if (p.next === "same") return "; the client retried the same server";
	if (p.next === "none") return "; no further attempt followed in this capture";
	return "";
}

/** English finding texts. */
export const en: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `The ${s(p.method)} was challenged and resent with credentials: a normal authentication exchange, not a failure${yes(p.stale) ? " (the server also let a nonce expire with stale=true, which is routine)" : ""}.`,
	}),
	"auth-loop": (p) => ({
		text: `${s(p.method)} was challenged ${s(p.count)} times, again after it carried credentials: the server rejects the username, password or realm${p.realm ? ` (realm "${s(p.realm)}")` : ""}.`,
		fix: "Check the authentication username (auth ID, which may differ from the extension), the password and the realm the client answers for; on Asterisk compare the endpoint's auth section, on FreeSWITCH the directory user's password.",
	}),
	"auth-forbidden": (p) => ({
		text: `${s(p.method)} carried credentials and was answered 403 Forbidden: the credentials were understood and refused, or the account or source address is not allowed.`,
		fix: "Check that the account is enabled and allowed from this IP address, that the auth ID matches the account, and the server's ACLs and registration limits; do not retry with the same credentials.",
	}),
	"auth-unanswered": (p) => ({
		text: `${s(p.method)} was challenged${p.realm ? ` for realm "${s(p.realm)}"` : ""} and not resent with credentials in this capture: the client may have none configured for this server.`,
		fix: "Configure credentials for this realm on the client, or let the server trust the client by IP address if that is intended.",
	}),
	"missing-ack": (p) => ({
		text: `The ${s(p.code)} answering the INVITE was retransmitted ${yes(p.atLeast) ? "at least " : ""}${s(p.retransmissions)} times${p.hop ? ` on ${s(p.hop)}` : ""} and no ACK came on that hop${p.byeAfter !== "" ? `; the ${p.byeBy === "caller" ? "caller" : "callee"} hung up ${s(p.byeAfter)} s later${yes(p.timerH) ? ", as a UAS does when no ACK comes within 64×T1 = 32 s (RFC 3261 §13.3.1.4)" : ""}` : ""}. The ACK is sent to the Contact of the 200 (${s(p.contact) || "none"})${p.recordRoute ? ` through the Record-Route set ${s(p.recordRoute)}` : ""}.`,
		fix: "Find where the caller sent its ACK (or why it did not): a private or wrong Contact in the 200, a Record-Route that points to an unreachable address, NAT or a SIP ALG rewriting headers, or asymmetric routing.",
	}),
	"no-response": (p) => ({
		text: `${s(p.method)} was sent ${yes(p.atLeast) ? "at least " : ""}${s(p.sent)} times over ${s(p.over)} s${p.to ? ` to ${s(p.to)}` : ""} and nothing answered, not even 100 Trying: the transaction timed out locally (Timer ${p.method === "INVITE" ? "B" : "F"}, 64×T1).`,
		fix: "Check that the destination is reachable on that address, port and transport: routing and DNS, firewalls and security groups, NAT, and whether the far end listens on that transport at all.",
	}),
	"request-timeout": (p) => ({
		text: `${s(p.method)} was answered 408 Request Timeout by ${s(p.from) || "an element on the path"}${yes(p.provisional) ? " after ringing: a no-answer timer ran out" : " without ringing: the element behind it never answered"}.`,
		fix: "Look at the element that sent the 408 and the hop after it: a proxy's Timer C or a gateway's no-answer timer, or a next hop that never responded.",
	}),
	"caller-abandoned": (p) => ({
		text: `The caller cancelled${p.ring !== "" ? ` after ${s(p.ring)} s of ringing` : p.afterInvite !== "" ? ` ${s(p.afterInvite)} s after the INVITE` : ""}; 487 Request Terminated is the normal end of a cancelled INVITE.`,
	}),
	"cancel-200-race": (p) => ({
		text: `A 200 OK to the INVITE crossed the caller's CANCEL: the call was answered anyway${yes(p.acked) && yes(p.ended) ? ", and the caller correctly acknowledged it and hung up with BYE" : yes(p.acked) ? ", and the caller acknowledged it but never sent BYE" : ", and the caller neither acknowledged it nor sent BYE"}.`,
		fix: "After CANCEL, a UAC that still receives a 2xx must ACK it and send BYE (RFC 3261 §9.1); otherwise the callee keeps a half-open call.",
	}),
	"refer-no-notify": (p) => ({
		text: `The REFER${p.target ? ` to ${s(p.target)}` : ""} was accepted, but no NOTIFY followed: the transferor never learns how the transfer went.`,
		fix: "The transferee must send NOTIFY with Event: refer and a message/sipfrag body (RFC 3515); check its transfer support, SBCs that withhold NOTIFY, and that the transferor does not hang up before it arrives.",
	}),
	"refer-result": (p) => ({
		text: `The transfer's NOTIFYs (${s(p.notifies)}) report "${s(p.status)} ${s(p.reason)}"${Number(p.status) >= 300 ? ": the transfer target could not be reached" : yes(p.final) ? ": the transfer succeeded" : ": the transfer was still in progress when the capture ended"}.`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `${s(p.code)} from ${s(p.decliner) || "an unidentified element"}${p.from ? ` at ${s(p.from)}` : ""} ended the search on every branch${Number(p.branches) === 1 ? (yes(p.cancelled) ? "; the other branch was cancelled" : "; the other branch was not cancelled in this capture") : Number(p.branches) > 1 ? `; ${s(p.cancelled)} of the ${s(p.branches)} other branches were cancelled` : ""}: a 6xx stops forking (RFC 3261 §16.7), so other devices, hunt groups and voicemail on no-answer are cut short.`,
		fix: "If other devices or voicemail should still get the call, make the declining device answer 486 or 480 instead of a 6xx, or configure the proxy to continue after a 6xx.",
	}),
	"503-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` from ${s(p.agent)}` : ""}${p.server ? ` at ${s(p.server)}` : ""} asked the client to wait ${s(p.seconds)} s (Retry-After)${next503(p)}${yes(p.relayed) ? ". A proxy relayed the 503 upstream, which it should not do when other targets could serve" : ""}.`,
		fix: "Find why the server is unavailable (overload, maintenance, channel or licence limits, an unreachable next hop) and make clients fail over to another server (DNS SRV, dispatcher sets).",
	}),
	"503-no-retry-after": (p) => ({
		text: `503 Service Unavailable${p.agent ? ` from ${s(p.agent)}` : ""}${p.server ? ` at ${s(p.server)}` : ""} without Retry-After, which a client treats like 500${next503(p)}${yes(p.relayed) ? ". A proxy relayed the 503 upstream, which it should not do when other targets could serve" : ""}.`,
		fix: "Find why the server refused (capacity, an unreachable peer marked down by qualify or OPTIONS pings, maintenance) and have clients try an alternate server.",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer)) parts.push("the INVITE carried no SDP offer, so the answerer's offer was refused");
		if (p.offered) parts.push(`offered codecs: ${s(p.offered)}`);
		if (p.accepted) parts.push(`the answerer supports ${s(p.accepted)}`);
		if (r.includes("codec")) parts.push("the Warning points at the codecs");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`transport profile ${s(p.protocols)}: RTP/AVP and RTP/SAVP(F) do not match each other`);
		if (r.includes("media-type") || r.includes("non-audio-offered")) parts.push(`media types offered: ${s(p.types)}`);
		if (r.includes("no-telephone-event")) parts.push("no telephone-event was offered for DTMF");
		if (p.warning) parts.push(`Warning: ${s(p.warning)}`);
		return {
			text: `${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}${p.agent || p.from ? ` from ${[s(p.agent), p.from ? `at ${s(p.from)}` : ""].filter(Boolean).join(" ")}` : ""}: the session offer was refused. ${parts.join("; ")}.`,
			fix: "Make the offer and the answerer's capabilities overlap: allow a common codec on both sides (PCMU/PCMA as a fallback), align SRTP settings (media_encryption, sdes/dtls), remove video or image streams the far end cannot take, and offer telephone-event if DTMF is needed.",
		};
	},
	"nat-private-address": (p) => ({
		text: `The private address ${s(p.address)} appears in ${s(p.where)} while the packets come from ${s(p.source)}: a device behind NAT is advertising its inside address.`,
		fix: "Make the device or its PBX advertise the public address (Asterisk: external_media_address and external_signaling_address with local_net; FreeSWITCH: ext-rtp-ip and ext-sip-ip), or let the SBC or proxy fix Contact and SDP (Kamailio nathelper/rtpengine); disable SIP ALGs on routers.",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `The ${s(p.answer)}${p.by ? ` from ${s(p.by)}` : ""} rejected the ${s(p.streams)} stream (port 0 in the answer, RFC 3264 §6)${p.left ? `; ${s(p.left)} remains` : ": no media stream is left, so the call is connected without media"}.`,
				...(p.left
					? {}
					: {
							fix: "Find why the answerer refused the stream: no common codec or transport profile (RTP/AVP vs RTP/SAVP), a disabled media type, or an SBC policy; compare the offer with what the answerer allows.",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "One side"} put the call on hold: its ${s(p.what)} offers audio ${s(p.direction)} (RFC 3264 §8.4)${p.followed === 1 ? ", and the answer goes along with it" : p.followed === 0 ? ", but the answer does not follow it (RFC 3264 §6.1)" : ""}.`,
				fix: "If nobody meant to hold the call, check the device's hold and music-on-hold settings and any SBC that rewrites the SDP.",
			};
		const oneWay = p.direction === "inactive" ? "in neither direction" : "one way only";
		if (p.kind === "initial")
			return {
				text: `The ${s(p.what)}${p.by ? ` from ${s(p.by)}` : ""} offers audio ${s(p.direction)} from the start: audio will flow ${oneWay}.`,
				fix: "Check the caller's SDP direction settings and any SBC that rewrites the offer.",
			};
		return {
			text: `The ${s(p.what)}${p.by ? ` from ${s(p.by)}` : ""} answered a sendrecv offer with ${s(p.direction)}: audio will flow ${oneWay}.`,
			fix: "Check the answerer's SDP direction settings (a device or SBC that answers recvonly or inactive), and whether it meant to hold the call.",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `${s(p.method)} was answered 481${p.agent || p.from ? ` by ${[s(p.agent), p.from ? `at ${s(p.from)}` : ""].filter(Boolean).join(" ")}` : ""}: the far end does not know this dialog${yes(p.established) ? " although it was set up earlier in this capture" : ""}${yes(p.afterRefer) ? "; a transfer happened before, so the dialog may have been replaced" : ""}${p.routeFollowed === 0 ? "; the request did not follow the Record-Route set" : ""}.`,
		fix: "Check whether the far end restarted or failed over, whether the request used the route set from Record-Route and the remote Contact as its target, whether Call-ID and tags match the dialog, and, after a transfer, that the old leg is not ended twice.",
	}),
	"loop-detected": (p) => ({
		text: `482 Loop Detected${p.agent || p.detector ? ` from ${[s(p.agent), p.detector ? `at ${s(p.detector)}` : ""].filter(Boolean).join(" ")}` : ""}: the request came back to a proxy that had already forwarded it${p.repeated ? ` (Via repeats ${s(p.repeated)})` : ""}.`,
		fix: "Look for a routing loop between proxies or a proxy routing to itself (its own domain or address as the next hop); spirals with a changed Request-URI are legal, loops are not.",
	}),
	"too-many-hops": (p) => ({
		text: `483 Too Many Hops${p.agent || p.detector ? ` from ${[s(p.agent), p.detector ? `at ${s(p.detector)}` : ""].filter(Boolean).join(" ")}` : ""}: Max-Forwards ran down to zero${p.maxForwards ? ` (${s(p.maxForwards)} across ${s(p.hops)} copies)` : ""}, usually a loop through B2BUAs that create new Via headers each time.`,
		fix: "Trace the route between the B2BUAs or PBXs forwarding this call back and forth (for example two systems whose routes point at each other), and do not reset Max-Forwards on a B2BUA.",
	}),
	"redirect-followed": (p) => ({
		text: `The ${s(p.code)} redirect was followed: the caller sent a new INVITE to ${s(p.target)}.`,
	}),
	"redirect-not-followed": (p) => ({
		text: `${s(p.code)} redirected the call${p.targets ? ` to ${s(p.targets)}` : " without any Contact to go to"}, and no new INVITE followed.`,
		fix: p.targets
			? "Let the caller or its PBX follow redirects (on Asterisk the pjsip endpoint's redirect_method; on FreeSWITCH manual-redirect), or have the redirecting side proxy the call instead."
			: "A 3xx must carry the new target in Contact; fix the redirecting element.",
	}),
	"redirect-loop": (p) => ({
		text: `${s(p.code)} sent the caller back to a target it had already tried (${s(p.target)}): a redirect loop.`,
		fix: "Check the redirect server's or PBX's forwarding rules: two forwards pointing at each other, or a redirect to the caller's own address.",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pending: both sides sent ${s(p.method)} requests at the same time (glare). ${[1, 2]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "One side"} (${yes(p[`owner${k}`]) ? "it generated the Call-ID: 2.1–4 s" : "it did not generate the Call-ID: 0–2 s"})`;
				return p[`wait${k}`] === ""
					? `${who} did not retry in this capture`
					: `${who} retried after ${s(p[`wait${k}`])} s, ${yes(p[`inWindow${k}`]) ? "within" : "outside"} its RFC 3261 §14.1 window`;
			})
			.join("; ")}${yes(p.through) ? "" : `; no later ${s(p.method)} succeeded, so the session change was lost`}.`,
		fix: "The UAC should wait the random interval of RFC 3261 §14.1 and try again; repeated glare points at two systems refreshing the session at the same moment.",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)}: the ${p.code === 422 ? "session interval" : "expiry"}${p.asked ? ` of ${s(p.asked)} s` : ""} was below the server's minimum${p.min ? ` of ${s(p.min)} s` : ""}${yes(p.ok) ? `; the ${s(p.method)} was retried with ${s(p.retry)} s and succeeded` : p.retry ? `; the retry with ${s(p.retry)} s still failed` : "; the client did not retry"}.`,
		fix:
			p.code === 422
				? "Raise the client's Session-Expires to at least the Min-SE value (Asterisk timers_sess_expires, FreeSWITCH session-timeout)."
				: "Raise the registration expiry to at least Min-Expires.",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)}: ${p.code === 420 ? `the server does not support the extension(s) ${s(p.tags) || s(p.required)} that the request required` : `the server requires the extension(s) ${s(p.tags)} that the request did not list as supported`}.`,
		fix:
			p.code === 420
				? "Do not put the option tag in Require (or Proxy-Require) unless the far end supports it; move it to Supported."
				: "Enable the extension on the client (for example 100rel or timer) or ask the server to make it optional.",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Type: the body${p.sent ? ` (${s(p.sent)})` : ""} is not acceptable${p.accept ? `; the server accepts ${s(p.accept)}` : ""}${p.encoding ? `, and the body was encoded as ${s(p.encoding)}` : ""}.`,
		fix: "Send a body type the server lists in Accept, or enable the body type on the server.",
	}),
	"who-failed": (p) => ({
		text: `The call was ended by ${s(p.code)} from ${s(p.agent) || "an unidentified element"}${p.from ? ` at ${s(p.from)}` : ""}${p.sameAsRinging === 1 ? "; its To tag is the one of the callee's ringing responses, so the callee itself ended the call" : p.sameAsRinging === 0 ? "; its To tag differs from the callee's ringing responses, so an element on the path (proxy, B2BUA or SBC) generated it" : ""}${Number(p.vias) > 1 ? `, answered through ${s(p.vias)} Via hops` : ""}${p.reason ? `; Reason: ${s(p.reason)}` : ""}.`,
		fix: "Start with that element's logs and configuration: it made the decision; the elements before it only relayed it.",
	}),
	scanner: (p) => ({
		text: `A SIP scan from ${s(p.from) || "an unknown source"} (${s(p.agent)}): ${s(p.requests)} request${Number(p.requests) === 1 ? "" : "s"} (${s(p.methods)}) probing ${s(p.users)} user${Number(p.users) === 1 ? "" : "s"} or extension${Number(p.users) === 1 ? "" : "s"}${p.seconds !== "" ? ` in ${s(p.seconds)} s` : ""}, ${s(p.unanswered)} unanswered.`,
		fix: "Block the source at the firewall or with fail2ban/APIBAN, do not answer unknown users with distinguishable responses, and make sure no account has a weak password.",
	}),
	"start-not-captured": (p) => ({
		text: `The capture starts inside this call: its first message here is ${s(p.first)}, so the request that set it up is not in the capture${p.outcome ? `; the outcome shown is the answer to the ${s(p.method)} captured (${s(p.outcome)})` : ""}.`,
	}),
	"media-none": (p) => ({
		text: `The call was answered and lasted ${s(p.seconds)} s, but no RTP was seen in either direction (the offer named ${s(p.offer)}, the answer ${s(p.answer)}).`,
		fix: "Check that the capture point can see the media path at all, then firewalls and NAT between the two media addresses, an SBC or PBX that should relay media (direct media or re-INVITE settings), and that neither side announced an address the other cannot reach.",
	}),
	"media-one-way": (p) => ({
		text: `RTP flowed ${s(p.flowing)} only; nothing came ${s(p.missing)} although the SDP asked for audio both ways (it should go to ${s(p.to)}).`,
		fix: "One-way audio is usually NAT or a firewall: compare the address in the SDP with the address the packets really come from, allow the RTP port range inbound, turn off SIP ALG on the router, and on the PBX enable symmetric RTP (rtp_symmetric, NAT settings) or a media relay.",
	}),
	"media-payload": (p) => ({
		text: `RTP from ${s(p.src)} to ${s(p.dst)} uses payload type ${s(p.pt)} (${s(p.codec)}), which the SDP answer did not list (it listed ${s(p.allowed)}).`,
		fix: "The sender ignores the negotiated codec: check its codec order and that it reads the answer, and any transcoding SBC; the receiver may drop these packets or decode noise.",
	}),
	"media-loss": (p) => ({
		text: `${s(p.percent)}% of the RTP ${s(p.direction)} was lost (${s(p.lost)} of ${s(p.expected)} packets, ${s(p.src)} to ${s(p.dst)}), as measured where the capture was taken: the loss happened before that point.`,
		fix: "Capture closer to the sender to find the hop that drops packets; check link utilisation, Wi-Fi, QoS marking (DSCP EF) and duplex mismatches along the path.",
	}),
	"media-jitter": (p) => ({
		text: `RTP ${s(p.direction)} arrived with jitter up to ${s(p.max)} ms (mean ${s(p.mean)} ms, ${s(p.src)} to ${s(p.dst)}), enough to overrun a typical jitter buffer.`,
		fix: "Look for congestion or bufferbloat on the path, give voice priority (DSCP EF, a separate VLAN), and check the receiving jitter buffer size.",
	}),
	"media-after-bye": (p) => ({
		text: `RTP from ${s(p.src)} to ${s(p.dst)} kept flowing ${s(p.seconds)} s after the BYE.`,
		fix: "The sender did not stop its media when the call ended: check that it processes the BYE (or the 200 for it) and that no other call reuses the same ports.",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `RTP ${s(p.direction)} went to ${s(p.actual)}, not to ${s(p.sdp)} that the receiver's SDP announced.`,
					fix: "Something between the sides rewrote the media address (SBC, SIP ALG, a relay) or the sender latched onto another address; compare the SDP on both sides of every middlebox and the destination the packets really use.",
				}
			: {
					text: `The SDP announced the private address ${s(p.sdp)} for RTP ${s(p.direction)}, but the packets come from ${s(p.actual)}: the sender is behind NAT.`,
					fix: "Audio towards a private address cannot arrive: make the sender announce its public address (STUN, external media address on the PBX) or enable symmetric RTP / media latching on the far side.",
				},
	"media-gap": (p) => ({
		text: `RTP ${s(p.direction)} (${s(p.src)} to ${s(p.dst)}) stopped for about ${s(p.seconds)} s in the middle of the call, although no SDP put the call on hold.`,
		fix: "Look for a network outage or route change at that time, a sender that stops on silence without signalling it (VAD without comfort noise), or a media server that paused the stream.",
	}),
};
