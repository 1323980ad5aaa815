/**
 * The web site and JSON API as one Hono app on Web-standard Request/Response, so it runs on Node
 * (src/web/node/node-server.ts) or at the edge. Nothing here, nor anything it loads, imports from
 * Node: Node-only code lives in src/web/node/.
 *
 * Pages are rendered on the server and need no JavaScript. Every rendered response for a URL is
 * kept in a bounded in-memory cache, so a page is rendered once and then served from memory.
 *
 * The app is assembled here: the request gates (middleware.ts), the API (routes/api.ts) and the
 * pages (routes/pages.ts), sharing one set of response helpers (replies.ts).
 */
import { Hono } from "hono";
import { cachedAnswers, preflight, readOnly, renderError, urlLimit } from "./middleware.ts";
import { type AppOptions, createReplies } from "./replies.ts";
import { apiRoutes } from "./routes/api.ts";
import { pageRoutes, unmatched } from "./routes/pages.ts";

export { MAX_URL } from "./middleware.ts";
export type { AppOptions } from "./replies.ts";
export { locationPath } from "./replies.ts";
export { negotiateLanguage } from "./routes/pages.ts";
export { MAX_QUERY } from "./routes/params.ts";

/** Builds the app. */
export function createApp(options: AppOptions = {}): Hono {
	const replies = createReplies(options);
	const app = new Hono();
	// Gates, in order: methods, URL length, then the cache.
	app.use("*", preflight, readOnly, urlLimit(replies), cachedAnswers(replies));
	app.onError(renderError(replies));
	// The API first: its /api/* catch-all must answer before /:lang/… page routes match /api/….
	app.route("/api", apiRoutes(replies));
	app.route("/", pageRoutes(replies));
	app.notFound(unmatched(replies));
	return app;
}
