/**
 * What Excel does with a string written through `Range.values` or `Range.formulas`: it parses it like typed
 * input. `2025-01` becomes a date, `00123` the number 123, a 16+ digit id loses its digits past the 15th,
 * `=x`, `+x`, `-x` and `@x` become formulas, `TRUE` a boolean. Text stays text only when the cell is formatted
 * `@` before the write, or when it starts with an apostrophe (which Excel keeps as a prefix, not as content).
 * Used by the strict fake host (test/helpers/fakeExcel.ts).
 */
export type TypedCell =
  | { type: "text"; value: string }
  | { type: "number"; value: number; format?: string }
  | { type: "boolean"; value: boolean }
  | { type: "formula"; value: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const CHINESE_DAY = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;

/** Excel keeps 15 significant digits. */
function fifteenDigits(n: number): number {
  return Number(n.toPrecision(15));
}

/** The serial number of a date (1900 date system), or null when it is no date. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return null;
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms / 86400000 + 25569;
}

function asDate(text: string): TypedCell | null {
  let m = ISO_MONTH.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), 1);
    return serial === null ? null : { type: "number", value: serial, format: "mmm-yy" };
  }
  m = ISO_DAY.exec(text) ?? CHINESE_DAY.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
    return serial === null ? null : { type: "number", value: serial, format: "yyyy-mm-dd" };
  }
  m = US_DAY.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    return serial === null ? null : { type: "number", value: serial, format: "m/d/yyyy" };
  }
  return null;
}

/** How Excel stores `input` written into a cell whose number format is `format`. */
export function typeIn(input: string | number | boolean | null | undefined, format = "General"): TypedCell | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number") return { type: "number", value: input };
  if (typeof input === "boolean") return { type: "boolean", value: input };
  if (format === "@") return { type: "text", value: input };
  if (input.startsWith("'")) return { type: "text", value: input.slice(1) };
  const text = input.trim();
  if (input.startsWith("=") && input.length > 1) return { type: "formula", value: input };
  if (NUMBER.test(text)) return { type: "number", value: fifteenDigits(Number(text)) };
  if (THOUSANDS.test(text)) return { type: "number", value: fifteenDigits(Number(text.replace(/,/g, ""))) };
  if (PERCENT.test(text)) return { type: "number", value: Number(text.slice(0, -1)) / 100, format: "0%" };
  if (/^(true|false)$/i.test(text)) return { type: "boolean", value: text.toLowerCase() === "true" };
  const date = asDate(text);
  if (date) return date;
  if (/^[+\-@]./.test(input)) return { type: "formula", value: `=${input.startsWith("@") ? input.slice(1) : input}` };
  return { type: "text", value: input };
}
