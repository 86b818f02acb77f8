/**
 * Files the command line writes (domain.md, "Files the command line writes"): checked before any work is done
 * (extension, folder, never onto an input, an existing file replaced only when this tool wrote it or with
 * --force), then written to a temporary file beside the target and renamed into place once complete, so a
 * failure half-way (disk full, a file-size limit) leaves the old file intact. Problems are one-line messages.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants, type Stats } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { issue, formatIssue, type Issue, type IssueCode, type Lang } from "../i18n/issues";
import { hasOwnMark } from "../xlsx/ownMark";

export type OutputKind = "xlsx" | "csv";

/** A problem with an output file: exit code 2 for what the user asked (fix the command), 1 for the system. */
export class OutputFileError extends Error {
  constructor(
    readonly problem: Issue,
    readonly exitCode: 1 | 2,
  ) {
    super(formatIssue(problem, "en"));
    this.name = "OutputFileError";
  }
  format(lang: Lang): string {
    return formatIssue(this.problem, lang);
  }
}

export interface OutputCheck {
  kind: OutputKind;
  /** Files the command reads: never written over. */
  inputs: string[];
  /** Replace an existing file this tool did not write. */
  force?: boolean;
  /** For a CSV: the first line that marks a file this tool wrote. */
  csvHeader?: string;
}

/** A target that passed the checks; write it with writeOutputFile. */
export interface OutputTarget {
  path: string;
  kind: OutputKind;
}

function fail(code: IssueCode, path: string, exitCode: 1 | 2, params: Record<string, string> = {}): never {
  throw new OutputFileError(issue(code, path, params), exitCode);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Whether an existing file was written by this tool: the workbook mark, or a CSV's own header line. */
async function writtenByUs(path: string, check: OutputCheck): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false;
  }
  if (check.kind === "xlsx") return hasOwnMark(bytes);
  if (!check.csvHeader) return false;
  const firstLine = bytes.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0];
  return firstLine === check.csvHeader;
}

/** Checks an output path before the work starts; throws OutputFileError with a one-line message. */
export async function checkOutputFile(path: string, check: OutputCheck): Promise<OutputTarget> {
  const target = resolve(path);
  const stat = statOrNull(target);
  if (stat?.isDirectory()) fail("outputIsFolder", path, 2, { example: join(path, `review.${check.kind}`) });
  if (extname(target).toLowerCase() !== `.${check.kind}`) fail("outputExtension", path, 2, { ext: `.${check.kind}` });
  const folder = dirname(target);
  const folderStat = statOrNull(folder);
  if (!folderStat) fail("outputFolderMissing", path, 1, { folder });
  if (!folderStat.isDirectory()) fail("outputNotFolder", path, 1, { folder });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    fail("outputPermission", path, 1, { folder });
  }
  if (stat) {
    // The same file under another name (a symbolic or hard link, `./in.xlsx`) is the same device and inode.
    for (const input of check.inputs) {
      const inputStat = statOrNull(resolve(input));
      if (inputStat && inputStat.dev === stat.dev && inputStat.ino === stat.ino) fail("outputIsInput", path, 2);
    }
    if (!check.force && !(await writtenByUs(target, check))) fail("outputForeign", path, 2);
  }
  return { path: target, kind: check.kind };
}

/** The system's error code (ENOSPC, EFBIG …: the message names it in the analyst's language), else its message. */
function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Writes the parts to a temporary file beside the target and renames it into place. The parts are written as
 * they come (a generator of text or bytes), so a long CSV never sits in memory whole.
 */
export function writeOutputFile(target: OutputTarget, parts: Iterable<string | Uint8Array>): void {
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // A file-size limit (ulimit -f) would otherwise kill the process with SIGXFSZ; ignored, the write fails with EFBIG.
  const ignore = () => undefined;
  const watchSignal = process.platform !== "win32";
  if (watchSignal) process.on("SIGXFSZ", ignore);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, "wx", 0o644);
    for (const part of parts) {
      const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target.path);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") fail("outputPermission", target.path, 1, { folder: dirname(target.path) });
    fail("outputWriteFailed", target.path, 1, { reason: reasonOf(error) });
  } finally {
    if (watchSignal) process.removeListener("SIGXFSZ", ignore);
  }
}
