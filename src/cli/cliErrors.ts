/**
 * The command line's own errors, reported as one line: in a module of their own so that catching them
 * (main.ts) or throwing them (options, engine choice) loads neither the monthly reader nor the grid reader.
 */

/** A wrong argument or option. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A file that cannot be opened or read as it is (missing, a legacy .xls, …). */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputFileError";
  }
}
