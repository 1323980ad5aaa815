/** Japanese words for the findings (です/ます, the terms of docs/terms-ja.md). */
import type { FindingTexts } from "./types.ts";

const yes = (v: string | number | undefined) => v === 1 || v === "1";
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** What the client did after a 503, as far as the capture shows. */
function next503(p: Record<string, string | number>): string {
	if (p.next === "failover") return `。クライアントは${s(p.failover)}へフェイルオーバーしました`;
	if (p.next === "same") return "。クライアントは同じサーバへ再試行しました";
	if (p.next === "none") return "。このキャプチャにはその後の試行がありません";
	return "";
}

/** "AgentName（アドレス）から" when either is known, else "". */
function fromWhom(agent: string | number | undefined, at: string | number | undefined): string {
	if (!agent && !at) return "";
	if (agent && at) return `${s(agent)}（${s(at)}）から`;
	return `${s(agent) || s(at)}から`;
}

/** The same as a modifier of the code that follows: "AgentName（アドレス）からの", or "". */
function fromWhomOf(agent: string | number | undefined, at: string | number | undefined): string {
	const who = fromWhom(agent, at);
	return who ? `${who}の` : "";
}

/** The media direction in the words of the call: "caller→callee" becomes "発信側→着信側". */
function way(direction: string | number | undefined): string {
	return s(direction).replace("caller", "発信側").replace("callee", "着信側");
}

