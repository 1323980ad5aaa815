/**
 * Transaction matching per RFC 3261 §17.1.3 and §17.2.3: the top Via branch (with the magic
 * cookie) plus sent-by plus method, where ACK to a non-2xx and CANCEL belong with their INVITE by
 * branch; without the magic cookie, the RFC 2543 rules (Call-ID, CSeq number, From tag, top Via).
 */
import type { SipMessage } from "../sip/parse-message.ts";

const MAGIC = "z9hG4bK";

/** The key shared by a request, its retransmissions and its responses on one hop, or null. */
export function transactionKey(m: SipMessage): string | null {
	const via = m.topVia;
	const cseq = m.cseq;
	if (!via || !cseq) return null;
	// ACK to a non-2xx final response is part of the INVITE transaction (RFC 3261 §17.1.1.3).
	const method = cseq.method === "ACK" ? "INVITE" : cseq.method;
	const sentBy = `${via.host.toLowerCase()}:${via.port ?? ""}`;
	const branch = via.branch;
	if (branch && branch.length > MAGIC.length && branch.startsWith(MAGIC)) return `${branch}|${sentBy}|${method}`;
	return `2543|${m.callId}|${cseq.seq}|${m.from?.tag ?? ""}|${sentBy}|${branch ?? ""}|${method}`;
}

/** The key of the INVITE transaction a CANCEL cancels (same branch, RFC 3261 §9.1). */
export function cancelledInviteKey(m: SipMessage): string | null {
	if (m.cseq?.method !== "CANCEL") return null;
	const key = transactionKey(m);
	return key === null ? null : `${key.slice(0, key.lastIndexOf("|"))}|INVITE`;
}
