/** Turkish sentences built from facts. Numbers take suffixes by pronunciation (see turkish-number.ts). */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import { inflect } from "./turkish-number.ts";
import type { Phrases, Side } from "./types.ts";

const and = new Intl.ListFormat("tr", { type: "conjunction" });
const or = new Intl.ListFormat("tr", { type: "disjunction" });

const CLASS: Record<ResponseClass, string> = {
	"1xx": "bir geçici yanıttır (1xx): istek hâlâ işlenmektedir ve son yanıt henüz gelmemiştir",
	"2xx": "bir başarı yanıtıdır (2xx): istek başarılı olmuştur",
	"3xx": "bir yönlendirme yanıtıdır (3xx): istek başka bir adrese yeniden gönderilmelidir",
	"4xx":
		"bir istek hatasıdır (4xx): istek bu sunucuda ya da bu kolda başarısız olmuştur, ancak kullanıcıya başka bir yerden veya düzeltilmiş bir istekle hâlâ ulaşılabilir",
	"5xx":
		"bir sunucu hatasıdır (5xx): sunucu, büyük olasılıkla geçerli olan bir isteği işleyememiştir, bu yüzden başka bir sunucu başarılı olabilir",
	"6xx":
		"genel bir hatadır (6xx): istek her yerde başarısız olacaktır, bu yüzden başka bir kol ya da sunucu denenmemelidir",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "geçici yanıttır (1xx)",
	"2xx": "başarı yanıtıdır (2xx)",
	"3xx": "yönlendirme yanıtıdır (3xx)",
	"4xx": "istek hatasıdır (4xx)",
	"5xx": "sunucu hatasıdır (5xx)",
	"6xx": "genel hatadır (6xx)",
};

const SENDER: Record<Sender, string> = {
	uas: "aranan UAS",
	proxy: "bir proxy",
	registrar: "registrar",
	redirect: "bir yönlendirme sunucusu (redirect server)",
	b2bua: "bir B2BUA",
};

function methodClause(s: Side): string {
	return s.methods.includes("any")
		? `${s.code} her türlü isteğe yanıt olarak gönderilebilir`
		: `${s.code} ${or.format(s.methods as Exclude<Method, "any">[])} isteklerine yanıt olarak gönderilir`;
}

function retryClause(code: number, kind: RetryKind): string {
	const after = `${inflect(code, "ablative")} sonra`;
	switch (kind) {
		case "none":
			return `${code} bir hata değildir, yeniden denenecek bir şey yoktur`;
		case "credentials":
			return `${after} istemci isteği kimlik bilgileriyle yeniden gönderir`;
		case "modify":
			return `${after} istemci isteği yanıtın belirttiği şekilde düzeltip yeniden deneyebilir`;
		case "later":
			return `${after} istemci aynı isteği bir süre bekleyip yeniden gönderebilir`;
		case "elsewhere":
			return `${after} istemci başka bir adresi ya da sunucuyu denemelidir`;
		case "never":
			return `${after} istemci aynı isteği yeniden göndermemelidir`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "ne diyalog kurar ne de bir diyaloğu sonlandırır",
		establishes: s.code < 200 ? "To etiketi taşıyorsa erken diyalog (early dialog) oluşturur" : "diyaloğu kurar",
		"transaction-only":
			"bir diyalog içindeki isteğe yanıt olduğunda yalnızca o transaction'ı başarısız kılar, diyalog sürer",
		"usage-terminated":
			"bir diyalog içindeki isteğe yanıt olduğunda isteğin ait olduğu kullanımı (görüşmeyi ya da aboneliği) sonlandırır",
		"dialog-terminated":
			"bir diyalog içindeki isteğe yanıt olduğunda diyaloğun tamamını ve içindeki tüm kullanımları sonlandırır",
	};
	const rfc3261 = s.uacShouldTerminate
		? `; yine de ${s.uacShouldTerminate}, diyalog içindeki bir isteğe ${s.code} yanıtı gelince UAC'nin diyaloğu sonlandırmasını ister`
		: "";
	const effect = s.endsEarlyDialog
		? "To etiketinin gösterdiği tek erken diyaloğu sonlandırır, INVITE ise sürer; diyalog içindeki bir isteğe hiçbir zaman yanıt olmaz (RFC 6228)"
		: effects[s.dialogEffect];
	return `${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `${code} yanıtı, arayan tarafın uçtan uca ve yeni bir transaction olarak gönderdiği ACK ile onaylanır (RFC 3261 §13.2.2.4)`;
		case "hop-by-hop":
			return `${code} yanıtı, INVITE transaction'ı içinde hop-by-hop gönderilen ACK ile onaylanır (RFC 3261 §17.1.1.3)`;
		case "none":
			return `${code} yanıtı hiçbir zaman ACK ile onaylanmaz (RFC 3261 §21.1); güvenilir geçici yanıtlar bunun yerine PRACK ile onaylanır (RFC 3262)`;
	}
}