/** Japanese finding texts. */
export const ja: FindingTexts = {
	"auth-challenge": (p) => ({
		text: `${s(p.method)}はチャレンジされ、認証情報を付けて再送されました。正常な認証のやり取りで、失敗ではありません${yes(p.stale) ? "（サーバはstale=trueでnonceを期限切れにもしましたが、これはよくあることです）" : ""}。`,
	}),
	"auth-loop": (p) => ({
		text: `${s(p.method)}は${s(p.count)}回チャレンジされ、認証情報を付けた後も再びチャレンジされました。サーバはユーザ名、パスワード、realmのいずれかを拒否しています${p.realm ? `（realm "${s(p.realm)}"）` : ""}。`,
		fix: "認証ユーザ名（内線番号と異なることがある認証ID）、パスワード、クライアントが応答しているrealmを確認します。Asteriskではエンドポイントのauthセクションを、FreeSWITCHではディレクトリユーザのpasswordを照合します。",
	}),
	"auth-forbidden": (p) => ({
		text: `認証情報を付けた${s(p.method)}に403 Forbiddenが返りました。認証情報は理解されたうえで拒否されたか、アカウントや送信元アドレスが許可されていません。`,
		fix: "アカウントが有効でこのIPアドレスから許可されているか、認証IDがアカウントと一致するか、サーバのACLと登録数の上限を確認します。同じ認証情報で再試行しないでください。",
	}),
	"auth-unanswered": (p) => ({
		text: `${s(p.method)}は${p.realm ? `realm "${s(p.realm)}"について` : ""}チャレンジされましたが、このキャプチャでは認証情報を付けて再送されていません。クライアントにこのサーバ用の認証情報が設定されていないのかもしれません。`,
		fix: "クライアントにこのrealmの認証情報を設定するか、それが意図どおりなら、サーバにIPアドレスでクライアントを信頼させます。",
	}),
	"missing-ack": (p) => ({
		text: `INVITEに応答した${s(p.code)}が${p.hop ? `${s(p.hop)}で` : ""}${s(p.retransmissions)}回再送され、そのホップにACKは来ませんでした${p.byeAfter !== "" ? `。${s(p.byeAfter)}秒後に${p.byeBy === "caller" ? "発信側" : "着信側"}が切断しました${yes(p.timerH) ? "。これは64×T1 = 32秒以内にACKが来ないときのUASの動作です（RFC 3261 §13.3.1.4）" : ""}` : ""}。ACKは200のContact（${s(p.contact) || "なし"}）へ${p.recordRoute ? `、Record-Routeのセット${s(p.recordRoute)}を通って` : ""}送られます。`,
		fix: "発信側がACKをどこへ送ったか（あるいはなぜ送らなかったか）を突き止めます。200のプライベートまたは誤ったContact、到達できないアドレスを指すRecord-Route、ヘッダを書き換えるNATやSIP ALG、非対称なルーティングなどです。",
	}),
	"no-response": (p) => ({
		text: `${s(p.method)}は${p.to ? `${s(p.to)}へ` : ""}${s(p.over)}秒間に${s(p.sent)}回送られましたが、100 Tryingさえ返りませんでした。トランザクションはローカルでタイムアウトしています（タイマー${p.method === "INVITE" ? "B" : "F"}、64×T1）。`,
		fix: "そのアドレス、ポート、トランスポートで宛先に到達できるか確認します。ルーティングとDNS、ファイアウォールとセキュリティグループ、NAT、そして遠端がそもそもそのトランスポートで待ち受けているかです。",
	}),
	"request-timeout": (p) => ({
		text: `${s(p.method)}に${s(p.from) || "経路上の要素"}から408 Request Timeoutが返りました${yes(p.provisional) ? "。呼出しの後なので、無応答タイマーが切れています" : "。呼出しがないので、その背後の要素が一度も応答していません"}。`,
		fix: "408を送った要素とその次のホップを見ます。プロキシのタイマーCやゲートウェイの無応答タイマー、あるいは一度も応答しなかった次ホップです。",
	}),
	"caller-abandoned": (p) => ({
		text: `発信側が${p.ring !== "" ? `${s(p.ring)}秒の呼出しの後に` : p.afterInvite !== "" ? `INVITEの${s(p.afterInvite)}秒後に` : ""}キャンセルしました。487 Request TerminatedはキャンセルされたINVITEの通常の終わり方です。`,
	}),
	"cancel-200-race": (p) => ({
		text: `INVITEへの200 OKが発信側のCANCELと行き違いました。呼はそれでも応答されています${yes(p.acked) && yes(p.ended) ? "。発信側は正しくACKを送り、BYEで切断しました" : yes(p.acked) ? "。発信側はACKを送りましたが、BYEを送っていません" : "。発信側はACKもBYEも送っていません"}。`,
		fix: "CANCELの後でも2xxを受け取ったUACは、それにACKを送ってBYEを送らなければなりません（RFC 3261 §9.1）。そうしないと着信側に半開きの呼が残ります。",
	}),
	"refer-no-notify": (p) => ({
		text: `${p.target ? `${s(p.target)}への` : ""}REFERは受け付けられましたが、NOTIFYが続きませんでした。転送元は転送がどうなったかを知ることができません。`,
		fix: "転送される側はEvent: referとmessage/sipfragボディを持つNOTIFYを送らなければなりません（RFC 3515）。その転送対応、NOTIFYを止めるSBC、そしてNOTIFYが届く前に転送元が切断していないかを確認します。",
	}),
	"refer-result": (p) => ({
		text: `転送のNOTIFY（${s(p.notifies)}）は"${s(p.status)} ${s(p.reason)}"を報告しています${Number(p.status) >= 300 ? "。転送先に到達できませんでした" : yes(p.final) ? "。転送は成功しました" : "。キャプチャが終わった時点で転送はまだ進行中でした"}。`,
	}),
	"6xx-ends-forking": (p) => ({
		text: `${s(p.decliner) || "特定できない要素"}${p.from ? `（${s(p.from)}）` : ""}からの${s(p.code)}が、すべてのブランチで探索を終わらせました${Number(p.branches) === 1 ? (yes(p.cancelled) ? "。もう一方のブランチはキャンセルされました" : "。もう一方のブランチはこのキャプチャではキャンセルされていません") : Number(p.branches) > 1 ? `。ほかの${s(p.branches)}個のブランチのうち${s(p.cancelled)}個がキャンセルされました` : ""}。6xxはフォーキングを止める（RFC 3261 §16.7）ので、ほかの端末、ハントグループ、無応答時のボイスメールは打ち切られます。`,
		fix: "ほかの端末やボイスメールにまだ呼を届けるべきなら、拒否する端末が6xxではなく486か480で応答するようにするか、6xxの後も続行するようプロキシを設定します。",
	}),
	"503-retry-after": (p) => ({
		text: `${fromWhomOf(p.agent, p.server)}503 Service Unavailableは、クライアントに${s(p.seconds)}秒待つよう求めました（Retry-After）${next503(p)}${yes(p.relayed) ? "。プロキシが503を上流へ中継しましたが、ほかの宛先がサービスできる場合にそうすべきではありません" : ""}。`,
		fix: "サーバが応答不可の理由（過負荷、メンテナンス、チャネルやライセンスの上限、到達できない次ホップ）を突き止め、クライアントが別のサーバへフェイルオーバーするようにします（DNS SRV、dispatcherのセット）。",
	}),
	"503-no-retry-after": (p) => ({
		text: `${fromWhomOf(p.agent, p.server)}503 Service UnavailableにはRetry-Afterがなく、クライアントはこれを500と同様に扱います${next503(p)}${yes(p.relayed) ? "。プロキシが503を上流へ中継しましたが、ほかの宛先がサービスできる場合にそうすべきではありません" : ""}。`,
		fix: "サーバが拒否した理由（容量、qualifyやOPTIONSのpingでダウンとされた到達できないピア、メンテナンス）を突き止め、クライアントに代替サーバを試させます。",
	}),
	"media-mismatch": (p) => {
		const r = s(p.reasons).split(",").filter(Boolean);
		const parts: string[] = [];
		if (yes(p.noOffer)) parts.push("INVITEにSDPのオファーがなかったため、アンサー側のオファーが拒否されました");
		if (p.offered) parts.push(`提示されたコーデックは${s(p.offered)}です`);
		if (p.accepted) parts.push(`アンサー側は${s(p.accepted)}に対応しています`);
		if (r.includes("codec")) parts.push("Warningはコーデックを指しています");
		if (r.includes("transport") || r.includes("srtp-offered"))
			parts.push(`トランスポートプロファイルは${s(p.protocols)}で、RTP/AVPとRTP/SAVP(F)は互いに一致しません`);
		if (r.includes("media-type") || r.includes("non-audio-offered"))
			parts.push(`提示されたメディアタイプは${s(p.types)}です`);
		if (r.includes("no-telephone-event")) parts.push("DTMF用のtelephone-eventが提示されていません");
		if (p.warning) parts.push(`Warningは${s(p.warning)}です`);
		return {
			text: `${fromWhomOf(p.agent, p.from)}${s(p.code)} ${p.code === 606 ? "Not Acceptable" : "Not Acceptable Here"}により、セッションのオファーが拒否されました。${parts.length > 0 ? `${parts.join("。")}。` : ""}`,
			fix: "オファーとアンサー側の能力が重なるようにします。両側で共通のコーデックを許可し（フォールバックとしてPCMU/PCMA）、SRTPの設定（media_encryption、sdes/dtls）を揃え、遠端が受けられないビデオやimageのストリームを削り、DTMFが必要ならtelephone-eventを提示します。",
		};
	},
	"nat-private-address": (p) => ({
		text: `パケットは${s(p.source)}から来ているのに、${s(p.where)}にプライベートアドレス${s(p.address)}が現れています。NAT配下の端末が内側のアドレスを広告しています。`,
		fix: "端末やそのPBXにグローバルアドレスを広告させるか（Asteriskではlocal_netとともにexternal_media_addressとexternal_signaling_address、FreeSWITCHではext-rtp-ipとext-sip-ip）、SBCやプロキシにContactとSDPを補正させます（Kamailioのnathelper/rtpengine）。ルータのSIP ALGは無効にします。",
	}),
	"media-direction": (p) => {
		if (p.kind === "rejected")
			return {
				text: `${p.by ? `${s(p.by)}からの` : ""}${s(p.answer)}は${s(p.streams)}のストリームを拒否しました（アンサーのポート0、RFC 3264 §6）${p.left ? `。${s(p.left)}は残っています` : "。メディアストリームが1つも残っていないので、呼はメディアなしで接続されています"}。`,
				...(p.left
					? {}
					: {
							fix: "アンサー側がストリームを拒否した理由を突き止めます。共通のコーデックやトランスポートプロファイルがない（RTP/AVPとRTP/SAVP）、メディアタイプが無効になっている、SBCのポリシーなどです。オファーをアンサー側が許可するものと比較します。",
						}),
			};
		if (p.kind === "hold")
			return {
				text: `${s(p.by) || "一方の側"}が呼を保留にしました。その${s(p.what)}は音声を${s(p.direction)}で提示しています（RFC 3264 §8.4）${p.followed === 1 ? "。アンサーもそれに従っています" : p.followed === 0 ? "。しかしアンサーはそれに従っていません（RFC 3264 §6.1）" : ""}。`,
				fix: "誰も保留にするつもりがなかったなら、端末の保留と保留音の設定、そしてSDPを書き換えるSBCを確認します。",
			};
		const oneWay = p.direction === "inactive" ? "どちらの方向にも流れません" : "一方向にしか流れません";
		if (p.kind === "initial")
			return {
				text: `${p.by ? `${s(p.by)}からの` : ""}${s(p.what)}は最初から音声を${s(p.direction)}で提示しています。音声は${oneWay}。`,
				fix: "発信側のSDPの方向の設定と、オファーを書き換えるSBCを確認します。",
			};
		return {
			text: `${p.by ? `${s(p.by)}からの` : ""}${s(p.what)}は、sendrecvのオファーに${s(p.direction)}で応答しました。音声は${oneWay}。`,
			fix: "アンサー側のSDPの方向の設定（recvonlyやinactiveで応答する端末やSBC）と、それが呼を保留にするつもりだったのかを確認します。",
		};
	},
	"481-dialog-gone": (p) => ({
		text: `${s(p.method)}に${fromWhom(p.agent, p.from)}481が返りました。遠端はこのダイアログを知りません${yes(p.established) ? "。このキャプチャの前の方で確立されていたにもかかわらずです" : ""}${yes(p.afterRefer) ? "。その前に転送が行われているので、ダイアログは置き換えられたのかもしれません" : ""}${p.routeFollowed === 0 ? "。リクエストはRecord-Routeのセットに従っていません" : ""}。`,
		fix: "遠端が再起動またはフェイルオーバーしたか、リクエストがRecord-Routeのルートセットを使いリモートContactを宛先にしていたか、Call-IDとタグがダイアログと一致するか、そして転送の後なら古いレッグが二重に終了されていないかを確認します。",
	}),
	"loop-detected": (p) => ({
		text: `${fromWhomOf(p.agent, p.detector)}482 Loop Detectedです。リクエストは、すでにそれを転送したプロキシに戻ってきました${p.repeated ? `（Viaで${s(p.repeated)}が繰り返されています）` : ""}。`,
		fix: "プロキシ間のルーティングループや、自分自身へルーティングするプロキシ（自ドメインや自アドレスを次ホップにしている）を探します。Request-URIが変わるスパイラルは正当ですが、ループは正当ではありません。",
	}),
	"too-many-hops": (p) => ({
		text: `${fromWhomOf(p.agent, p.detector)}483 Too Many Hopsです。Max-Forwardsが0まで減りました${p.maxForwards ? `（${s(p.hops)}個のコピーで${s(p.maxForwards)}）` : ""}。たいていは、毎回新しいViaヘッダを作るB2BUAを通るループです。`,
		fix: "この呼を行ったり来たりさせているB2BUAやPBXの間のルート（たとえば互いを指すルートを持つ2つのシステム）をたどり、B2BUAでMax-Forwardsをリセットしないでください。",
	}),
	"redirect-followed": (p) => ({
		text: `${s(p.code)}のリダイレクトに従いました。発信側は${s(p.target)}へ新しいINVITEを送りました。`,
	}),
	"redirect-not-followed": (p) => ({
		text: `${s(p.code)}が呼を${p.targets ? `${s(p.targets)}へ` : "行き先のContactなしに"}リダイレクトしましたが、新しいINVITEは続きませんでした。`,
		fix: p.targets
			? "発信側やそのPBXがリダイレクトに従うようにするか（Asteriskではpjsipエンドポイントのredirect_method、FreeSWITCHではmanual-redirect）、リダイレクトする側に代わりに呼をプロキシさせます。"
			: "3xxは新しい宛先をContactに持たなければなりません。リダイレクトする要素を直します。",
	}),
	"redirect-loop": (p) => ({
		text: `${s(p.code)}が、発信側がすでに試した宛先（${s(p.target)}）へ発信側を送り返しました。リダイレクトループです。`,
		fix: "リダイレクトサーバやPBXの転送ルールを確認します。互いを指す2つの転送や、発信側自身のアドレスへのリダイレクトです。",
	}),
	"glare-491": (p) => ({
		text: `491 Request Pendingです。双方が同時に${s(p.method)}リクエストを送りました（グレア）${[1, 2]
			.filter((k) => p[`side${k}`] !== undefined)
			.map((k) => {
				const who = `${s(p[`side${k}`]) || "一方の側"}（${yes(p[`owner${k}`]) ? "Call-IDを生成した側なので2.1〜4秒" : "Call-IDを生成していない側なので0〜2秒"}）`;
				return p[`wait${k}`] === ""
					? `${who}はこのキャプチャでは再試行していません`
					: `${who}は${s(p[`wait${k}`])}秒後に再試行し、RFC 3261 §14.1の範囲${yes(p[`inWindow${k}`]) ? "内" : "外"}でした`;
			})
			.map((sentence) => `。${sentence}`)
			.join(
				"",
			)}${yes(p.through) ? "" : `。その後の${s(p.method)}は成功しなかったので、セッションの変更は失われました`}。`,
		fix: "UACはRFC 3261 §14.1のランダムな間隔だけ待ってから再試行すべきです。グレアが繰り返されるのは、2つのシステムが同じ瞬間にセッションをリフレッシュしていることを示しています。",
	}),
	"interval-too-small": (p) => ({
		text: `${s(p.code)}です。${p.asked ? `${s(p.asked)}秒の` : ""}${p.code === 422 ? "セッション間隔" : "有効期間"}がサーバの最小値${p.min ? `（${s(p.min)}秒）` : ""}を下回っていました${yes(p.ok) ? `。${s(p.method)}は${s(p.retry)}秒で再試行されて成功しました` : p.retry ? `。${s(p.retry)}秒での再試行もまだ失敗しました` : "。クライアントは再試行していません"}。`,
		fix:
			p.code === 422
				? "クライアントのSession-Expiresを少なくともMin-SEの値まで上げます（Asteriskではtimers_sess_expires、FreeSWITCHではsession-timeout）。"
				: "登録の有効期間を少なくともMin-Expiresまで上げます。",
	}),
	"option-tag": (p) => ({
		text: `${s(p.code)}です。${p.code === 420 ? `リクエストが必須とした拡張${s(p.tags) || s(p.required)}にサーバが対応していません` : `サーバは、リクエストがSupportedに列挙しなかった拡張${s(p.tags)}を必須としています`}。`,
		fix:
			p.code === 420
				? "遠端が対応していない限り、オプションタグをRequire（やProxy-Require）に入れないでください。Supportedへ移します。"
				: "クライアントで拡張（たとえば100relやtimer）を有効にするか、サーバにそれを任意にしてもらいます。",
	}),
	"unsupported-media": (p) => ({
		text: `415 Unsupported Media Typeです。ボディ${p.sent ? `（${s(p.sent)}）` : ""}は受け入れられません${p.accept ? `。サーバが受け付けるのは${s(p.accept)}です` : ""}${p.encoding ? `。ボディは${s(p.encoding)}でエンコードされていました` : ""}。`,
		fix: "サーバがAcceptに列挙するボディタイプを送るか、サーバでそのボディタイプを有効にします。",
	}),
	"who-failed": (p) => ({
		text: `呼は${s(p.agent) || "特定できない要素"}${p.from ? `（${s(p.from)}）` : ""}からの${s(p.code)}で終了しました${p.sameAsRinging === 1 ? "。そのToタグは着信側の呼出し応答のものと同じなので、着信側自身が呼を終わらせています" : p.sameAsRinging === 0 ? "。そのToタグは着信側の呼出し応答のものと異なるので、経路上の要素（プロキシ、B2BUA、SBC）が生成しています" : ""}${Number(p.vias) > 1 ? `。応答は${s(p.vias)}個のViaのホップを経ています` : ""}${p.reason ? `。Reasonは${s(p.reason)}です` : ""}。`,
		fix: "その要素のログと設定から始めます。判断を下したのはその要素で、その前の要素はそれを中継しただけです。",
	}),
	scanner: (p) => ({
		text: `${s(p.from) || "不明な送信元"}（${s(p.agent)}）からのSIPスキャンです。${s(p.requests)}件のリクエスト（${s(p.methods)}）が${s(p.users)}件のユーザや内線を探っており${p.seconds !== "" ? `（${s(p.seconds)}秒間）` : ""}、${s(p.unanswered)}件は無応答でした。`,
		fix: "ファイアウォールやfail2ban/APIBANで送信元を遮断し、未知のユーザに区別できる応答を返さないようにし、弱いパスワードのアカウントがないことを確認します。",
	}),
	"start-not-captured": (p) => ({
		text: `キャプチャはこの呼の途中から始まっています。ここでの最初のメッセージは${s(p.first)}なので、呼を確立したリクエストはキャプチャにありません${p.outcome ? `。示している結果は、キャプチャされた${s(p.method)}への応答（${s(p.outcome)}）です` : ""}。`,
	}),
	"media-none": (p) => ({
		text: `呼は応答されて${s(p.seconds)}秒続きましたが、RTPはどちらの方向にも見られませんでした（オファーが示したのは${s(p.offer)}、アンサーは${s(p.answer)}）。`,
		fix: "まずキャプチャ地点からメディア経路がそもそも見えているかを確認し、次に2つのメディアアドレスの間のファイアウォールとNAT、メディアを中継すべきSBCやPBX（ダイレクトメディアやre-INVITEの設定）、そしてどちらかの側が相手から到達できないアドレスを通知していないかを確認します。",
	}),
	"media-one-way": (p) => ({
		text: `RTPは${way(p.flowing)}の方向にしか流れていません。SDPは双方向の音声を求めていたのに、${way(p.missing)}の方向には何も来ていません（本来の送り先は${s(p.to)}です）。`,
		fix: "片通話はたいていNATかファイアウォールが原因です。SDPのアドレスとパケットが実際に来ているアドレスを比較し、RTPのポート範囲の着信を許可し、ルータのSIP ALGを無効にし、PBXではシンメトリックRTP（rtp_symmetric、NAT設定）かメディアリレーを有効にします。",
	}),
	"media-payload": (p) => ({
		text: `${s(p.src)}から${s(p.dst)}へのRTPはペイロードタイプ${s(p.pt)}（${s(p.codec)}）を使っていますが、SDPのアンサーはこれを含んでいません（含まれていたのは${s(p.allowed)}）。`,
		fix: "送信側がネゴシエーションされたコーデックを無視しています。送信側のコーデックの優先順位、アンサーを正しく読み取っているか、そして途中でトランスコードするSBCを確認します。受信側はこれらのパケットを破棄するか、雑音としてデコードするおそれがあります。",
	}),
	"media-loss": (p) => ({
		text: `${way(p.direction)}のRTPの${s(p.percent)}%が失われました（${s(p.expected)}パケット中${s(p.lost)}パケット、${s(p.src)}から${s(p.dst)}へ）。これはキャプチャを取った地点での測定なので、損失はその地点より手前で起きています。`,
		fix: "送信側に近い地点でキャプチャを取り、パケットを落としているホップを特定します。経路上の回線使用率、Wi-Fi、QoSマーキング（DSCP EF）、デュプレックスの不一致を確認します。",
	}),
	"media-jitter": (p) => ({
		text: `${way(p.direction)}のRTP（${s(p.src)}から${s(p.dst)}へ）は、最大${s(p.max)} ms、平均${s(p.mean)} msのジッタで届きました。一般的なジッタバッファをあふれさせるのに十分な大きさです。`,
		fix: "経路上の輻輳やバッファブロートを探し、音声を優先し（DSCP EF、専用のVLAN）、受信側のジッタバッファのサイズを確認します。",
	}),
	"media-after-bye": (p) => ({
		text: `${s(p.src)}から${s(p.dst)}へのRTPが、BYEの${s(p.seconds)}秒後もまだ流れていました。`,
		fix: "送信側が呼の終了時にメディアを止めていません。BYE（またはそれへの200）を処理しているか、そして同じポートを別の呼が再利用していないかを確認します。",
	}),
	"media-address": (p) =>
		p.kind === "destination"
			? {
					text: `${way(p.direction)}のRTPは、受信側のSDPが通知した${s(p.sdp)}ではなく、${s(p.actual)}へ送られました。`,
					fix: "両者の間の何か（SBC、SIP ALG、リレー）がメディアアドレスを書き換えたか、送信側が別のアドレスにラッチしています。すべての中間装置の両側のSDPと、パケットが実際に使っている宛先を比較します。",
				}
			: {
					text: `SDPは${way(p.direction)}のRTPにプライベートアドレス${s(p.sdp)}を通知していますが、パケットは${s(p.actual)}から来ています。送信側はNAT配下にあります。`,
					fix: "プライベートアドレス宛ての音声は届きません。送信側にグローバルアドレスを通知させるか（STUN、PBXの外部メディアアドレス）、相手側でシンメトリックRTPやメディアラッチングを有効にします。",
				},
	"media-gap": (p) => ({
		text: `${way(p.direction)}のRTP（${s(p.src)}から${s(p.dst)}へ）が、呼の途中で約${s(p.seconds)}秒止まりました。呼を保留にしたSDPはありません。`,
		fix: "その時刻のネットワーク障害や経路変更、無音時に通知なく送信を止める送信側（コンフォートノイズなしのVAD）、ストリームを一時停止したメディアサーバを探します。",
	}),
};
