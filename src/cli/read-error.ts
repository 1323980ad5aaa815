/** How a file that cannot be read is named to the user: our words for the errno codes, never the code. */

const WORDING: Record<string, string> = {
	ENOENT: "no such file",
	EISDIR: "is a directory",
	ENOTDIR: "a part of the path is not a directory",
	EACCES: "permission denied",
	EPERM: "permission denied",
	ELOOP: "too many symbolic links",
	ENAMETOOLONG: "name too long",
	EMFILE: "too many open files",
	ENFILE: "too many open files",
	EIO: "input/output error",
	ENXIO: "no such device",
	ENODEV: "no such device",
	EAGAIN: "not ready, try again",
	EBUSY: "busy",
};

/** The reason shown after "FILE: cannot read" for a Node file-system error code. */
export function readErrorWording(code: string | undefined): string {
	return (code && WORDING[code]) || "read error";
}
