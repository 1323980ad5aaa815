/** Turkish words for the findings. Numbers take suffixes by pronunciation (turkish-number.ts). */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** İstemcinin 503'ten sonra ne yaptığı, kaydın gösterdiği kadarıyla. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return `; istemci ${s(p.failover)} adresine geçti`;
	if (p.next === "same") return "; istemci aynı sunucuyu yeniden denedi";
	if (p.next === "none") return "; bu kayıtta başka bir deneme gelmedi";
	return "";
}

/** Turkish finding texts. */
export const tr: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `${s(p.method)} isteği kimlik doğrulamaya takıldı ve kimlik bilgileriyle yeniden gönderildi: bu bir arıza değil, olağan bir kimlik doğrulama akışıdır${yes(p.stale) ? " (sunucu stale=true ile süresi dolan bir nonce'u da yeniledi, bu da olağandır)" : ""}.`,
	}),
	"auth-loop": (p) => ({
		text: `${s(p.method)} isteği ${s(p.count)} kez kimlik doğrulamaya takıldı, kimlik bilgileri taşıdıktan sonra da: sunucu kullanıcı adını, parolayı ya da realm'i kabul etmiyor${p.realm ? ` (realm "${s(p.realm)}")` : ""}.`,
		fix: "İstemcinin kimlik doğrulama kullanıcı adını (dahili numaradan farklı olabilen auth ID), parolayı ve yanıt verdiği realm'i kontrol edin; Asterisk'te uç noktanın auth bölümünü, FreeSWITCH'te dizindeki kullanıcının parolasını karşılaştırın.",
	}),
	"auth-forbidden": (p) => ({
		text: `${s(p.method)} isteği kimlik bilgileri taşıdı ve 403 Forbidden aldı: bilgiler anlaşıldı ama reddedildi, ya da hesap veya kaynak adres yetkili değil.`,
		fix: "Hesabın etkin olduğunu ve bu IP adresinden izinli olduğunu, auth ID'nin hesapla eşleştiğini, sunucudaki ACL'leri ve kayıt sınırlarını kontrol edin; aynı bilgilerle yeniden denemeyin.",
	}),
	"auth-unanswered": (p) => ({
		text: `${s(p.method)} isteği${p.realm ? ` "${s(p.realm)}" realm'i için` : ""} kimlik doğrulamaya takıldı ve bu kayıtta kimlik bilgisiyle yeniden gönderilmedi: istemcide bu sunucu için kimlik bilgisi tanımlı olmayabilir.`,
		fix: "İstemcide bu realm için kimlik bilgilerini tanımlayın ya da bu isteniyorsa sunucunun istemciye IP adresinden güvenmesini sağlayın.",
	}),
	"missing-ack": (p) => ({
		text: `INVITE'a verilen ${s(p.code)} yanıtı${p.hop ? ` ${s(p.hop)} hop'unda` : ""} ${yes(p.atLeast) ? "en az " : ""}${s(p.retransmissions)} kez yeniden gönderildi ve o hop'ta hiç ACK gelmedi${p.byeAfter !== "" ? `; ${p.byeBy === "caller" ? "arayan" : "aranan"} taraf ${s(p.byeAfter)} s sonra çağrıyı kapattı${yes(p.timerH) ? "; aranan taraf ACK beklemeyi tam bu sürede bırakır (64×T1 = 32 s, RFC 3261 §13.3.1.4)" : ""}` : ""}. ACK, 200'ün Contact adresine (${s(p.contact) || "yok"}) gönderilir${p.recordRoute ? `, ${s(p.recordRoute)} Record-Route kümesi üzerinden` : ""}.`,
		fix: "Arayanın ACK'i nereye gönderdiğini (ya da neden göndermediğini) bulun: 200'deki özel ya da yanlış Contact, erişilemeyen bir adrese işaret eden Record-Route, başlıkları değiştiren NAT veya SIP ALG, ya da asimetrik yönlendirme.",
	}),
	"no-response": (p) => ({
		text: `${s(p.method)} isteği ${s(p.over)} s boyunca ${yes(p.atLeast) ? "en az " : ""}${s(p.sent)} kez${p.to ? ` ${s(p.to)} adresine` : ""} gönderildi ve 100 Trying dahil hiçbir yanıt gelmedi: işlem yerelde zaman aşımına uğradı (Timer ${p.method === "INVITE" ? "B" : "F"}, 64×T1).`,
		fix: "Hedefe bu adres, port ve taşıma protokolüyle ulaşılabildiğini kontrol edin: yönlendirme ve DNS, güvenlik duvarları, NAT ve karşı tarafın bu taşımada dinleyip dinlemediği.",
	}),
	"request-timeout": (p) => ({
		text: `${s(p.method)} isteğine ${s(p.from) || "yol üzerindeki bir öğe"} 408 Request Timeout ile yanıt verdi${yes(p.provisional) ? "; çalma sonrası bir cevapsızlık zamanlayıcısı doldu" : "; çalma olmadı, arkasındaki öğe hiç yanıt vermedi"}.`,
		fix: "408'i gönderen öğeye ve ondan sonraki hop'a bakın: bir proxy'nin Timer C'si ya da bir gateway'in cevapsızlık zamanlayıcısı, ya da hiç yanıt vermeyen bir sonraki hop.",
	}),
	"caller-abandoned": (p) => ({
		text: `Arayan çağrıyı iptal etti${p.ring !== "" ? ` (${s(p.ring)} s çaldıktan sonra)` : p.afterInvite !== "" ? ` (INVITE'tan ${s(p.afterInvite)} s sonra)` : ""}; iptal edilen bir INVITE'ın olağan sonu 487 Request Terminated'dır.`,
	}),
	"cancel-200-race": (p) => ({
		text: `INVITE'a verilen 200 OK, arayanın CANCEL'ı ile yolda kesişti: çağrı yine de cevaplandı${yes(p.acked) && yes(p.ended) ? "; arayan doğru şekilde ACK gönderip çağrıyı BYE ile kapattı" : yes(p.acked) ? "; arayan ACK gönderdi ama hiç BYE göndermedi" : "; arayan ne ACK ne de BYE gönderdi"}.`,
		fix: "CANCEL'dan sonra hâlâ 2xx alan bir UAC onu ACK ile onaylamalı ve BYE göndermelidir (RFC 3261 §9.1); yoksa aranan tarafta yarı açık bir çağrı kalır.",
	}),
	"refer-no-notify": (p) => ({
		text: `REFER${p.target ? ` (${s(p.target)})` : ""} kabul edildi ama ardından hiç NOTIFY gelmedi: aktaran taraf aktarmanın sonucunu hiç öğrenemiyor.`,
		fix: "Aktarılan taraf Event: refer ve message/sipfrag gövdeli NOTIFY göndermelidir (RFC 3515); aktarma desteğini, NOTIFY'ı tutan SBC'leri ve aktaranın NOTIFY gelmeden çağrıyı kapatmadığını kontrol edin.",
	}),
	"refer-result": (p) => ({
		text: `Aktarmanın NOTIFY'ları (${s(p.notifies)}) "${s(p.status)} ${s(p.reason)}" bildiriyor${Number(p.status) >= 300 ? ": aktarma hedefine ulaşılamadı" : yes(p.final) ? ": aktarma başarılı oldu" : ": yakalama bittiğinde aktarma hâlâ sürüyordu"}.`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `${s(p.decliner) || "Tanımlanamayan bir öğe"}${p.from ? ` (${s(p.from)})` : ""} tarafından gönderilen ${s(p.code)} aramayı bütün kollarda bitirdi${Number(p.branches) === 1 ? (yes(p.cancelled) ? "; diğer kol iptal edildi" : "; diğer kol bu kayıtta iptal edilmedi") : Number(p.branches) > 1 ? `; diğer ${s(p.branches)} koldan ${s(p.cancelled)} tanesi iptal edildi` : ""}: 6xx çatallanmayı (forking) durdurur (RFC 3261 §16.7), bu yüzden diğer cihazlar, arama grupları ve cevapsızlıkta sesli mesaj devre dışı kalır.`,
		fix: "Çağrı başka cihazlara ya da sesli mesaja yine gidebilmeliyse reddeden cihazı 6xx yerine 486 veya 480 gönderecek şekilde ayarlayın ya da proxy'yi 6xx'ten sonra devam edecek şekilde yapılandırın.",
	}),
	"503-retry-after": (p) => ({
		text: `${p.agent ? `${s(p.agent)}${p.server ? ` (${s(p.server)})` : ""} tarafından gönderilen ` : ""}503 Service Unavailable, istemciden ${s(p.seconds)} s beklemesini istedi (Retry-After)${next503(p)}${yes(p.relayed) ? ". Bir proxy 503'ü yukarı iletti; başka hedefler hizmet verebilecekken bunu yapmamalıdır" : ""}.`,
		fix: "Sunucunun neden hizmet veremediğini bulun (aşırı yük, bakım, kanal veya lisans sınırı, erişilemeyen bir sonraki hop) ve istemcilerin başka bir sunucuya geçmesini sağlayın (DNS SRV, dispatcher kümeleri).",
	}),
	"503-no-retry-after": (p) => ({
		text: `${p.agent ? `${s(p.agent)}${p.server ? ` (${s(p.server)})` : ""} tarafından gönderilen ` : ""}503 Service Unavailable Retry-After içermiyor, bu yüzden istemci onu 500 gibi işler${next503(p)}${yes(p.relayed) ? ". Bir proxy 503'ü yukarı iletti; başka hedefler hizmet verebilecekken bunu yapmamalıdır" : ""}.`,
		fix: "Sunucunun neden reddettiğini bulun (kapasite, qualify ya da OPTIONS ile erişilemez işaretlenen bir uç, bakım) ve istemcilerin alternatif bir sunucu denemesini sağlayın.",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer)) parts.push("INVITE SDP teklifi taşımıyordu, bu yüzden yanıtlayanın teklifi reddedildi");
		if (p.offered) parts.push(`teklif edilen codec'ler: ${s(p.offered)}`);
		if (p.accepted) parts.push(`yanıtlayanın desteklediği: ${s(p.accepted)}`);
		if (r.includes("codec")) parts.push("Warning başlığı codec'lere işaret ediyor");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`taşıma profili ${s(p.protocols)}: RTP/AVP ile RTP/SAVP(F) birbiriyle uyuşmaz`);
		if (r.includes("media-type") || r.includes("non-audio-offered"))
			parts.push(`teklif edilen medya türleri: ${s(p.types)}`);
		if (r.includes("no-telephone-event")) parts.push("DTMF için telephone-event teklif edilmedi");
		if (p.warning) parts.push(`Warning: ${s(p.warning)}`);
		return {
			text: `${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}${p.agent || p.from ? ` (${[s(p.agent), s(p.from)].filter(Boolean).join(", ")})` : ""}: oturum teklifi reddedildi. ${parts.join("; ")}.`,
			fix: "Teklif ile yanıtlayanın yeteneklerini ortak noktada buluşturun: iki tarafta da ortak bir codec'e izin verin (yedek olarak PCMU/PCMA), SRTP ayarlarını eşleyin (media_encryption, sdes/dtls), karşı tarafın alamadığı video ya da image akışlarını çıkarın ve DTMF gerekiyorsa telephone-event teklif edin.",
		};
	},
	"nat-private-address": (p) => ({
		text: `${s(p.where)} içinde özel adres ${s(p.address)} görünüyor, paketler ise ${s(p.source)} adresinden geliyor: NAT arkasındaki bir cihaz iç adresini duyuruyor.`,
		fix: "Cihazın ya da santralinin dış adresi duyurmasını sağlayın (Asterisk: local_net ile external_media_address ve external_signaling_address; FreeSWITCH: ext-rtp-ip ve ext-sip-ip) ya da Contact ve SDP'yi SBC veya proxy düzeltsin (Kamailio nathelper/rtpengine); modemlerde SIP ALG'yi kapatın.",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `${s(p.by) ? `${s(p.by)} adresinden gelen ` : ""}${s(p.answer)} yanıtı ${s(p.streams)} akışını reddetti (yanıtta port 0, RFC 3264 §6)${p.left ? `; ${s(p.left)} akışı sürüyor` : ": geriye hiç medya akışı kalmadı, yani çağrı medyasız bağlandı"}.`,
				...(p.left
					? {}
					: {
							fix: "Yanıtlayan tarafın akışı neden reddettiğini bulun: ortak kodek ya da taşıma profili yok (RTP/AVP ile RTP/SAVP), medya türü kapalı ya da bir SBC kuralı; teklifi yanıtlayanın izin verdikleriyle karşılaştırın.",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "Bir taraf"} çağrıyı beklemeye aldı: ${s(p.what)} teklifinde ses ${s(p.direction)} (RFC 3264 §8.4)${p.followed === 1 ? ", yanıt da buna uyuyor" : p.followed === 0 ? ", ama yanıt buna uymuyor (RFC 3264 §6.1)" : ""}.`,
				fix: "Çağrıyı kimse beklemeye almak istemediyse cihazın bekletme ve bekleme müziği ayarlarını ve SDP'yi değiştiren SBC'leri kontrol edin.",
			};
		const oneWay = p.direction === "inactive" ? "hiçbir yönde akmayacak" : "yalnızca tek yönde akacak";
		if (p.kind === "initial")
			return {
				text: `${s(p.by) ? `${s(p.by)} adresinden gelen ` : ""}${s(p.what)} baştan sesi ${s(p.direction)} olarak öneriyor: ses ${oneWay}.`,
				fix: "Arayanın SDP yön ayarlarını ve teklifi değiştiren SBC'leri kontrol edin.",
			};
		return {
			text: `${s(p.by) ? `${s(p.by)} adresinden gelen ` : ""}${s(p.what)}, sendrecv teklifini ${s(p.direction)} ile yanıtladı: ses ${oneWay}.`,
			fix: "Yanıtlayanın SDP yön ayarlarını (recvonly ya da inactive yanıtlayan bir cihaz veya SBC) ve çağrıyı beklemeye almak isteyip istemediğini kontrol edin.",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `${s(p.method)} isteğine 481 yanıtı geldi${p.agent || p.from ? ` (${[s(p.agent), s(p.from)].filter(Boolean).join(", ")})` : ""}: karşı taraf bu diyaloğu tanımıyor${yes(p.established) ? ", oysa diyalog bu yakalamada daha önce kurulmuştu" : ""}${yes(p.afterRefer) ? "; öncesinde bir aktarma oldu, diyalog değiştirilmiş olabilir" : ""}${p.routeFollowed === 0 ? "; istek Record-Route kümesini izlemedi" : ""}.`,
		fix: "Karşı tarafın yeniden başlayıp başlamadığını ya da yedeğe geçip geçmediğini, isteğin Record-Route'tan gelen route kümesini ve uzak Contact'ı hedef alıp almadığını, Call-ID ve etiketlerin diyalogla eşleştiğini ve aktarmadan sonra eski bacağın iki kez kapatılmadığını kontrol edin.",
	}),
	"loop-detected": (p) => ({
		text: `482 Loop Detected${p.agent || p.detector ? ` (${[s(p.agent), s(p.detector)].filter(Boolean).join(", ")})` : ""}: istek, onu daha önce iletmiş bir proxy'ye geri döndü${p.repeated ? ` (Via'da ${s(p.repeated)} tekrar ediyor)` : ""}.`,
		fix: "Proxy'ler arasında bir yönlendirme döngüsü ya da kendine yönlendiren bir proxy arayın (sonraki hop olarak kendi alan adı veya adresi); Request-URI'si değişen sarmallar (spiral) geçerlidir, döngüler değildir.",
	}),
	"too-many-hops": (p) => ({
		text: `483 Too Many Hops${p.agent || p.detector ? ` (${[s(p.agent), s(p.detector)].filter(Boolean).join(", ")})` : ""}: Max-Forwards sıfıra indi${p.maxForwards ? ` (${s(p.hops)} kopyada ${s(p.maxForwards)})` : ""}; bu genellikle her seferinde yeni Via başlıkları oluşturan B2BUA'lar arasındaki bir döngüdür.`,
		fix: "Bu çağrıyı birbirine geri gönderen B2BUA ya da santraller arasındaki güzergâhı izleyin (örneğin rotaları birbirini gösteren iki sistem) ve bir B2BUA'da Max-Forwards'ı sıfırlamayın.",
	}),
	"redirect-followed": (p) => ({
		text: `${s(p.code)} yönlendirmesi izlendi: arayan ${s(p.target)} adresine yeni bir INVITE gönderdi.`,
	}),
	"redirect-not-followed": (p) => ({
		text: `${s(p.code)} çağrıyı${p.targets ? ` ${s(p.targets)} adresine` : ", gidilecek bir Contact vermeden"} yönlendirdi ve ardından yeni bir INVITE gelmedi.`,
		fix: p.targets
			? "Arayanın ya da santralinin yönlendirmeleri izlemesini sağlayın (Asterisk'te pjsip uç noktasının redirect_method ayarı, FreeSWITCH'te manual-redirect) ya da yönlendiren taraf çağrıyı kendisi proxy'lesin."
			: "Bir 3xx yeni hedefi Contact başlığında taşımalıdır; yönlendiren öğeyi düzeltin.",
	}),
	"redirect-loop": (p) => ({
		text: `${s(p.code)} arayanı daha önce denediği bir hedefe (${s(p.target)}) geri gönderdi: bir yönlendirme döngüsü.`,
		fix: "Yönlendirme sunucusunun ya da santralin yönlendirme kurallarını kontrol edin: birbirini gösteren iki yönlendirme ya da arayanın kendi adresine bir yönlendirme.",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pending: iki taraf aynı anda ${s(p.method)} gönderdi (glare). ${[1, 2]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "Bir taraf"} (${yes(p[`owner${k}`]) ? "Call-ID'yi o üretti: 2,1–4 s" : "Call-ID'yi o üretmedi: 0–2 s"})`;
				return p[`wait${k}`] === ""
					? `${who} bu kayıtta yeniden denemedi`
					: `${who} ${s(p[`wait${k}`])} s sonra yeniden denedi; bu, RFC 3261 §14.1'deki aralığının ${yes(p[`inWindow${k}`]) ? "içinde" : "dışında"}`;
			})
			.join(
				"; ",
			)}${yes(p.through) ? "" : `; sonrasında hiçbir ${s(p.method)} başarılı olmadı, yani oturum değişikliği kayboldu`}.`,
		fix: "UAC, RFC 3261 §14.1'deki rastgele süreyi bekleyip yeniden denemelidir; tekrar eden glare, oturumu aynı anda yenileyen iki sisteme işaret eder.",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)}: ${p.code === 422 ? "istenen oturum aralığı" : "istenen kayıt süresi"}${p.asked ? ` (${s(p.asked)} s)` : ""} sunucunun alt sınırının${p.min ? ` (${s(p.min)} s)` : ""} altındaydı${yes(p.ok) ? `; ${s(p.method)} ${s(p.retry)} s ile yeniden denendi ve başarılı oldu` : p.retry ? `; ${s(p.retry)} s ile yapılan yeni deneme de başarısız oldu` : "; istemci yeniden denemedi"}.`,
		fix:
			p.code === 422
				? "İstemcinin Session-Expires değerini en az Min-SE kadar yükseltin (Asterisk timers_sess_expires, FreeSWITCH session-timeout)."
				: "Kayıt süresini en az Min-Expires kadar yükseltin.",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)}: ${p.code === 420 ? `sunucu, isteğin zorunlu tuttuğu ${s(p.tags) || s(p.required)} uzantısını desteklemiyor` : `sunucu, isteğin desteklenen olarak listelemediği ${s(p.tags)} uzantısını zorunlu tutuyor`}.`,
		fix:
			p.code === 420
				? "Karşı taraf desteklemiyorsa option tag'i Require (ya da Proxy-Require) içine koymayın; Supported başlığına taşıyın."
				: "Uzantıyı istemcide etkinleştirin (örneğin 100rel veya timer) ya da sunucudan onu isteğe bağlı yapmasını isteyin.",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Type: gövde${p.sent ? ` (${s(p.sent)})` : ""} kabul edilmiyor${p.accept ? `; sunucunun kabul ettiği türler: ${s(p.accept)}` : ""}${p.encoding ? `; gövde ${s(p.encoding)} ile kodlanmış` : ""}.`,
		fix: "Sunucunun Accept başlığında listelediği bir gövde türü gönderin ya da bu türü sunucuda etkinleştirin.",
	}),
	"who-failed": (p) => ({
		text: `Çağrıyı ${s(p.agent) || "tanımlanamayan bir öğe"}${p.from ? ` (${s(p.from)})` : ""} tarafından gönderilen ${s(p.code)} bitirdi${p.sameAsRinging === 1 ? "; To etiketi aranan tarafın çalma yanıtlarındakiyle aynı, yani çağrıyı aranan tarafın kendisi bitirdi" : p.sameAsRinging === 0 ? "; To etiketi aranan tarafın çalma yanıtlarındakinden farklı, yani yanıtı yol üzerindeki bir öğe (proxy, B2BUA ya da SBC) üretti" : ""}${Number(p.vias) > 1 ? `; yanıt ${s(p.vias)} Via hop'u üzerinden geldi` : ""}${p.reason ? `; Reason: ${s(p.reason)}` : ""}.`,
		fix: "İşe bu öğenin loglarından ve yapılandırmasından başlayın: kararı o verdi, ondan öncekiler yalnızca iletti.",
	}),
	scanner: (p) => ({
		text: `${s(p.from) || "Bilinmeyen bir kaynak"} adresinden SIP taraması (${s(p.agent)}): ${s(p.users)} kullanıcıyı ya da dahiliyi yoklayan ${s(p.requests)} istek (${s(p.methods)})${p.seconds !== "" ? `, ${s(p.seconds)} s içinde` : ""}; ${s(p.unanswered)} tanesi yanıtsız.`,
		fix: "Kaynağı güvenlik duvarında ya da fail2ban/APIBAN ile engelleyin, bilinmeyen kullanıcılara ayırt edilebilir yanıtlar vermeyin ve hiçbir hesabın zayıf parolası olmadığından emin olun.",
	}),
	"start-not-captured": (p) => ({
		text: `Kayıt bu çağrının ortasında başlıyor: buradaki ilk mesaj ${s(p.first)}, yani çağrıyı kuran istek kayıtta yok${p.outcome ? `; gösterilen sonuç, kaydedilen ${s(p.method)} isteğine verilen yanıttır (${s(p.outcome)})` : ""}.`,
	}),
	"media-none": (p) => ({
		text: `Çağrı cevaplandı ve ${s(p.seconds)} saniye sürdü, ama iki yönde de hiç RTP görülmedi (teklif ${s(p.offer)} adresini, yanıt ${s(p.answer)} adresini bildirdi).`,
		fix: "Önce yakalama noktasının medya yolunu görüp görmediğini, sonra iki medya adresi arasındaki güvenlik duvarlarını ve NAT'ı, medyayı aktarması gereken SBC ya da santrali (doğrudan medya ve re-INVITE ayarları) ve taraflardan birinin ötekinin ulaşamayacağı bir adres bildirip bildirmediğini kontrol edin.",
	}),
	"media-one-way": (p) => ({
		text: `RTP yalnızca ${s(p.flowing)} yönünde aktı; SDP iki yönlü ses istediği hâlde ${s(p.missing)} yönünde hiçbir şey gelmedi (paketlerin ${s(p.to)} adresine gitmesi gerekiyordu).`,
		fix: "Tek yönlü ses çoğunlukla NAT ya da güvenlik duvarından kaynaklanır: SDP'deki adresi paketlerin gerçekten geldiği adresle karşılaştırın, RTP port aralığına gelen trafiğe izin verin, yönlendiricideki SIP ALG'yi kapatın ve santralde simetrik RTP'yi (rtp_symmetric, NAT ayarları) ya da bir medya aktarıcısını açın.",
	}),
	"media-payload": (p) => ({
		text: `${s(p.src)} adresinden ${s(p.dst)} adresine giden RTP, SDP yanıtında bulunmayan ${s(p.pt)} yük tipini (${s(p.codec)}) kullanıyor (yanıtta şunlar vardı: ${s(p.allowed)}).`,
		fix: "Gönderen taraf anlaşılan kodeği yok sayıyor: kodek sırasını, cevabı okuyup okumadığını ve arada kodek dönüştüren bir SBC olup olmadığını kontrol edin; alıcı bu paketleri atabilir ya da gürültü olarak çözebilir.",
	}),
	"media-loss": (p) => ({
		text: `${s(p.direction)} yönündeki RTP'nin yüzde ${s(p.percent)} kadarı kayboldu (${s(p.expected)} paketten ${s(p.lost)} tanesi, ${s(p.src)} → ${s(p.dst)}); bu ölçüm yakalamanın yapıldığı noktada alındı, yani kayıp o noktadan önce oldu.`,
		fix: "Paketleri düşüren hop'u bulmak için göndericiye daha yakın bir noktada yakalama yapın; yol boyunca bağlantı doluluğunu, Wi-Fi'yi, QoS işaretlemesini (DSCP EF) ve dupleks uyumsuzluklarını kontrol edin.",
	}),
	"media-jitter": (p) => ({
		text: `${s(p.direction)} yönündeki RTP en fazla ${s(p.max)} ms, ortalama ${s(p.mean)} ms titreşimle geldi (${s(p.src)} → ${s(p.dst)}); bu, sıradan bir titreşim tamponunu aşmaya yeter.`,
		fix: "Yolda tıkanıklık ya da aşırı tamponlama arayın, sese öncelik verin (DSCP EF, ayrı bir VLAN) ve alıcının titreşim tamponu boyutunu kontrol edin.",
	}),
	"media-after-bye": (p) => ({
		text: `${s(p.src)} adresinden ${s(p.dst)} adresine giden RTP, BYE'dan ${s(p.seconds)} saniye sonra da akmaya devam etti.`,
		fix: "Gönderen taraf çağrı bitince medyasını durdurmadı: BYE'ı (ya da ona gelen 200 yanıtını) işleyip işlemediğini ve aynı portları başka bir çağrının kullanıp kullanmadığını kontrol edin.",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `${s(p.direction)} yönündeki RTP, alıcının SDP'sinin bildirdiği ${s(p.sdp)} adresine değil ${s(p.actual)} adresine gitti.`,
					fix: "Arada bir şey medya adresini değiştirdi (SBC, SIP ALG, bir aktarıcı) ya da gönderici başka bir adrese kilitlendi; her ara cihazın iki yanındaki SDP'yi ve paketlerin gerçekten gittiği adresi karşılaştırın.",
				}
			: {
					text: `SDP, ${s(p.direction)} yönündeki RTP için özel ${s(p.sdp)} adresini bildirdi, ama paketler ${s(p.actual)} adresinden geliyor: gönderici NAT arkasında.`,
					fix: "Özel bir adrese giden ses ulaşamaz: göndericinin genel adresini bildirmesini sağlayın (STUN, santralde dış medya adresi) ya da karşı tarafta simetrik RTP'yi veya medya kilitlemeyi açın.",
				},
	"media-gap": (p) => ({
		text: `${s(p.direction)} yönündeki RTP (${s(p.src)} → ${s(p.dst)}) çağrının ortasında yaklaşık ${s(p.seconds)} saniye durdu, oysa hiçbir SDP çağrıyı beklemeye almamıştı.`,
		fix: "O anda bir ağ kesintisi ya da yol değişikliği, sessizlikte bunu bildirmeden duran bir gönderici (konfor gürültüsü olmadan VAD) ya da akışı duraklatan bir medya sunucusu arayın.",
	}),
};
