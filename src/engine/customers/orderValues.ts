/**
 * Single values of an order list, shared by the grid reader and the fast delimited-text reader so that both
 * read every cell the same way: amounts as integers in a decimal unit (money is summed exactly), dates as day
 * numbers, slash dates as pending codes until the column settles day-first or month-first.
 */
import { readNumber, toHalfWidth, unwrapCell, type CellInput } from "../read/cellValue";
import { excelSerialToDay } from "../read/month";

/** The finest unit amounts are kept in: 10⁻⁶ of the currency. Finer digits are rounded (and the output says so). */
export const MAX_DECIMALS = 6;
export const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
/** Exact integers in a double: mantissas above this are read through the double route. */
const MAX_MANTISSA = 999_999_999_999_999; // 15 digits

/** An ASCII whitespace byte (space, tab, line feed, vertical tab, form feed, carriage return), as String.trim drops. */
export function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/** An amount as an integer count of 10^-decimals units. */
export interface MinorAmount {
  minor: number;
  decimals: number;
  /** The value had more than MAX_DECIMALS decimals and was rounded to them (the output says so). */
  rounded?: boolean;
}

const DAY_MS = 86400000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil), or null if the date does not exist. */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * A slash date `a/b/yyyy` whose parts could be day/month either way is kept as this code (yyyy·10000 + a·100 + b,
 * always ≥ PENDING_SLASH) until the column settles the order; real day numbers stay far below it.
 */
export const PENDING_SLASH = 10_000_000;

export type DateFormat = "dmy" | "mdy";

/** What a slash date says about its column: read day-first only, month-first only, or either way. */
export const enum SlashEvidence {
  None = 0,
  DayFirst = 1,
  MonthFirst = 2,
}

/** Evidence carried by a pending code or a settled slash date: which orders of its parts exist as dates. */
export function slashEvidence(a: number, b: number, year: number): SlashEvidence {
  const dmy = dayFromParts(year, b, a) !== null;
  const mdy = dayFromParts(year, a, b) !== null;
  if (dmy && !mdy) return SlashEvidence.DayFirst;
  if (mdy && !dmy) return SlashEvidence.MonthFirst;
  return SlashEvidence.None;
}

/** Resolves a pending slash code in the settled order (null if that date does not exist). */
export function resolveSlash(code: number, format: DateFormat): number | null {
  const year = Math.floor(code / 10000);
  const a = Math.floor(code / 100) % 100;
  const b = code % 100;
  return format === "dmy" ? dayFromParts(year, b, a) : dayFromParts(year, a, b);
}

/** Digits of text[start, end) as a number, or -1 if any is not a digit. No allocation. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const ISO_DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:[ T]|(?<=日))\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$/; // the date as written, whatever the offset
const SLASH_DATE_TIME = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]M)?)?$/i;

/**
 * Day number of a date typed as text (trimmed): `1997-01-01`, `1997/1/1`, `1997年1月1日`, `19970101`, with or
 * without a time, an Excel serial; `4/1/2025` (day and month in either order) as a pending code the caller
 * settles with `format` or from the column. Null when it is not a date.
 */
export function readDayText(text: string, format?: DateFormat): number | null {
  if (text.length === 10) {
    const sep = text.charCodeAt(4);
    if ((sep === 45 || sep === 47) && text.charCodeAt(7) === sep) {
      const year = digits(text, 0, 4);
      const month = digits(text, 5, 7);
      const day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) return dayFromParts(year, month, day);
    }
  }
  if (text.length === 8) {
    const year = digits(text, 0, 4);
    if (year >= 0 && digits(text, 4, 8) >= 0) return dayFromParts(year, digits(text, 4, 6), digits(text, 6, 8));
  }
  // Full-width digits and separators (２０２５-０１-０５, an ideographic space before the time) read as their ASCII.
  if (FULL_WIDTH.test(text)) text = toHalfWidth(text).trim();
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return dayFromParts(+iso[1], +iso[2], +iso[3]);
  const slash = SLASH_DATE_TIME.exec(text);
  if (slash) {
    const a = +slash[1];
    const b = +slash[2];
    const year = +slash[3];
    if (format) return resolveSlash(year * 10000 + a * 100 + b, format);
    const dmy = dayFromParts(year, b, a) !== null;
    const mdy = dayFromParts(year, a, b) !== null;
    if (!dmy && !mdy) return null;
    if (dmy && mdy && a === b) return dayFromParts(year, a, b); // 3/3/2025 reads the same either way
    return year * 10000 + a * 100 + b;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return readDayNumber(Number(text));
  return null;
}

