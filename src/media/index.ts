/** Media: RTP and RTCP streams beside the signalling (see media-tracker.ts). */
export {
	type AnnouncedCodec,
	type Announcement,
	type MediaStream,
	MediaTracker,
	type RtcpFigures,
} from "./media-tracker.ts";
export { parseRtcp, type RtcpCompound } from "./rtcp.ts";
export { mediaPacketKind, parseRtpHeader, type RtpHeader } from "./rtp-packet.ts";
export { RtpStreamStats, type StreamFigures } from "./stream-stats.ts";
export { eventKey, parseTelephoneEvent } from "./telephone-event.ts";
export { Timeline, type TimelineView } from "./timeline.ts";
