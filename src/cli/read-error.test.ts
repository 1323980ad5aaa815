import assert from "node:assert/strict";
import { test } from "node:test";
import { readErrorWording } from "./read-error.ts";

test("file errors are worded, never shown as errno codes", () => {
	assert.equal(readErrorWording("EACCES"), "permission denied");
	assert.equal(readErrorWording("EISDIR"), "is a directory");
	assert.equal(readErrorWording("ENOENT"), "no such file");
	for (const code of ["EXDEV", undefined, ""]) assert.doesNotMatch(readErrorWording(code), /E[A-Z]{3,}/);
});
