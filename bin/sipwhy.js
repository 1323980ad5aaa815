#!/usr/bin/env node
// The sipwhy command. The code lives in dist/ (built by `npm run build`, which `npm ci` runs).
await import("../dist/cli/entry.js");
