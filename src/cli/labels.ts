/** Terminal labels in the content languages (other languages fall back to English). */
import type { AckRule, Scope } from "../kb/classes.ts";
import type { DialogEffect, RetryKind, Sender } from "../kb/types.ts";

/** Labels used by the terminal renderers. */
export interface Labels {
	description: string;
	whenYouSeeIt: string;
	howToFix: string;
	commonCauses: string;
	misdiagnoses: string;
	facts: string;
	example: string;
	related: string;
	final: string;
	provisional: string;
	yes: string;
	no: string;
	methods: string;
	senders: string;
	requiredHeaders: string;
	optionalHeaders: string;
	endsForking: string;
	retry: string;
	dialogEffect: string;
	ack: string;
	scope: string;
	q850: string;
	q850To: string;
	q850From: string;
	none: string;
	differences: string;
	whenToUseWhich: string;
	treatedAs: string;
	deprecatedBy: string;
	renamedFrom: string;
	untranslated: string;
	noResults: string;
	seeAlso: string;
	sender: Record<Sender, string>;
	effect: Record<DialogEffect, string>;
	ackRule: Record<AckRule, string>;
	scopes: Record<Scope, string>;
	retryKinds: Record<RetryKind, string>;
	status: Record<"current" | "deprecated" | "reserved" | "unregistered", string>;
}

const en: Labels = {
	description: "Description",
	whenYouSeeIt: "When you see it",
	howToFix: "How to fix",
	commonCauses: "Common causes",
	misdiagnoses: "Common misdiagnoses",
	facts: "Facts",
	example: "Example",
	related: "Related",
	final: "final",
	provisional: "provisional",
	yes: "yes",
	no: "no",
	methods: "Answers",
	senders: "Sent by",
	requiredHeaders: "Must carry",
	optionalHeaders: "May carry",
	endsForking: "Ends forking",
	retry: "Retry",
	dialogEffect: "Dialog effect",
	ack: "ACK (INVITE)",
	scope: "Scope",
	q850: "Q.850",
	q850To: "to ISUP",
	q850From: "from ISUP",
	none: "none",
	differences: "Key differences",
	whenToUseWhich: "When to use which",
	treatedAs: "Treated as",
	deprecatedBy: "Deprecated by",
	renamedFrom: "Renamed from",
	untranslated: "This text is not translated yet; it is shown in English.",
	noResults: "No code matches",
	seeAlso: "Compare",
	sender: { uas: "UAS", proxy: "proxy", registrar: "registrar", redirect: "redirect server", b2bua: "B2BUA" },
	effect: {
		none: "none",
		establishes: "establishes a dialog",
		"transaction-only": "transaction only",
		"usage-terminated": "usage terminated",
		"dialog-terminated": "dialog terminated",
	},
	ackRule: {
		none: "no ACK (PRACK if reliable)",
		"end-to-end": "end to end, new transaction",
		"hop-by-hop": "hop by hop, same transaction",
	},
	scopes: {
		progress: "progress",
		success: "success",
		redirect: "try elsewhere",
		request: "this request, this server or branch",
		server: "this server",
		global: "everywhere",
	},
	retryKinds: {
		none: "nothing to retry",
		credentials: "with credentials",
		modify: "after fixing the request",
		later: "later",
		elsewhere: "elsewhere",
		never: "do not repeat",
	},
	status: { current: "current", deprecated: "deprecated", reserved: "reserved", unregistered: "unregistered" },
};

const tr: Labels = {
	description: "Açıklama",
	whenYouSeeIt: "Ne zaman görülür",
	howToFix: "Nasıl düzeltilir",
	commonCauses: "Sık nedenler",
	misdiagnoses: "Sık yapılan yanlış teşhisler",
	facts: "Bilgiler",
	example: "Örnek",
	related: "İlgili kodlar",
	final: "son yanıt",
	provisional: "geçici yanıt",
	yes: "evet",
	no: "hayır",
	methods: "Yanıtladığı istekler",
	senders: "Gönderen",
	requiredHeaders: "Zorunlu başlıklar",
	optionalHeaders: "İsteğe bağlı başlıklar",
	endsForking: "Çatallanmayı bitirir",
	retry: "Yeniden deneme",
	dialogEffect: "Diyaloğa etkisi",
	ack: "ACK (INVITE)",
	scope: "Kapsam",
	q850: "Q.850",
	q850To: "ISUP'a",
	q850From: "ISUP'tan",
	none: "yok",
	differences: "Temel farklar",
	whenToUseWhich: "Hangisi ne zaman kullanılır",
	treatedAs: "Şöyle işlenir",
	deprecatedBy: "Kaldıran belge",
	renamedFrom: "Eski adı",
	untranslated: "Bu metin henüz çevrilmedi; İngilizcesi gösteriliyor.",
	noResults: "Eşleşen kod yok",
	seeAlso: "Karşılaştır",
	sender: { uas: "UAS", proxy: "proxy", registrar: "kayıt sunucusu", redirect: "yönlendirme sunucusu", b2bua: "B2BUA" },
	effect: {
		none: "yok",
		establishes: "diyalog kurar",
		"transaction-only": "yalnızca işlem",
		"usage-terminated": "kullanım sona erer",
		"dialog-terminated": "diyalog sona erer",
	},
	ackRule: {
		none: "ACK yok (güvenilirse PRACK)",
		"end-to-end": "uçtan uca, yeni işlem",
		"hop-by-hop": "atlama atlama, aynı işlem",
	},
	scopes: {
		progress: "ilerleme",
		success: "başarı",
		redirect: "başka yerde dene",
		request: "bu istek, bu sunucu ya da kol",
		server: "bu sunucu",
		global: "her yer",
	},
	retryKinds: {
		none: "denenecek bir şey yok",
		credentials: "kimlik bilgileriyle",
		modify: "isteği düzelterek",
		later: "daha sonra",
		elsewhere: "başka yerde",
		never: "tekrarlanmaz",
	},
	status: { current: "geçerli", deprecated: "kullanımdan kaldırıldı", reserved: "ayrılmış", unregistered: "kayıtsız" },
};

/** Labels for a language (English when there are none for it). */
export function labelsFor(lang: string): Labels {
	return lang === "tr" ? tr : en;
}
