/**
 * The command line's own errors, reported as one line: in a module of their own so that catching them
 * (main.ts) or throwing them (options, engine choice) loads neither the monthly reader nor the grid reader.
 */

import { formatIssue, type Issue, type Lang } from "../i18n/issues";

/** A wrong argument or option: a sentence, or an Issue worded in the analyst's language. */
export class UsageError extends Error {
  readonly problem: Issue | null;
  constructor(message: string | Issue) {
    super(typeof message === "string" ? message : formatIssue(message, "en"));
    this.problem = typeof message === "string" ? null : message;
    this.name = "UsageError";
  }
  format(lang: Lang): string {
    return this.problem ? formatIssue(this.problem, lang) : this.message;
  }
}

/** A file that cannot be opened or read as it is (missing, a legacy .xls, …). */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputFileError";
  }
}
