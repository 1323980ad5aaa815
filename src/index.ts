/**
 * sipwhy as a library: the SIP response-code knowledge base. Everything here is browser-safe
 * (no Node imports) and returns plain JSON-serialisable objects.
 *
 *   import { explain, compare, listCodes, search } from "sipwhy";
 */
export { type Citation, formatCite } from "./kb/citation.ts";
export { classOf, type ResponseClass, treatedAs } from "./kb/classes.ts";
export { type Comparison, compare } from "./kb/compare.ts";
export { InputError, parseCode } from "./kb/errors.ts";
export { type Explanation, explain, type Facts, type LangOptions } from "./kb/explain.ts";
export { type CodeSummary, type ListOptions, listCodes } from "./kb/list.ts";
export { isLanguage, LANGUAGES, type Language } from "./kb/locales.ts";
export { type SearchHit, type SearchOptions, search } from "./kb/search.ts";
