/**
 * Turning what Excel passes to a custom function into engine values, and engine refusals into
 * `CustomFunctions.Error`s with a message in the workbook's language. Blank cells are missing, never zero;
 * text such as `28.6亿` or `12.5%` reads as the engine's reader reads it.
 */
import { readNumber } from "../engine/read/cellValue";
import { functionMessage, type FunctionMessageKey } from "../i18n/functionMessages";
import { langFromLocale } from "../i18n/strings";
import type { Lang } from "../i18n/issues";

/**
 * The error codes a function returns: only those whose message Excel shows. The custom-functions runtime drops
 * the message of #DIV/0! and #NUM! (it keeps those of #VALUE! and #N/A), so a division by zero or an impossible
 * number is #VALUE! with a message that says why.
 */
export type ErrorKind = "value" | "na";

/** The workbook's display language, Chinese for zh-*; English outside Office (tests, the CLI). */
export function workbookLang(): Lang {
  try {
    return langFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en";
  }
}

/** Throws the error a cell shows, #VALUE! or #N/A, with a message in the workbook's language. */
export function fail(kind: ErrorKind, key: FunctionMessageKey, params: Record<string, string | number> = {}): never {
  const message = functionMessage(key, workbookLang(), params);
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const code = kind === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    throw new CustomFunctions.Error(code, message);
  }
  throw new FunctionError(kind, message);
}

/** Stand-in for CustomFunctions.Error where the runtime is absent (unit tests). */
export class FunctionError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** A single number argument; blank or missing → null. */
export function optionalNumber(value: unknown, name: string): number | null {
  const cell = Array.isArray(value) ? value[0]?.[0] : value;
  const read = readNumber(cell);
  if (read.kind === "invalid") fail("value", "notANumber", { name, text: read.text });
  return read.kind === "number" ? read.value : null;
}

/** A number argument that must be there. */
export function requiredNumber(value: unknown, name: string): number {
  const read = optionalNumber(value, name);
  if (read === null) fail("na", "missingArgument", { name });
  return read;
}

/** A range argument as a flat list of numbers in reading order; blanks are left out. */
export function numbersOf(range: unknown, name: string): number[] {
  const rows: unknown[][] = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const out: number[] = [];
  for (const row of rows) {
    for (const cell of Array.isArray(row) ? row : [row]) {
      const read = readNumber(cell);
      if (read.kind === "invalid") fail("value", "notANumber", { name, text: read.text });
      if (read.kind === "number") out.push(read.value);
    }
  }
  return out;
}

/** TRUE/FALSE, 1/0, "lower"/"越低越好" and blanks (→ fallback). */
export function optionalFlag(value: unknown, fallback: boolean): boolean {
  const cell = Array.isArray(value) ? value[0]?.[0] : value;
  if (cell === null || cell === undefined || cell === "") return fallback;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  const text = String(cell).trim().toLowerCase();
  if (["true", "yes", "1", "lower", "越低越好", "是"].includes(text)) return true;
  if (["false", "no", "0", "higher", "越高越好", "否"].includes(text)) return false;
  return fail("value", "notAFlag", { text: String(cell) });
}