function q850Clause(s: Side): string {
	const cause = `Q.850 ${s.q850To?.cause} numaralı nedene (${s.q850To?.name})`;
	switch (s.q850Basis) {
		case "listed":
			return `${s.code}, tabloya göre ${cause} dönüşür`;
		case "default":
			return `${s.code}, tabloda yer almadığı için RFC 3398'in varsayılan kuralıyla ${cause} dönüşür`;
		case "warning":
			return `${inflect(s.code, "genitive")} sabit bir neden kodu yoktur, tablo kararı Warning başlığına bırakır`;
		case "unmapped":
			return `${inflect(s.code, "genitive")} tabloda karşılığı olan bir neden kodu yoktur`;
		case "not-a-rejection":
			return `${s.code} bir ret yanıtı olmadığı için ISUP tarafında çağrıyı sonlandırmaz`;
	}
}

function capitalize(s: string): string {
	return s.charAt(0).toLocaleUpperCase("tr") + s.slice(1);
}

/** Turkish phrases. */
export const tr: Phrases = {
	lang: "tr",
	sameClass: (a, b) => `${a.code} ve ${b.code} aynı sınıftadır: ikisi de ${CLASS_SHORT[a.class]}.`,
	classes: (a, b) => `${a.code} ${CLASS[a.class]}. ${b.code} ise ${CLASS[b.class]}.`,
	forking: (ends, goesOn) =>
		`${ends.code} çatallanmayı (forking) sonlandırır: bu yanıtı alan proxy bekleyen diğer kolları iptal eder (RFC 3261 §16.7); ${goesOn.code} ise diğer kolların sürmesine izin verir.`,
	senders: (a, b) =>
		`${inflect(a.code, "accusative")} genellikle ${or.format(a.senders.map((s) => SENDER[s]))} gönderir; ${inflect(b.code, "accusative")} ise ${or.format(b.senders.map((s) => SENDER[s]))} gönderir.`,
	methods: (a, b) => `${methodClause(a)}; ${methodClause(b).replace(/^(\d+)/, "$1 ise")}.`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side, contrast: boolean) => {
			const subject = contrast ? `${s.code} ise` : `${s.code}`;
			if (s.requiredHeaders.length === 0)
				return `${inflect(s.code, "genitive")}${contrast ? " ise" : ""} taşıması zorunlu bir başlığı yoktur`;
			const names = and.format(s.requiredHeaders);
			return `${subject} ${names} ${s.requiredHeaders.length > 1 ? "başlıklarını" : "başlığını"} taşımak zorundadır`;
		};
		return `${capitalize(clause(a, false))}; ${clause(b, true)}.`;
	},
	retry: (a, b) => {
		const second = retryClause(b.code, b.retryKind).replace(/ sonra /, " sonra ise ");
		return `${capitalize(retryClause(a.code, a.retryKind))}; ${second}.`;
	},
	dialogEffect: (a, b) =>
		`${a.code} ${effectClause(a)}; ${b.code} ise ${effectClause(b)}${rfc5057Note(a, b, " (RFC 5057 §5.1)")}.`,
	ack: (a, b) => `Bir INVITE isteğine yanıt olarak ${ackClause(a.code, a.ack)}; ${ackClause(b.code, b.ack)}.`,
	q850: (a, b) => `SIP-ISUP gateway'inde ${q850Clause(a)}; ${q850Clause(b)} (RFC 3398 §8.2.6.1).`,
	status: (s) => {
		if (s.status === "deprecated")
			return `${s.code} kullanımdan kaldırılmıştır${s.deprecatedBy ? ` (${s.deprecatedBy})` : ""}: yeni uygulamalar bu yanıtı göndermemelidir.`;
		if (s.status === "reserved") return `${s.code} ileride kullanılmak üzere ayrılmıştır ve pratikte gönderilmez.`;
		if (s.status === "unregistered")
			return `${s.code} IANA kaydında yoktur, bu yüzden standartlara uyan bir uç onu ${inflect(s.treatedAs ?? Math.floor(s.code / 100) * 100, "accusative")} gibi işler.`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "Kullanıcıya başka cihazlardan ya da konumlardan hâlâ ulaşılabilecekse 4xx ile yanıt verin; 6xx aramayı her yerde sonlandırır.";
		if (pair === "4xx/5xx")
			return "Sorun isteğin kendisindeyse 4xx, sunucudaysa 5xx ile yanıt verin; böylece istemci başka bir sunucunun işe yarayıp yaramayacağını bilir.";
		if (pair === "5xx/6xx")
			return "5xx istemcinin başka bir sunucuyu denemesine izin verir; 6xx ise hiçbir sunucunun başarılı olamayacağını söyler.";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "Kayıtsız kod",
		summary: `${code} kayıtlı bir SIP yanıt kodu değildir; standartlara uyan bir uç onu ${inflect(as, "accusative")} (${asReason}) gibi işler.`,
		description: `${code}, IANA'nın SIP yanıt kodları kaydında yer almaz. RFC 3261 §8.1.3.2'ye göre istemci tanımadığı her yanıt kodunu aynı sınıfın x00 koduymuş gibi (tanımadığı geçici yanıtları da 183 gibi) işlemelidir; bu yüzden ${code} tam olarak ${as} ${asReason} gibi ele alınır. Göndericinin ne demek istediğini ancak mesajın reason phrase'i ve başlıkları gösterebilir.`,
		whenYouSeeIt: `${code} genellikle bir cihaz, santral ya da operatör kendine özel veya eskimiş bir kod kullandığında görülür; çoğu zaman reason phrase durumu açıklar. Bazı yazılımlar da hatayla kendi iç hata numaralarını durum satırına yazar.`,
		howToFix: [
			"Yanıttaki reason phrase'i ve varsa Warning ya da Reason başlığını okuyun: göndericinin ne demek istediğini genellikle bunlar söyler.",
			"Yanıtın Server veya User-Agent başlığından ve Via satırlarından göndericiyi belirleyin, kodu o üreticinin belgelerinde arayın.",
			`Kendi tarafınızın bu yanıtı ${inflect(as, "accusative")} gibi işlediğinden emin olun; RFC 3261 §8.1.3.2 standartlara uyan bir uçtan bunu ister.`,
			"Göndericiyi siz yönetiyorsanız, başka cihazların tahmin yürütmek zorunda kalmaması için anlamı uyan kayıtlı kodu göndermesini sağlayın.",
		],
		commonCauses: [
			"Üreticiye özel ya da eskimiş bir yanıt kodu kullanılmıştır.",
			"Yanlış yapılandırılmış bir uygulama kendi iç hata numarasını durum satırına yazmıştır.",
		],
		misdiagnoses: [
			`${inflect(code, "accusative")} anlamlı bir protokol yanıtı sanmak: standartlara uyan her uç için ${code}, ${as} ${asReason} yanıtından fazlasını ifade etmez.`,
		],
		useWhen: `${code} kayıtlı olmadığı için hiç gönderilmemelidir; bunun yerine anlamı uyan kayıtlı kod kullanılmalıdır.`,
	}),
};