/** An Excel serial or a yyyymmdd number. */
function readDayNumber(raw: number): number | null {
  if (Number.isInteger(raw) && raw >= 19000101 && raw <= 29991231) return dayFromParts(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
  if (raw >= 1 && raw < 2958466) return excelSerialToDay(raw);
  return null;
}

/** Day number of a date cell: Excel date or serial, or text as readDayText reads it. */
export function readDay(cell: CellInput, format?: DateFormat): number | null {
  const raw = unwrapCell(cell);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : Math.floor(raw.getTime() / DAY_MS);
  if (typeof raw === "number") return readDayNumber(raw);
  if (typeof raw !== "string") return null;
  return readDayText(raw.trim(), format);
}

/**
 * A double as an integer count of its smallest decimal unit: the fewest decimals (up to MAX_DECIMALS) that hold
 * it to within binary noise (52.870000000000005 is 5287 cents), else rounded to MAX_DECIMALS.
 */
export function minorOfNumber(value: number): MinorAmount {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const scaled = value * POW10[d];
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) <= Math.abs(scaled) * 1.8e-15) return { minor: rounded === 0 ? 0 : rounded, decimals: d };
  }
  return { minor: Math.round(value * POW10[MAX_DECIMALS]), decimals: MAX_DECIMALS, rounded: true };
}

/**
 * `[+-]digits[.digits]` read exactly into (mantissa, decimals), trailing zero decimals dropped; null when the
 * text is anything else or too long to be exact (then the double route decides). The byte reader mirrors this.
 */
export function exactDecimal(text: string): MinorAmount | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (i < n && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 43)) {
    negative = text.charCodeAt(i) === 45;
    i++;
  }
  let mantissa = 0;
  let seenDigit = false;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (decimals >= 0) return null;
      decimals = 0;
      continue;
    }
    const v = c - 48;
    if (v < 0 || v > 9) return null;
    seenDigit = true;
    if (decimals >= 0) decimals++;
    mantissa = mantissa * 10 + v;
    if (mantissa > MAX_MANTISSA) return null;
  }
  return seenDigit ? settleDecimal(mantissa, decimals < 0 ? 0 : decimals, negative) : null;
}

/** Drops trailing zero decimals; null beyond MAX_DECIMALS (the double route rounds those). */
export function settleDecimal(mantissa: number, decimals: number, negative: boolean): MinorAmount | null {
  while (decimals > 0 && mantissa % 10 === 0) {
    mantissa /= 10;
    decimals--;
  }
  if (decimals > MAX_DECIMALS) return null;
  return { minor: negative && mantissa !== 0 ? -mantissa : mantissa, decimals };
}

/** An amount typed as text (trimmed): exact decimals, else any number the cell reader accepts (`¥1,234.50`, `3.5万`). */
export function amountFromText(text: string): MinorAmount | null {
  const exact = exactDecimal(text);
  if (exact) return exact;
  if (text === "") return null;
  const quick = Number(text);
  if (Number.isFinite(quick)) return minorOfNumber(quick);
  const read = readNumber(text);
  return read.kind === "number" ? minorOfNumber(read.value) : null;
}

/** An amount cell: numbers by minorOfNumber, text by amountFromText. */
export function readAmount(cell: CellInput): MinorAmount | null {
  const raw = unwrapCell(cell);
  if (typeof raw === "number") return Number.isFinite(raw) ? minorOfNumber(raw) : null;
  if (typeof raw === "string") return amountFromText(raw.trim());
  return null;
}

/**
 * A line amount as unit price × quantity, exactly in minor units (2.55 × 6 = 1530 cents): the product of the
 * two mantissas with the decimals added, trailing zeros dropped; rounded to MAX_DECIMALS, or through doubles
 * only where the product is beyond exact integers.
 */
export function multiplyAmounts(price: MinorAmount, quantity: MinorAmount): MinorAmount {
  const minor = price.minor * quantity.minor;
  const decimals = price.decimals + quantity.decimals;
  if (Math.abs(minor) <= Number.MAX_SAFE_INTEGER) {
    const settled = settleDecimal(Math.abs(minor), decimals, minor < 0);
    if (settled) return settled;
  }
  return minorOfNumber((price.minor / POW10[price.decimals]) * (quantity.minor / POW10[quantity.decimals]));
}

/**
 * An id as exported with Excel's text guard (`="00123"`, so that Excel keeps the zeros; Taobao/Tmall order
 * numbers come so): the text inside. Both readers use this rule, so guarded and plain ids are one id.
 */
export function unguardId(text: string): string {
  return text.length > 3 && text.charCodeAt(0) === 61 && text.charCodeAt(1) === 34 && text.charCodeAt(text.length - 1) === 34 ? text.slice(2, -1) : text;
}

/** A quantity (units bought) as a plain number; NaN when blank or unreadable (it is optional). */
export function quantityFromText(text: string): number {
  if (text === "") return NaN;
  const quick = Number(text);
  if (Number.isFinite(quick)) return quick;
  const read = readNumber(text);
  return read.kind === "number" ? read.value : NaN;
}

export function readQuantity(cell: CellInput): number {
  const raw = unwrapCell(cell);
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw === "string") return quantityFromText(raw.trim());
  return NaN;
}

/** Month index (year × 12 + month − 1) of a day number, without a Date object. */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoToDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayFromParts(+match[1], +match[2], +match[3]) : null;
}
