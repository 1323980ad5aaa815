/**
 * `--output FILE`: the report is streamed into a temporary file beside FILE and renamed over it
 * at the end, so a failed or interrupted run leaves neither a half report nor a stray file. A
 * symbolic link is followed (the file it points to gets the report) and an existing file keeps
 * its permissions.
 */
import {
	chmodSync,
	closeSync,
	existsSync,
	openSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeSync,
} from "node:fs";
import { InputError } from "../kb/errors.ts";

/** A report file written through a temporary file. */
export class OutputFile {
	readonly #name: string;
	readonly #target: string;
	readonly #temp: string;
	#fd: number | undefined;
	readonly #onSignal = (signal: NodeJS.Signals) => {
		this.abort();
		process.kill(process.pid, signal);
	};

	/** `name` is the path as the user wrote it (used in messages). */
	constructor(name: string) {
		this.#name = name;
		this.#target = existsSync(name) ? realpathSync(name) : name;
		this.#temp = `${this.#target}.partial-${process.pid}`;
	}

	/** Appends text (the temporary file is created on the first write). */
	write(text: string): void {
		if (this.#fd === undefined) {
			try {
				this.#fd = openSync(this.#temp, "w");
			} catch (e) {
				throw this.#error(e);
			}
			process.once("SIGINT", this.#onSignal);
			process.once("SIGTERM", this.#onSignal);
		}
		writeSync(this.#fd, text);
	}

	/** Puts the report in place. */
	commit(): void {
		if (this.#fd === undefined) this.write("");
		closeSync(this.#fd as number);
		this.#fd = undefined;
		try {
			if (existsSync(this.#target)) chmodSync(this.#temp, statSync(this.#target).mode & 0o7777);
			renameSync(this.#temp, this.#target);
		} catch (e) {
			rmSync(this.#temp, { force: true });
			throw this.#error(e);
		} finally {
			this.#forget();
		}
	}

	/** Removes the temporary file (a failed run). */
	abort(): void {
		if (this.#fd !== undefined) {
			closeSync(this.#fd);
			this.#fd = undefined;
			rmSync(this.#temp, { force: true });
		}
		this.#forget();
	}

	#forget(): void {
		process.off("SIGINT", this.#onSignal);
		process.off("SIGTERM", this.#onSignal);
	}

	#error(e: unknown): InputError {
		return new InputError(`${this.#name}: cannot write (${(e as NodeJS.ErrnoException).code ?? "error"})`);
	}
}
