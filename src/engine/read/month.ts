/**
 * Calendar months as integers (year * 12 + month - 1), so that "one year earlier" is `m - 12` and a
 * period is a contiguous integer range. Reading accepts every form of domain.md and nothing vague:
 * a month without a year is rejected, not guessed.
 */
import { readLabel, toHalfWidth, unwrapCell, type CellInput } from "./cellValue";

export type Month = number;

export function makeMonth(year: number, month1to12: number): Month {
  return year * 12 + (month1to12 - 1);
}

export function monthYear(m: Month): number {
  return Math.floor(m / 12);
}

/** 1..12 */
export function monthOfYear(m: Month): number {
  return (m % 12) + 1;
}

/** `2025-01` */
export function formatMonth(m: Month): string {
  return `${monthYear(m)}-${String(monthOfYear(m)).padStart(2, "0")}`;
}

/** Months from..to inclusive. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

const MONTH_NAMES = "january february march april may june july august september october november december".split(" ");

/** `jan`, `sept`, `january` → 1-based month; anything else → -1. */
function monthNameIndex(name: string): number {
  if (name.length < 3) return -1;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(name));
  return index < 0 ? -1 : index + 1;
}

/**
 * Days since 1970-01-01 of an Excel serial (the time of day dropped). Excel's serial day 1 is 1900-01-01 and it
 * counts the nonexistent 1900-02-29; serial 25569 is 1970-01-01. Plain arithmetic: no Date per cell.
 */
export function excelSerialToDay(serial: number): number {
  const days = Math.floor(serial);
  return (days < 60 ? days + 1 : days) - 25569;
}

export function excelSerialToDate(serial: number): Date {
  return new Date(excelSerialToDay(serial) * 86400000);
}

/** The Excel serial of a UTC calendar day (the inverse of excelSerialToDate for serials ≥ 61). */
export function dateToExcelSerial(date: Date): number {
  return Math.round(date.getTime() / 86400000) + 25569;
}

function valid(year: number, month: number): Month | null {
  if (!Number.isInteger(year) || !Number.isInteger(month)) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return makeMonth(year, month);
}

function validDay(year: number, month: number, day: number): Month | null {
  const m = valid(year, month);
  if (m === null) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? m : null;
}

/** Plausible Excel serials for a month label: 1950-01-01 .. 2100-12-31 (so a bare year such as 2025 is not a date). */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;

/**
 * Reads a month label: an Excel date or serial, `2025-01`, `2025/1`, `2025.1`, `2025年1月`, `Jan 2025`,
 * `January-2025`, `2025-01-01`, `202501`. Returns null when the cell is not a month.
 */
export function readMonth(cell: CellInput): Month | null {
  const raw = unwrapCell(cell);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : makeMonth(raw.getUTCFullYear(), raw.getUTCMonth() + 1);
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 190001 && raw <= 299912) return valid(Math.floor(raw / 100), raw % 100);
    if (raw >= MIN_SERIAL && raw <= MAX_SERIAL) {
      const d = excelSerialToDate(raw);
      return makeMonth(d.getUTCFullYear(), d.getUTCMonth() + 1);
    }
    return null;
  }
  if (typeof raw !== "string") return null;
  const text = toHalfWidth(raw).trim().toLowerCase();
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*月?$/.exec(text))) return valid(+match[1], +match[2]);
  if ((match = /^(\d{4})(\d{2})$/.exec(text))) return valid(+match[1], +match[2]);
  if ((match = /^(\d{4})(?:-|\/|\.)(\d{1,2})(?:-|\/|\.)(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(text))) {
    return validDay(+match[1], +match[2], +match[3]);
  }
  if ((match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text))) return validDay(+match[1], +match[2], +match[3]);
  if ((match = /^([a-z]{3,9})\.?[\s\-,/]*(\d{4})$/.exec(text)) || (match = /^(\d{4})[\s\-,/]*([a-z]{3,9})\.?$/.exec(text))) {
    const [name, year] = /^\d/.test(match[1]) ? [match[2], match[1]] : [match[1], match[2]];
    const month = monthNameIndex(name);
    return month < 0 ? null : valid(+year, month);
  }
  return null;
}

/** Parses a CLI/settings month `2025-06` strictly. */
export function parseMonthArgument(text: string): Month | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  return match ? valid(+match[1], +match[2]) : null;
}

/** True for labels that look like a month without a year (`1月`, `Jan`): reported, never guessed. */
export function isYearlessMonth(cell: CellInput): boolean {
  const text = readLabel(cell).toLowerCase();
  return /^\d{1,2}\s*月$/.test(text) || monthNameIndex(text.replace(/\.$/, "")) > 0;
}
