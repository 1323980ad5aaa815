/**
 * The SIP glossary (definitions in the content languages, English and Turkish) and the linker that
 * turns the first mention of each term in a page's prose into a link to its definition.
 */
import { type Html, html, join } from "./html.ts";

interface TermText {
	term: string;
	def: string;
	/** Regular expression sources matched at the start of a word (flags: u, plus i unless `cs`). */
	match: string[];
}

/** One glossary entry. */
export interface GlossaryTerm {
	id: string;
	/** RFC that defines the term, as `RFC3261 §12`. */
	cite?: string;
	/** Case-sensitive matching (acronyms, header names, methods). */
	cs?: boolean;
	en: TermText;
	tr: TermText;
}

const TR_APOS = "(?:['’]\\p{L}+)?";

export const GLOSSARY: GlossaryTerm[] = [
	{
		id: "dialog",
		cite: "RFC3261 §12",
		en: {
			term: "Dialog",
			def: "A peer-to-peer relationship between two user agents that lasts for some time, identified by the Call-ID, the From tag and the To tag. An INVITE creates one when a 2xx, or a 1xx with a To tag (an early dialog), answers it; requests inside it (re-INVITE, UPDATE, BYE) follow its route set and CSeq numbering.",
			match: ["dialogs?", "dialogues?"],
		},
		tr: {
			term: "Diyalog",
			def: "İki UA arasında bir süre devam eden eşler arası ilişki; Call-ID, From etiketi ve To etiketiyle tanımlanır. Bir INVITE'a 2xx ya da To etiketli bir 1xx (erken diyalog) yanıtı geldiğinde kurulur; içindeki istekler (re-INVITE, UPDATE, BYE) diyaloğun rota kümesini ve CSeq sırasını izler.",
			match: ["diyalo[gğ]\\p{L}*"],
		},
	},
	{
		id: "transaction",
		cite: "RFC3261 §17",
		en: {
			term: "Transaction",
			def: "A request and every response to it, from the provisional ones to the final response; for INVITE the ACK of a non-2xx final response belongs to it too. A transaction is identified by the branch parameter of the top Via and the CSeq method, and the retransmission timers live at this layer.",
			match: ["transactions?"],
		},
		tr: {
			term: "Transaction (işlem)",
			def: "Bir istek ve ona verilen, geçici yanıtlardan son yanıta kadar tüm yanıtlar; INVITE'ta 2xx dışı son yanıtın ACK'i de aynı transaction'a aittir. En üstteki Via'nın branch parametresi ve CSeq yöntemiyle tanımlanır; yeniden gönderme zamanlayıcıları bu katmandadır.",
			match: [`transaction\\p{L}*${TR_APOS}`],
		},
	},
	{
		id: "branch",
		cite: "RFC3261 §8.1.1.7",
		en: {
			term: "Branch",
			def: "Two meanings that go together. The branch parameter of a Via header identifies a transaction; since RFC 3261 it starts with the magic cookie z9hG4bK. A branch is also each of the requests a forking proxy sends, in parallel or one after another, and each carries its own branch value.",
			match: ["branch(?:es)?"],
		},
		tr: {
			term: "Branch (kol)",
			def: "Birlikte anılan iki anlamı vardır. Via başlığındaki branch parametresi bir transaction'ı tanımlar ve RFC 3261'den beri z9hG4bK sihirli değeriyle başlar. Kol ise çatallanan bir proxy'nin aynı anda ya da sırayla gönderdiği isteklerin her biridir; her birinin kendi branch değeri vardır.",
			match: ["branch", "kol(?:u|un|unu|una|da|dan|a|lar|ları|ların|larını|lara|larda|lardan|larının)?(?![\\p{L}])"],
		},
	},
	{
		id: "forking",
		cite: "RFC3261 §16.7",
		en: {
			term: "Forking",
			def: "A proxy sending one request to several targets, at the same time or one after another: a user with a desk phone and a softphone, a hunt group. The proxy collects the responses and forwards the best final one; once a branch answers 2xx or 6xx it cancels the branches still pending.",
			match: ["fork(?:s|ed|ing)?"],
		},
		tr: {
			term: "Çatallanma (forking)",
			def: "Bir proxy'nin tek bir isteği birden çok hedefe, aynı anda ya da sırayla göndermesi: masaüstü telefonu ve softphone'u olan bir kullanıcı, bir arama grubu. Proxy yanıtları toplar ve en iyi son yanıtı iletir; bir kol 2xx ya da 6xx ile yanıt verdiğinde hâlâ bekleyen kolları iptal eder.",
			match: ["çatall\\p{L}*", "forking"],
		},
	},
	{
		id: "b2bua",
		cite: "RFC3261 §6",
		cs: true,
		en: {
			term: "B2BUA",
			def: "Back-to-back user agent: an entity that receives a request as a UAS and, to handle it, sends a new request as a UAC on a second leg, keeping the dialog state of both. PBXs, SBCs and many gateways are B2BUAs, so a response seen on one leg may have been translated from a different response on the other.",
			match: ["B2BUAs?", "back-to-back user agents?"],
		},
		tr: {
			term: "B2BUA",
			def: "Arka arkaya UA (back-to-back UA): bir isteği UAS olarak alan ve onu işlemek için ikinci bir bacakta UAC olarak yeni bir istek gönderen, iki bacağın diyalog durumunu da tutan varlık. Santraller, SBC'ler ve birçok gateway B2BUA'dır; bu yüzden bir bacakta görülen yanıt, öbür bacaktaki farklı bir yanıttan çevrilmiş olabilir.",
			match: [`B2BUA${TR_APOS}`],
		},
	},
	{
		id: "sbc",
		cite: "RFC5853",
		cs: true,
		en: {
			term: "SBC (session border controller)",
			def: "A B2BUA at the edge of a network that hides its topology, handles NAT traversal, enforces policy and often relays the media. Because it rewrites headers and can answer on its own, an SBC is a common source of responses that the far end never sent.",
			match: ["SBCs?", "Session border controllers?", "session border controllers?"],
		},
		tr: {
			term: "SBC (oturum sınır denetleyicisi)",
			def: "Ağın kenarında duran, topolojiyi gizleyen, NAT geçişini yöneten, politika uygulayan ve çoğu zaman medyayı da aktaran bir B2BUA. Başlıkları yeniden yazdığı ve kendi başına yanıt verebildiği için, karşı tarafın hiç göndermediği yanıtların sık görülen kaynağıdır.",
			match: [`SBC${TR_APOS}`],
		},
	},
	{
		id: "early-media",
		cite: "RFC3960",
		en: {
			term: "Early media",
			def: "Media exchanged before the call is answered (ringback tone, announcements, IVR prompts), usually set up by the SDP of a 183 Session Progress. An announcement such as “the number you have dialled is not in service” often arrives as early media before the final failure response.",
			match: ["early media"],
		},
		tr: {
			term: "Erken medya",
			def: "Çağrı yanıtlanmadan önce akan medya (çalma sesi, anonslar, IVR yönlendirmeleri); genellikle bir 183 Session Progress içindeki SDP ile kurulur. “Aradığınız numara kullanılmamaktadır” gibi bir anons çoğu zaman son hata yanıtından önce erken medya olarak gelir.",
			match: ["erken medya\\p{L}*", "early media"],
		},
	},
	{
		id: "prack",
		cite: "RFC3262",
		cs: true,
		en: {
			term: "PRACK",
			def: "Provisional response acknowledgement: the request a UAC sends to confirm a reliable provisional response, a 1xx carrying Require: 100rel and an RSeq header. Without this extension 1xx responses are unreliable and may be lost.",
			match: ["PRACKs?"],
		},
		tr: {
			term: "PRACK",
			def: "Geçici yanıt onayı: UAC'nin güvenilir bir geçici yanıtı, yani Require: 100rel ve RSeq başlığı taşıyan bir 1xx'i onaylamak için gönderdiği istek. Bu eklenti olmadan 1xx yanıtlar güvenilir değildir ve kaybolabilir.",
			match: [`PRACK${TR_APOS}`],
		},
	},
	{
		id: "record-route",
		cite: "RFC3261 §20.30",
		cs: true,
		en: {
			term: "Record-Route",
			def: "A header a proxy adds to a dialog-creating request so that later requests of the dialog pass through it. The Record-Route values become the dialog's route set; a wrong entry, often a private address behind NAT, sends BYE or re-INVITE to the wrong place, where it fails with 481 or times out.",
			match: ["Record-Route"],
		},
		tr: {
			term: "Record-Route",
			def: "Bir proxy'nin diyalog kuran bir isteğe eklediği ve diyalogdaki sonraki isteklerin kendisinden geçmesini sağlayan başlık. Record-Route değerleri diyaloğun rota kümesi olur; yanlış bir giriş, çoğu zaman NAT arkasındaki özel bir adres, BYE ya da re-INVITE'ı yanlış yere gönderir ve istek 481 ile ya da zaman aşımıyla başarısız olur.",
			match: [`Record-Route${TR_APOS}`],
		},
	},
	{
		id: "via",
		cite: "RFC3261 §20.42",
		cs: true,
		en: {
			term: "Via",
			def: "The header that records the path of a request: every hop adds one with its transport, address and branch. Responses travel back along the Via headers, each hop removing the top one; the received and rport parameters record where the request really came from, which is how responses find their way back through NAT.",
			match: ["Via"],
		},
		tr: {
			term: "Via",
			def: "İsteğin izlediği yolu kaydeden başlık: her hop kendi taşıma protokolünü, adresini ve branch değerini içeren bir Via ekler. Yanıtlar Via başlıkları boyunca geri döner ve her hop en üsttekini çıkarır; received ve rport parametreleri isteğin gerçekte nereden geldiğini kaydeder, yanıtlar NAT'ın arkasına böyle ulaşır.",
			match: [`Via${TR_APOS}`],
		},
	},
	{
		id: "uac",
		cite: "RFC3261 §6",
		cs: true,
		en: {
			term: "UAC (user agent client)",
			def: "The role of whoever sends a request and receives its responses. A phone is the UAC of the INVITE it sends and the UAS of the BYE it receives; the role lasts one transaction.",
			match: ["UACs?"],
		},
		tr: {
			term: "UAC (istemci rolündeki UA)",
			def: "Bir istek gönderip yanıtlarını alan tarafın rolü. Bir telefon gönderdiği INVITE'ın UAC'si, aldığı BYE'ın UAS'ıdır; rol bir transaction boyunca sürer.",
			match: [`UAC${TR_APOS}`],
		},
	},
	{
		id: "uas",
		cite: "RFC3261 §6",
		cs: true,
		en: {
			term: "UAS (user agent server)",
			def: "The role of whoever receives a request and answers it. Most final responses that describe the user, such as busy, decline or not acceptable here, come from a UAS rather than from a proxy.",
			match: ["UAS(?:es)?"],
		},
		tr: {
			term: "UAS (sunucu rolündeki UA)",
			def: "Bir isteği alıp yanıtlayan tarafın rolü. Kullanıcıyı anlatan son yanıtların çoğu, örneğin meşgul, reddetme ya da burada kabul edilemez, proxy'den değil UAS'tan gelir.",
			match: [`UAS${TR_APOS}`],
		},
	},
	{
		id: "proxy",
		cite: "RFC3261 §16",
		en: {
			term: "Proxy",
			def: "An intermediary that routes requests towards the user and responses back, without being a party to the call. A stateful proxy keeps transaction state and can fork; it can also answer on its own (404, 407, 408, 483), which is why it matters who sent a response.",
			match: ["prox(?:y|ies)"],
		},
		tr: {
			term: "Proxy",
			def: "İstekleri kullanıcıya doğru, yanıtları geri yönlendiren ama çağrının tarafı olmayan aracı. Durumlu bir proxy transaction durumunu tutar ve çatallanabilir; kendisi de yanıt verebilir (404, 407, 408, 483), bu yüzden bir yanıtı kimin gönderdiği önemlidir.",
			match: [`proxy\\p{L}*${TR_APOS}`],
		},
	},
	{
		id: "registrar",
		cite: "RFC3261 §10",
		en: {
			term: "Registrar",
			def: "A server that accepts REGISTER requests and stores, for the time given by Expires, the bindings between a user's address of record and the Contact addresses of their devices. Proxies look these bindings up to find where to send a call.",
			match: ["registrars?"],
		},
		tr: {
			term: "Registrar",
			def: "REGISTER isteklerini kabul eden ve bir kullanıcının kayıt adresiyle cihazlarının Contact adresleri arasındaki bağları Expires ile belirlenen süre boyunca saklayan sunucu. Proxy'ler çağrının nereye gönderileceğini bu bağlardan bulur.",
			match: ["kayıt sunucu\\p{L}*", "registrar\\p{L}*"],
		},
	},
	{
		id: "redirect-server",
		cite: "RFC3261 §8.3",
		en: {
			term: "Redirect server",
			def: "A UAS that answers a request with a 3xx response listing other addresses in Contact instead of forwarding it. The client, or its proxy, then tries those addresses itself.",
			match: ["redirect servers?"],
		},
		tr: {
			term: "Yönlendirme sunucusu",
			def: "Bir isteği iletmek yerine, Contact içinde başka adresler listeleyen bir 3xx yanıtıyla cevaplayan UAS. İstemci ya da proxy'si bu adresleri kendisi dener.",
			match: ["yönlendirme sunucu\\p{L}*"],
		},
	},
	{
		id: "provisional-response",
		cite: "RFC3261 §7.2",
		en: {
			term: "Provisional response",
			def: "A 1xx response: it reports progress and ends nothing. 100 Trying goes one hop only; the other 1xx responses travel to the caller, and with a To tag they create an early dialog.",
			match: ["provisional(?: responses?)?"],
		},
		tr: {
			term: "Geçici yanıt",
			def: "1xx yanıtı: ilerlemeyi bildirir ve hiçbir şeyi bitirmez. 100 Trying yalnızca bir hop gider; diğer 1xx yanıtları arayana kadar ulaşır ve To etiketi taşıdıklarında erken bir diyalog kurarlar.",
			match: ["geçici yanıt\\p{L}*"],
		},
	},
	{
		id: "final-response",
		cite: "RFC3261 §7.2",
		en: {
			term: "Final response",
			def: "A response from 2xx to 6xx: it ends the transaction. A UAS sends exactly one final response to a request, and a forking proxy forwards one for all its branches, except that several 2xx responses to one INVITE are all forwarded.",
			match: ["final responses?"],
		},
		tr: {
			term: "Son yanıt",
			def: "2xx ile 6xx arası bir yanıt: transaction'ı bitirir. Bir UAS bir isteğe tam olarak bir son yanıt gönderir; çatallanan bir proxy tüm kolları için bir tane iletir, ancak tek bir INVITE'a gelen birden çok 2xx yanıtının hepsi iletilir.",
			match: ["son yanıt\\p{L}*"],
		},
	},
	{
		id: "ack",
		cite: "RFC3261 §17.1.1.3",
		cs: true,
		en: {
			term: "ACK",
			def: "The request that confirms a final response to INVITE. For a non-2xx response it is sent hop by hop inside the INVITE transaction; for a 2xx it is a new end-to-end request of the dialog. Without an ACK for its 200, the callee retransmits the 200 and drops the call after about 32 seconds.",
			match: ["ACKs?"],
		},
		tr: {
			term: "ACK",
			def: "INVITE'a verilen son yanıtı onaylayan istek. 2xx dışı bir yanıt için INVITE transaction'ı içinde her hop'ta ayrı gönderilir (hop-by-hop); 2xx için diyalogda uçtan uca yeni bir istektir. 200'üne ACK gelmeyen aranan taraf 200'ü yeniden gönderir ve yaklaşık 32 saniye sonra çağrıyı düşürür.",
			match: [`ACK${TR_APOS}`],
		},
	},
	{
		id: "cancel",
		cite: "RFC3261 §9",
		cs: true,
		en: {
			term: "CANCEL",
			def: "The request that asks a UAS or proxy to stop a pending INVITE. The CANCEL gets its own 200, and the INVITE then ends with 487 Request Terminated; once the INVITE has a final response, a CANCEL has no effect.",
			match: ["CANCELs?"],
		},
		tr: {
			term: "CANCEL",
			def: "Bir UAS ya da proxy'den bekleyen bir INVITE'ı durdurmasını isteyen istek. CANCEL kendi 200 yanıtını alır, INVITE ise 487 Request Terminated ile biter; INVITE son yanıtını almışsa CANCEL'ın etkisi olmaz.",
			match: [`CANCEL${TR_APOS}`],
		},
	},
	{
		id: "re-invite",
		cite: "RFC3261 §14",
		cs: true,
		en: {
			term: "re-INVITE",
			def: "An INVITE sent inside an existing dialog to change the session: hold, resume, a codec change, a session-timer refresh. A failed re-INVITE (488, 491) normally leaves the call as it was instead of ending it.",
			match: ["re-INVITEs?"],
		},
		tr: {
			term: "re-INVITE",
			def: "Oturumu değiştirmek için var olan bir diyalog içinde gönderilen INVITE: bekletme, devam ettirme, codec değişikliği, oturum zamanlayıcısı yenilemesi. Başarısız bir re-INVITE (488, 491) çağrıyı genellikle bitirmez, olduğu gibi bırakır.",
			match: [`re-INVITE${TR_APOS}`],
		},
	},
	{
		id: "invite",
		cite: "RFC3261 §13",
		cs: true,
		en: {
			term: "INVITE",
			def: "The request that starts a session, usually a call. A 2xx answer creates a dialog, and the exchange ends with an ACK: INVITE, final response, ACK.",
			match: ["INVITEs?"],
		},
		tr: {
			term: "INVITE",
			def: "Bir oturumu, genellikle bir çağrıyı başlatan istek. 2xx yanıtı bir diyalog kurar ve alışveriş bir ACK ile biter: INVITE, son yanıt, ACK.",
			match: [`INVITE${TR_APOS}`],
		},
	},
	{
		id: "sdp",
		cite: "RFC8866",
		cs: true,
		en: {
			term: "SDP",
			def: "Session Description Protocol: the message body that describes a session's media, addresses, ports, codecs and directions, line by line (v=, o=, c=, m=, a=).",
			match: ["SDP"],
		},
		tr: {
			term: "SDP",
			def: "Oturum Tanımlama Protokolü: bir oturumun medyasını, yani adresleri, portları, codec'leri ve yönleri satır satır (v=, o=, c=, m=, a=) tanımlayan mesaj gövdesi.",
			match: [`SDP${TR_APOS}`],
		},
	},
	{
		id: "offer-answer",
		cite: "RFC3264",
		en: {
			term: "Offer/answer",
			def: "The rule for negotiating media with SDP: one side offers its codecs and addresses, the other answers with what it accepts from that offer. When nothing in the offer is acceptable, the answerer rejects it, typically with 488 or 606.",
			match: ["offer/answer", "offer-answer"],
		},
		tr: {
			term: "Teklif/yanıt (offer/answer)",
			def: "Medyanın SDP ile pazarlık kuralı: bir taraf codec'lerini ve adreslerini teklif eder, öbür taraf bu tekliften kabul ettiklerini yanıtlar. Teklifte kabul edilebilir bir şey yoksa yanıtlayan taraf onu genellikle 488 ya da 606 ile reddeder.",
			match: ["teklif/yanıt", "teklif\\p{L}*", "offer/answer"],
		},
	},
	{
		id: "codec",
		cite: "RFC3551",
		en: {
			term: "Codec",
			def: "The algorithm that encodes and decodes audio or video (G.711, G.729, Opus, H.264). Each side lists its codecs in SDP; a call can only carry media if both share at least one.",
			match: ["codecs?"],
		},
		tr: {
			term: "Codec",
			def: "Sesi ya da görüntüyü kodlayan ve çözen algoritma (G.711, G.729, Opus, H.264). Her taraf codec'lerini SDP'de listeler; medya ancak iki tarafın en az bir ortak codec'i varsa akabilir.",
			match: [`codec\\p{L}*${TR_APOS}`, "kodek\\p{L}*"],
		},
	},
	{
		id: "contact",
		cite: "RFC3261 §20.10",
		cs: true,
		en: {
			term: "Contact",
			def: "The header with the address where a user agent can be reached directly for later requests (in REGISTER, INVITE and 2xx), or, in a 3xx response, the addresses to try instead.",
			match: ["Contact"],
		},
		tr: {
			term: "Contact",
			def: "Bir UA'ya sonraki istekler için doğrudan ulaşılabilecek adresi (REGISTER, INVITE ve 2xx içinde) ya da bir 3xx yanıtında onun yerine denenecek adresleri veren başlık.",
			match: [`Contact${TR_APOS}`],
		},
	},
	{
		id: "retry-after",
		cite: "RFC3261 §20.33",
		cs: true,
		en: {
			term: "Retry-After",
			def: "A response header that says after how many seconds the request may be retried, optionally with a comment and a duration. With 503 it tells clients when an overloaded server expects to be back; in the meantime they should try another server.",
			match: ["Retry-After"],
		},
		tr: {
			term: "Retry-After",
			def: "Bir yanıtta isteğin kaç saniye sonra yeniden denenebileceğini söyleyen başlık; isteğe bağlı bir açıklama ve süre de taşıyabilir. 503 ile birlikte, aşırı yüklenmiş sunucunun ne zaman geri döneceğini bildirir; istemciler bu arada başka bir sunucuyu denemelidir.",
			match: [`Retry-After${TR_APOS}`],
		},
	},
	{
		id: "max-forwards",
		cite: "RFC3261 §20.22",
		cs: true,
		en: {
			term: "Max-Forwards",
			def: "A counter in every request, usually starting at 70, that each proxy decrements. When it reaches zero the request is answered 483 Too Many Hops instead of being forwarded, which stops routing loops.",
			match: ["Max-Forwards"],
		},
		tr: {
			term: "Max-Forwards",
			def: "Her istekte bulunan, genellikle 70'ten başlayan ve her proxy'nin bir azalttığı sayaç. Sıfıra ulaştığında istek iletilmez, 483 Too Many Hops ile yanıtlanır; yönlendirme döngüleri böyle durur.",
			match: [`Max-Forwards${TR_APOS}`],
		},
	},
	{
		id: "tag",
		cite: "RFC3261 §19.3",
		en: {
			term: "Tag (From tag, To tag)",
			def: "A random parameter of the From and To headers. The caller sets the From tag and the UAS sets the To tag in its response; with the Call-ID they identify a dialog. Two different To tags in answers to one INVITE mean two forked branches answered.",
			match: ["to tags?", "from tags?", "tags?"],
		},
		tr: {
			term: "Etiket (From ve To etiketi)",
			def: "From ve To başlıklarının rastgele bir parametresi. From etiketini arayan, To etiketini yanıtında UAS koyar; Call-ID ile birlikte bir diyaloğu tanımlarlar. Tek bir INVITE'a gelen yanıtlarda iki farklı To etiketi, çatallanmış iki kolun yanıt verdiği anlamına gelir.",
			match: ["etiket\\p{L}*"],
		},
	},
	{
		id: "call-id",
		cite: "RFC3261 §20.8",
		cs: true,
		en: {
			term: "Call-ID",
			def: "A globally unique identifier shared by every message of one call or registration; it stays the same for all the transactions of a dialog.",
			match: ["Call-IDs?"],
		},
		tr: {
			term: "Call-ID",
			def: "Bir çağrının ya da kaydın tüm mesajlarında ortak olan, küresel olarak benzersiz tanımlayıcı; bir diyaloğun tüm transaction'larında aynı kalır.",
			match: [`Call-ID${TR_APOS}`],
		},
	},
	{
		id: "cseq",
		cite: "RFC3261 §20.16",
		cs: true,
		en: {
			term: "CSeq",
			def: "Command sequence: a number and a method that order the requests of a dialog and match responses to requests. A request inside a dialog whose CSeq is lower than the previous one is rejected with 500.",
			match: ["CSeq"],
		},
		tr: {
			term: "CSeq",
			def: "Komut sırası: bir diyaloğun isteklerini sıralayan ve yanıtları isteklerle eşleyen bir sayı ile yöntem. Diyalog içindeki bir isteğin CSeq değeri öncekinden küçükse istek 500 ile reddedilir.",
			match: [`CSeq${TR_APOS}`],
		},
	},
	{
		id: "route-set",
		cite: "RFC3261 §12.1",
		en: {
			term: "Route set",
			def: "The ordered list of proxies that the requests inside a dialog must visit, taken from the Record-Route headers of the request or response that created the dialog. A user agent that builds it wrongly sends BYE or re-INVITE around the proxies that hold the call's state.",
			match: ["route sets?"],
		},
		tr: {
			term: "Rota kümesi (route set)",
			def: "Bir diyalog içindeki isteklerin uğraması gereken proxy'lerin sıralı listesi; diyaloğu kuran istek ya da yanıttaki Record-Route başlıklarından alınır. Onu yanlış kuran bir UA BYE ya da re-INVITE'ı çağrının durumunu tutan proxy'leri atlayarak gönderir.",
			match: ["rota kümesi\\p{L}*", "route set\\p{L}*"],
		},
	},
	{
		id: "digest",
		cite: "RFC3261 §22",
		en: {
			term: "Digest authentication (challenge)",
			def: "HTTP Digest applied to SIP. A server answers an unauthenticated request with a challenge carrying a nonce: 401 with WWW-Authenticate from a UAS or registrar, 407 with Proxy-Authenticate from a proxy. The client resends the request with Authorization or Proxy-Authorization computed from its password. One challenge before success is normal, not an error.",
			match: ["challenge[sd]?", "digest(?: authentication)?", "WWW-Authenticate", "Proxy-Authenticate"],
		},
		tr: {
			term: "Digest kimlik doğrulama (challenge)",
			def: "SIP'e uygulanan HTTP Digest. Sunucu kimliği doğrulanmamış bir isteğe nonce taşıyan bir challenge ile yanıt verir: UAS'tan ya da registrar'dan WWW-Authenticate ile 401, proxy'den Proxy-Authenticate ile 407. İstemci isteği parolasından hesaplanan Authorization ya da Proxy-Authorization ile yeniden gönderir. Başarıdan önce bir challenge gelmesi normaldir, hata değildir.",
			match: [`challenge\\p{L}*${TR_APOS}`, "digest", "kimlik doğrula\\p{L}*"],
		},
	},
	{
		id: "q850",
		cite: "RFC3398",
		cs: true,
		en: {
			term: "Q.850 cause",
			def: "The ITU-T list of cause values that ISDN and ISUP use to say why a call ended (16 normal call clearing, 17 user busy, 21 call rejected). Gateways map them to SIP codes (RFC 3398) and can carry them in a Reason header (RFC 6432).",
			match: ["Q\\.850"],
		},
		tr: {
			term: "Q.850 nedeni",
			def: "ISDN ve ISUP'un bir çağrının neden bittiğini bildirmek için kullandığı ITU-T neden değerleri listesi (16 normal çağrı sonlandırma, 17 kullanıcı meşgul, 21 çağrı reddedildi). Gateway'ler bunları SIP kodlarına eşler (RFC 3398) ve bir Reason başlığında taşıyabilir (RFC 6432).",
			match: ["Q\\.850"],
		},
	},
	{
		id: "isup",
		cite: "RFC3398",
		cs: true,
		en: {
			term: "ISUP",
			def: "ISDN User Part: the SS7 signalling protocol of the traditional telephone network. Gateways between SIP and the PSTN translate ISUP messages, cause values included, to SIP requests and responses and back.",
			match: ["ISUP"],
		},
		tr: {
			term: "ISUP",
			def: "ISDN Kullanıcı Kısmı: geleneksel telefon şebekesinin SS7 sinyalleşme protokolü. SIP ile PSTN arasındaki gateway'ler ISUP mesajlarını, neden değerleri dahil, SIP isteklerine ve yanıtlarına çevirir ve geri çevirir.",
			match: [`ISUP${TR_APOS}`],
		},
	},
	{
		id: "pstn",
		cite: "RFC3398",
		cs: true,
		en: {
			term: "PSTN",
			def: "Public switched telephone network: the traditional phone network, which SIP reaches through gateways and trunks.",
			match: ["PSTN"],
		},
		tr: {
			term: "PSTN",
			def: "Kamu anahtarlamalı telefon şebekesi: SIP'in gateway'ler ve trunk'lar üzerinden ulaştığı geleneksel telefon ağı.",
			match: [`PSTN${TR_APOS}`],
		},
	},
	{
		id: "gateway",
		cite: "RFC3398",
		en: {
			term: "Gateway",
			def: "A device that converts between SIP and another network, usually the PSTN (ISDN, ISUP, analogue lines), translating both signalling and media. A response code that crosses a gateway is often mapped through a Q.850 cause and comes out as a different code.",
			match: ["gateways?"],
		},
		tr: {
			term: "Gateway",
			def: "SIP ile başka bir ağ, genellikle PSTN (ISDN, ISUP, analog hatlar) arasında hem sinyalleşmeyi hem medyayı çeviren cihaz. İçinden geçen bir yanıt kodu çoğu zaman bir Q.850 nedeni üzerinden eşlenir ve başka bir kod olarak çıkar.",
			match: [`gateway\\p{L}*${TR_APOS}`, "ağ geçid\\p{L}*"],
		},
	},
	{
		id: "trunk",
		en: {
			term: "SIP trunk",
			def: "A connection between a PBX and a carrier, or between two carriers, that carries many calls at once. It is usually authenticated by source IP address or by a registration with digest credentials.",
			match: ["trunks?"],
		},
		tr: {
			term: "SIP trunk",
			def: "Bir santral ile bir operatör ya da iki operatör arasında aynı anda birçok çağrı taşıyan bağlantı. Genellikle kaynak IP adresiyle ya da digest kimlik bilgileriyle yapılan bir kayıtla doğrulanır.",
			match: [`trunk\\p{L}*${TR_APOS}`],
		},
	},
	{
		id: "pbx",
		en: {
			term: "PBX",
			def: "Private branch exchange: a business phone system (Asterisk, FreeSWITCH, 3CX, Cisco CUCM) that connects internal phones and trunks. It is nearly always a B2BUA, ending one call leg and starting another, so the code it sends may not be the code it received.",
			match: ["PBX(?:es|s)?"],
		},
		tr: {
			term: "Santral",
			def: "İç telefonları ve trunk'ları birbirine bağlayan işletme telefon sistemi (Asterisk, FreeSWITCH, 3CX, Cisco CUCM). Neredeyse her zaman bir B2BUA'dır, bir çağrı bacağını sonlandırıp yenisini başlatır; bu yüzden gönderdiği kod, aldığı kod olmayabilir.",
			match: ["santral\\p{L}*", "PBX"],
		},
	},
	{
		id: "nat",
		cite: "RFC3581",
		cs: true,
		en: {
			term: "NAT",
			def: "Network address translation: a router rewriting private addresses into public ones. SIP carries addresses inside its messages (Via, Contact, SDP), so NAT breaks responses, in-dialog requests and media unless rport, keep-alives, an SBC or SIP Outbound (RFC 5626) deal with it.",
			match: ["NATs?"],
		},
		tr: {
			term: "NAT",
			def: "Ağ adresi çevirisi: özel adresleri genel adreslere çeviren yönlendirici. SIP adresleri mesajların içinde taşıdığı için (Via, Contact, SDP), rport, canlı tutma mesajları, bir SBC ya da SIP Outbound (RFC 5626) devreye girmezse NAT yanıtları, diyalog içi istekleri ve medyayı bozar.",
			match: [`NAT${TR_APOS}`],
		},
	},
	{
		id: "refer",
		cite: "RFC3515",
		cs: true,
		en: {
			term: "REFER",
			def: "A request that asks the recipient to send a request itself, typically an INVITE to a third party to transfer a call. It is accepted with 202 (or 200), and the progress of the transfer is then reported in NOTIFY requests with message/sipfrag bodies.",
			match: ["REFERs?"],
		},
		tr: {
			term: "REFER",
			def: "Alıcıdan kendisinin bir istek göndermesini, genellikle çağrı aktarımı için üçüncü bir tarafa INVITE göndermesini isteyen istek. 202 (ya da 200) ile kabul edilir; aktarımın ilerlemesi ise message/sipfrag gövdeli NOTIFY istekleriyle bildirilir.",
			match: [`REFER${TR_APOS}`],
		},
	},
	{
		id: "subscription",
		cite: "RFC6665",
		en: {
			term: "Subscription (SUBSCRIBE, NOTIFY)",
			def: "An event subscription: SUBSCRIBE asks to be told about the state of something (presence, message waiting, dialog state), and the notifier sends a NOTIFY each time it changes. A REFER creates an implicit subscription to the progress of the transfer.",
			match: ["subscriptions?", "SUBSCRIBE", "NOTIFY"],
		},
		tr: {
			term: "Abonelik (SUBSCRIBE, NOTIFY)",
			def: "Olay aboneliği: SUBSCRIBE bir şeyin durumundan (varlık, bekleyen mesaj, diyalog durumu) haberdar edilmeyi ister, bildiren taraf durum her değiştiğinde bir NOTIFY gönderir. REFER, aktarımın ilerlemesine örtük bir abonelik oluşturur.",
			match: ["abonelik\\p{L}*", `SUBSCRIBE${TR_APOS}`, `NOTIFY${TR_APOS}`],
		},
	},
	{
		id: "loop",
		cite: "RFC3261 §16.3",
		en: {
			term: "Loop and spiral",
			def: "A request that comes back to a proxy it has already passed. If it returns with the same Request-URI and the same routing headers it is a loop, answered 482 Loop Detected; if it returns changed, for example retargeted by call forwarding, it is a spiral and legitimate. Max-Forwards, with 483, is the backstop for both.",
			match: ["loops?", "spirals?"],
		},
		tr: {
			term: "Döngü ve sarmal (loop, spiral)",
			def: "Daha önce geçtiği bir proxy'ye geri dönen istek. Aynı Request-URI ve aynı yönlendirme başlıklarıyla dönerse döngüdür ve 482 Loop Detected ile yanıtlanır; örneğin çağrı yönlendirmesiyle hedefi değişmiş olarak dönerse sarmaldır ve meşrudur. İkisinin de son güvencesi 483 ile Max-Forwards'tır.",
			match: ["döngü\\p{L}*", "sarmal\\p{L}*"],
		},
	},
	{
		id: "reason-header",
		cite: "RFC3326",
		cs: true,
		en: {
			term: "Reason header",
			def: "A header that says why a request (BYE, CANCEL) or a response was sent, as a SIP code or a Q.850 cause, for example Reason: Q.850;cause=16. It is the best clue when a gateway or PBX translated the original failure.",
			match: ["Reason(?= header|:)"],
		},
		tr: {
			term: "Reason başlığı",
			def: "Bir isteğin (BYE, CANCEL) ya da yanıtın neden gönderildiğini bir SIP kodu ya da Q.850 nedeni olarak bildiren başlık, örneğin Reason: Q.850;cause=16. Bir gateway ya da santral asıl hatayı çevirdiğinde en iyi ipucudur.",
			match: ["Reason(?= başlı|:)"],
		},
	},
	{
		id: "transaction-timers",
		cite: "RFC3261 §17.1.1.2",
		cs: true,
		en: {
			term: "Timer B and Timer F",
			def: "The client transaction timers that give up on a request without a final response: Timer B for INVITE and Timer F for other requests, both 64 × T1, which is 32 seconds by default. When one fires, the client acts as if it had received 408 Request Timeout.",
			match: ["Timer [A-K]"],
		},
		tr: {
			term: "Timer B ve Timer F",
			def: "Son yanıt gelmeyen bir istekten vazgeçen istemci transaction zamanlayıcıları: INVITE için Timer B, diğer istekler için Timer F; ikisi de 64 × T1, yani varsayılan olarak 32 saniye. Biri dolduğunda istemci 408 Request Timeout almış gibi davranır.",
			match: ["Timer [A-K]"],
		},
	},
	{
		id: "session-timer",
		cite: "RFC4028",
		en: {
			term: "Session timer",
			def: "An extension that has a dialog refreshed with re-INVITE or UPDATE before Session-Expires runs out, so that stateful proxies and user agents can clean up calls whose BYE was lost. An interval below a server's minimum is rejected with 422 and a Min-SE header.",
			match: ["session timers?", "Session-Expires"],
		},
		tr: {
			term: "Oturum zamanlayıcısı (session timer)",
			def: "Bir diyaloğun Session-Expires dolmadan re-INVITE ya da UPDATE ile yenilenmesini sağlayan eklenti; böylece durumlu proxy'ler ve UA'lar BYE'ı kaybolmuş çağrıları temizleyebilir. Sunucunun alt sınırından kısa bir aralık 422 ve Min-SE başlığıyla reddedilir.",
			match: ["oturum zamanlayıcı\\p{L}*", "Session-Expires", "session timer\\p{L}*"],
		},
	},
	{
		id: "update",
		cite: "RFC3311",
		cs: true,
		en: {
			term: "UPDATE",
			def: "A request that changes the session (its SDP) of an early or confirmed dialog without a re-INVITE; it is how media can be changed before the call is answered.",
			match: ["UPDATE"],
		},
		tr: {
			term: "UPDATE",
			def: "Erken ya da kurulmuş bir diyaloğun oturumunu (SDP'sini) re-INVITE olmadan değiştiren istek; çağrı yanıtlanmadan önce medyanın değiştirilebilmesinin yolu budur.",
			match: [`UPDATE${TR_APOS}`],
		},
	},
	{
		id: "register",
		cite: "RFC3261 §10.2",
		cs: true,
		en: {
			term: "REGISTER",
			def: "The request a user agent sends to a registrar to bind its address of record to its current Contact address, refreshed before the Expires interval runs out.",
			match: ["REGISTER"],
		},
		tr: {
			term: "REGISTER",
			def: "Bir UA'nın kayıt adresini o anki Contact adresine bağlamak için registrar'a gönderdiği ve Expires süresi dolmadan yenilediği istek.",
			match: [`REGISTER${TR_APOS}`],
		},
	},
	{
		id: "aor",
		cite: "RFC3261 §6",
		en: {
			term: "Address of record (AOR)",
			def: "The SIP URI that identifies a user and is given to callers, such as sip:alice@example.com. A registrar binds it to the Contact addresses of the user's devices.",
			match: ["address(?:es)? of record", "AORs?"],
		},
		tr: {
			term: "Kayıt adresi (AOR)",
			def: "Bir kullanıcıyı tanımlayan ve arayanlara verilen SIP URI'si, örneğin sip:alice@example.com. Registrar onu kullanıcının cihazlarının Contact adreslerine bağlar.",
			match: ["kayıt adres\\p{L}*", "AOR"],
		},
	},
	{
		id: "request-uri",
		cite: "RFC3261 §8.1.1.1",
		cs: true,
		en: {
			term: "Request-URI",
			def: "The URI on the request line: where the request is going now. Proxies rewrite it while routing (retargeting), while the To header keeps the callee the caller meant.",
			match: ["Request-URIs?"],
		},
		tr: {
			term: "Request-URI",
			def: "İstek satırındaki URI: isteğin şu anda gittiği yer. Proxy'ler yönlendirirken onu yeniden yazar (retargeting); To başlığı ise arayanın kastettiği kişiyi korur.",
			match: [`Request-URI${TR_APOS}`],
		},
	},
];

