/** Japanese sentences built from facts (です/ます, the terms of docs/terms-ja.md). */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import type { Phrases, Side } from "./types.ts";

/** Japanese lists: "A、B、C" for "and", "A、BまたはC" for "or". */
function and(items: string[]): string {
	return items.join("、");
}
function or(items: string[]): string {
	if (items.length <= 1) return items.join("");
	return `${items.slice(0, -1).join("、")}または${items[items.length - 1]}`;
}

const CLASS: Record<ResponseClass, string> = {
	"1xx": "暫定応答（1xx）です。リクエストはまだ処理中で、最終応答がこれから返ります",
	"2xx": "成功応答（2xx）です。リクエストは成功しました",
	"3xx": "リダイレクト（3xx）です。リクエストは別のアドレスへ送り直すべきです",
	"4xx":
		"リクエストの失敗（4xx）です。このリクエストはこのサーバまたはこのブランチで失敗しましたが、ユーザにはほかの場所で、あるいは修正したリクエストでまだ到達できるかもしれません",
	"5xx":
		"サーバの失敗（5xx）です。サーバは正当かもしれないリクエストを処理できなかったので、別のサーバなら成功するかもしれません",
	"6xx":
		"グローバルな失敗（6xx）です。リクエストはどこでも失敗するので、ほかのブランチやサーバを試すべきではありません",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "暫定応答（1xx）",
	"2xx": "成功応答（2xx）",
	"3xx": "リダイレクト（3xx）",
	"4xx": "リクエストの失敗（4xx）",
	"5xx": "サーバの失敗（5xx）",
	"6xx": "グローバルな失敗（6xx）",
};

const SENDER: Record<Sender, string> = {
	uas: "着信側のユーザエージェント（UAS）",
	proxy: "プロキシ",
	registrar: "レジストラ",
	redirect: "リダイレクトサーバ",
	b2bua: "B2BUA",
};

function methodList(methods: Method[]): string {
	return methods.includes("any") ? "あらゆるリクエスト" : `${or(methods)}のリクエスト`;
}

