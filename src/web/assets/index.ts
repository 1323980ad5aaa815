/** Static assets, served from memory under content-hashed names (cached for a year). */
import { hash53 } from "../hash.ts";
import { ANALYZER_SCRIPT } from "./generated/analyzer-bundle.ts";
import { SEARCH_SCRIPT } from "./search.js.ts";
import { STYLE } from "./style.css.ts";

/** A favicon: the letters "s?" on the 5xx red, as SVG. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#b91c1c"/><text x="16" y="23" font-family="system-ui,sans-serif" font-size="19" font-weight="700" fill="#fff" text-anchor="middle">s?</text></svg>`;

const css = STYLE.trim();
const js = SEARCH_SCRIPT.trim();

/** Paths of the assets, with their content hash. */
export const ASSET_PATHS = {
	css: `/assets/style.${hash53(css)}.css`,
	js: `/assets/search.${hash53(js)}.js`,
	icon: `/assets/icon.${hash53(ICON)}.svg`,
	analyzer: `/assets/analyzer.${hash53(ANALYZER_SCRIPT)}.js`,
};

/** Every asset by path. */
export const ASSETS: Record<string, { body: string; type: string }> = {
	[ASSET_PATHS.css]: { body: css, type: "text/css; charset=utf-8" },
	[ASSET_PATHS.js]: { body: js, type: "text/javascript; charset=utf-8" },
	[ASSET_PATHS.icon]: { body: ICON, type: "image/svg+xml" },
	[ASSET_PATHS.analyzer]: { body: ANALYZER_SCRIPT, type: "text/javascript; charset=utf-8" },
};
