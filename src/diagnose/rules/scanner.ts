/** User-Agent strings of well-known SIP scanning tools (scans are told per source: ../scan.ts). */
export const SCANNER_AGENTS =
	/friendly-scanner|sipvicious|sipcli|sip-scan|VaxSIPUserAgent|sundayddr|iWar|pplsip|SIPScan|\bsmap\b/i;