function retryClause(code: number, kind: RetryKind): string {
	switch (kind) {
		case "none":
			return `${code}は失敗ではないので、再試行するものはありません`;
		case "credentials":
			return `${code}の後、クライアントは認証情報を付けてリクエストを再送します`;
		case "modify":
			return `${code}の後、クライアントは応答が求めるとおりにリクエストを修正してから再試行できます`;
		case "later":
			return `${code}の後、クライアントは後で同じリクエストを再送できます`;
		case "elsewhere":
			return `${code}の後、クライアントは別のアドレスかサーバを試すべきです`;
		case "never":
			return `${code}の後、クライアントは同じリクエストを再送すべきではありません`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "ダイアログを生成も終了もしません",
		establishes: s.code < 200 ? "Toタグを持つときアーリーダイアログを生成します" : "ダイアログを確立します",
		"transaction-only":
			"ダイアログ内のリクエストに応答するとき、そのトランザクションだけを失敗させ、ダイアログは続きます",
		"usage-terminated":
			"ダイアログ内のリクエストに応答するとき、リクエストが属していたusage（呼またはサブスクリプション）を終わらせます",
		"dialog-terminated": "ダイアログ内のリクエストに応答するとき、ダイアログ全体とそのすべてのusageを終わらせます",
	};
	const rfc3261 = s.uacShouldTerminate
		? `。ただし${s.uacShouldTerminate}は、ダイアログ内のリクエストへの${s.code}の後にダイアログを終了するよう、いまもUACに求めています`
		: "";
	const effect = s.endsEarlyDialog
		? "INVITEを続けたまま、そのToタグが示す1つのアーリーダイアログを終わらせ、ダイアログ内のリクエストに応答することはありません（RFC 6228）"
		: effects[s.dialogEffect];
	return `${s.code}は${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `${code}には、発信側が新しいトランザクションとしてエンドツーエンドで送るACKで確認応答します（RFC 3261 §13.2.2.4）`;
		case "hop-by-hop":
			return `${code}には、INVITEトランザクション内でホップごとに送るACKで確認応答します（RFC 3261 §17.1.1.3）`;
		case "none":
			return `${code}がACKで確認応答されることはなく（RFC 3261 §21.1）、高信頼の暫定応答は代わりにPRACKで確認されます（RFC 3262）`;
	}
}

function q850Clause(s: Side): string {
	switch (s.q850Basis) {
		case "listed":
			return `${s.code}は表によりQ.850のcause ${s.q850To?.cause}（${s.q850To?.name}）になります`;
		case "default":
			return `${s.code}は表に載っていないため、RFC 3398のデフォルト規則によりQ.850のcause ${s.q850To?.cause}（${s.q850To?.name}）になります`;
		case "warning":
			return `${s.code}には固定のcauseがありません。表はWarningヘッダに判断を委ねているからです`;
		case "unmapped":
			return `${s.code}は表でどのcauseにもマッピングされていません`;
		case "not-a-rejection":
			return `${s.code}は拒否ではないので、何も切断しません`;
	}
}

/** Japanese phrases. */
export const ja: Phrases = {
	lang: "ja",
	sameClass: (a, b) => `${a.code}と${b.code}はどちらも${CLASS_SHORT[a.class]}です。`,
	classes: (a, b) => `${a.code}は${CLASS[a.class]}。${b.code}は${CLASS[b.class]}。`,
	forking: (ends, goesOn) =>
		`${ends.code}はフォーキングを終わらせます。これを受け取ったプロキシは保留中のほかのブランチをキャンセルしますが（RFC 3261 §16.7）、${goesOn.code}はほかのブランチを続けさせます。`,
	senders: (a, b) =>
		`${a.code}を送るのは典型的には${or(a.senders.map((s) => SENDER[s]))}で、${b.code}を送るのは典型的には${or(b.senders.map((s) => SENDER[s]))}です。`,
	methods: (a, b) => `${a.code}は${methodList(a.methods)}に、${b.code}は${methodList(b.methods)}に応答します。`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side, last: boolean) =>
			s.requiredHeaders.length > 0
				? `${s.code}は${and(s.requiredHeaders)}を持たなければなり${last ? "ません" : "ませんが"}`
				: `${s.code}には必須のヘッダが${last ? "ありません" : "ありませんが"}`;
		return `${clause(a, false)}、${clause(b, true)}。`;
	},
	retry: (a, b) => `${retryClause(a.code, a.retryKind)}。${retryClause(b.code, b.retryKind)}。`,
	dialogEffect: (a, b) => `${effectClause(a)}。${effectClause(b)}${rfc5057Note(a, b, "（RFC 5057 §5.1）")}。`,
	ack: (a, b) => `INVITEへの応答として、${ackClause(a.code, a.ack)}。${ackClause(b.code, b.ack)}。`,
	q850: (a, b) => `SIPからISUPへのゲートウェイでは、${q850Clause(a)}。${q850Clause(b)}（RFC 3398 §8.2.6.1）。`,
	status: (s) => {
		if (s.status === "deprecated")
			return `${s.code}は廃止されています${s.deprecatedBy ? `（${s.deprecatedBy}）` : ""}。新しい実装はこれを送るべきではありません。`;
		if (s.status === "reserved") return `${s.code}は将来の利用のために予約されており、実際には送られません。`;
		if (s.status === "unregistered")
			return `${s.code}はIANAのレジストリにないので、準拠するエージェントはこれを${s.treatedAs}として扱います。`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "ほかの端末やロケーションでまだユーザに到達できるかもしれないなら、4xxで応答します。6xxはどこでも探索を終わらせます。";
		if (pair === "4xx/5xx")
			return "リクエスト自体が問題なら4xxで、サーバが問題なら5xxで応答し、別のサーバが役に立つかどうかをクライアントが分かるようにします。";
		if (pair === "5xx/6xx")
			return "5xxはクライアントに別のサーバを試させますが、6xxはどのサーバでも成功しないと伝えます。";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "未登録のコード",
		summary: `${code}は登録されたSIPの応答コードではありません。準拠するエージェントはこれを${as} ${asReason}として扱います。`,
		description: `${code}はIANAのSIP応答コードのレジストリに載っていません。RFC 3261 §8.1.3.2は、認識できない応答コードを同じクラスのx00のコードとして（未知の暫定応答は183として）扱うようクライアントに定めているので、${code}は${as} ${asReason}とまったく同じに扱われます。送信側が何を意図したかを教えてくれるのは、メッセージのリーズンフレーズとヘッダだけです。`,
		whenYouSeeIt: `${code}は、端末、PBX、キャリアが独自の、あるいは廃れたコードを使うときに現れ、それを説明するリーズンフレーズが付いていることがよくあります。内部のエラー番号を誤ってステータス行に入れてしまうスタックもあります。`,
		howToFix: [
			"応答のリーズンフレーズと、WarningやReasonヘッダを読みます。送信側が何を意図したかがたいてい書かれています。",
			"応答のServerまたはUser-AgentヘッダとViaから送信側を特定し、そのベンダーのドキュメントでコードを調べます。",
			`自分の側がそれを${as}として扱うようにします。それがRFC 3261 §8.1.3.2が準拠するエージェントに求めることです。`,
			"送信側を管理しているなら、ほかの機器が推測しなくて済むよう、意味の合う登録済みのコードに変更します。",
		],
		commonCauses: [
			"ベンダー独自の、あるいは廃れた応答コード。",
			"設定を誤ったアプリケーションがステータス行に書き込んだ内部のエラー番号。",
		],
		misdiagnoses: [
			`${code}を意味のあるプロトコル上の応答として扱うこと。準拠するすべてのエージェントにとって、それは${as} ${asReason}以上の意味を持ちません。`,
		],
		useWhen: `${code}は登録されていないので、誰も送るべきではありません。代わりに意味の合う登録済みのコードを使います。`,
	}),
};