type ContentLang = "en" | "tr";

/** One alternative of a term: a sticky regular expression tried only where a word starts with its prefix. */
interface Matcher {
	id: string;
	re: RegExp;
}

const indexes = new Map<ContentLang, Map<number, Matcher[]>>();

/** Letters and digits, cheaply: ASCII ones, and every code point above Latin-1's symbols except general punctuation. */
function isWordChar(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 48 && c <= 57) ||
		(c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f))
	);
}

/** A character code lower-cased (ASCII fast; others through String#toLowerCase). */
function lower(c: number): number {
	if (c >= 65 && c <= 90) return c + 32;
	if (c < 128) return c;
	return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** The first three characters of `text` from `at`, lower-cased, packed into one number. */
function keyAt(text: string, at: number): number {
	return (
		lower(text.charCodeAt(at)) * 0x100000000 +
		lower(text.charCodeAt(at + 1) || 0) * 0x10000 +
		lower(text.charCodeAt(at + 2) || 0)
	);
}

/** The literal letters a pattern starts with (three), lower-cased: the key it is filed under. */
function literalPrefix(pattern: string): string {
	let out = "";
	for (let i = 0; i < pattern.length && out.length < 3; i++) {
		const ch = pattern[i] as string;
		if (ch === "\\") {
			const next = pattern[i + 1] ?? "";
			if (!/[.\-/]/.test(next)) break;
			out += next;
			i++;
		} else if (/[\p{L}\p{N} '’/-]/u.test(ch) && !/[?*+]/.test(pattern[i + 1] ?? "")) out += ch;
		else break;
	}
	return out;
}

/** Terms of a language filed by prefix, so a page's text is scanned once, not once per term. */
function index(lang: ContentLang): Map<number, Matcher[]> {
	let map = indexes.get(lang);
	if (!map) {
		map = new Map();
		for (const t of GLOSSARY)
			for (const alt of t[lang].match) {
				const prefix = literalPrefix(alt);
				if (prefix.length !== 3)
					throw new Error(`glossary ${t.id}: pattern ${alt} must start with three plain characters`);
				const key = keyAt(prefix, 0);
				const m = { id: t.id, re: new RegExp(`(?:${alt})(?![\\p{L}\\p{N}_])`, t.cs ? "uy" : "iuy") };
				map.set(key, [...(map.get(key) ?? []), m]);
			}
		indexes.set(lang, map);
	}
	return map;
}

/** Glossary entries sorted by their term in a content language. */
export function glossaryEntries(lang: ContentLang): GlossaryTerm[] {
	const collator = new Intl.Collator(lang);
	return [...GLOSSARY].sort((a, b) => collator.compare(a[lang].term, b[lang].term));
}

/**
 * Links the first mention of each glossary term on a page. One Linker per page: a term linked
 * once is not linked again. Text is escaped; only the anchors are markup.
 */
export class Linker {
	private readonly used = new Set<string>();
	constructor(
		private readonly contentLang: ContentLang,
		private readonly href: (id: string) => string,
	) {}

	/** Escaped text with links on the first mention of each term not linked yet. */
	link(text: string): Html {
		const found: { start: number; end: number; id: string }[] = [];
		const map = index(this.contentLang);
		const seen = new Set<string>();
		let prev = 32;
		for (let at = 0; at < text.length; at++) {
			const c = text.charCodeAt(at);
			const start = isWordChar(c) && !isWordChar(prev) && prev !== 95 && prev !== 45;
			prev = c;
			if (!start) continue;
			const list = map.get(keyAt(text, at));
			if (!list) continue;
			for (const m of list) {
				if (this.used.has(m.id) || seen.has(m.id)) continue;
				m.re.lastIndex = at;
				const hit = m.re.exec(text);
				if (!hit || hit[0].length === 0) continue;
				seen.add(m.id);
				found.push({ start: at, end: at + hit[0].length, id: m.id });
			}
		}
		if (found.length === 0) return html`${text}`;
		found.sort((a, b) => a.start - b.start || b.end - a.end);
		const parts: Html[] = [];
		let at = 0;
		for (const f of found) {
			if (f.start < at) continue;
			this.used.add(f.id);
			parts.push(
				html`${text.slice(at, f.start)}<a class="term" href="${this.href(f.id)}">${text.slice(f.start, f.end)}</a>`,
			);
			at = f.end;
		}
		parts.push(html`${text.slice(at)}`);
		return join(parts);
	}
}
