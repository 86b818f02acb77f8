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

/** A month, and the day of the month when the label names a day (a date, `2025-01-15`), else null. */
export interface MonthDay {
  month: Month;
  day: number | null;
}

function fromUtcDate(date: Date): MonthDay | null {
  if (Number.isNaN(date.getTime())) return null;
  return { month: makeMonth(date.getUTCFullYear(), date.getUTCMonth() + 1), day: date.getUTCDate() };
}

function dayOf(year: number, month: number, day: number): MonthDay | null {
  const m = validDay(year, month, day);
  return m === null ? null : { month: m, day };
}

function monthOnly(m: Month | null): MonthDay | null {
  return m === null ? null : { month: m, day: null };
}

/** `24` → 2024; four-digit years as they are. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * Reads a month or a day label: an Excel date or serial (also typed as text, as a CSV holds it), `2025-01`,
 * `2025/1`, `2025.1`, `2025年1月`, `24年1月`, `2025年1月份`, `Jan 2025`, `Jan-24`, `2025-01-01`, `202501`, `20250101`, and
 * `2024.01` stored as a number. Returns null when the cell is neither.
 */
export function readMonthDay(cell: CellInput): MonthDay | null {
  const raw = unwrapCell(cell);
  if (raw instanceof Date) return fromUtcDate(raw);
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 190001 && raw <= 299912) return monthOnly(valid(Math.floor(raw / 100), raw % 100));
    // `20250115` (a compact date as database and platform exports write it, stored as a number in xlsx).
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 29991231) return dayOf(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
    if (raw >= MIN_SERIAL && raw <= MAX_SERIAL) return fromUtcDate(excelSerialToDate(raw));
    // `2024.01` typed into Excel is stored as the number 2024.01 (and `2024.10` as 2024.1).
    if (raw >= 1900 && raw < 3000 && !Number.isInteger(raw)) {
      const month = Math.round((raw - Math.floor(raw)) * 100);
      return Math.abs(Math.floor(raw) + month / 100 - raw) < 1e-9 ? monthOnly(valid(Math.floor(raw), month)) : null;
    }
    return null;
  }
  if (typeof raw !== "string") return null;
  const text = toHalfWidth(raw).trim().toLowerCase();
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:月份?)?$/.exec(text))) return monthOnly(valid(+match[1], +match[2]));
  if ((match = /^(\d{2})\s*年\s*(\d{1,2})\s*月份?$/.exec(text))) return monthOnly(valid(fullYear(match[1]), +match[2]));
  if ((match = /^(\d{4})(\d{2})$/.exec(text))) return monthOnly(valid(+match[1], +match[2]));
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return dayOf(+match[1], +match[2], +match[3]);
  if ((match = /^(\d{5})(?:\.\d+)?$/.exec(text)) && +match[1] >= MIN_SERIAL && +match[1] <= MAX_SERIAL) return fromUtcDate(excelSerialToDate(Number(text)));
  if ((match = /^(\d{4})(?:-|\/|\.)(\d{1,2})(?:-|\/|\.)(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(text))) {
    return dayOf(+match[1], +match[2], +match[3]);
  }
  if ((match = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(text))) return dayOf(+match[1], +match[2], +match[3]);
  if ((match = /^([a-z]{3,9})\.?[\s\-,/]*(\d{4}|\d{2})$/.exec(text)) || (match = /^(\d{4})[\s\-,/]*([a-z]{3,9})\.?$/.exec(text))) {
    const [name, year] = /^\d/.test(match[1]) ? [match[2], match[1]] : [match[1], match[2]];
    const month = monthNameIndex(name);
    return month < 0 ? null : monthOnly(valid(fullYear(year), month));
  }
  return null;
}

/** Reads a month label (a day label gives its month). Returns null when the cell is not a month. */
export function readMonth(cell: CellInput): Month | null {
  return readMonthDay(cell)?.month ?? null;
}

/** Days in a calendar month. */
export function daysInMonth(m: Month): number {
  return new Date(Date.UTC(monthYear(m), monthOfYear(m), 0)).getUTCDate();
}

/** True for a quarter label (`2025Q1`, `2025年第1季度`, `Q1 2025`, `2025年一季度`): quarterly data is refused. */
export function isQuarterLabel(cell: CellInput): boolean {
  const text = readLabel(cell).toLowerCase().replace(/\s+/g, "");
  return (
    /^(?:\d{2}|\d{4})年?[-/]?(?:q[1-4]|第?[1-4一二三四]季度?)$/.test(text) ||
    /^(?:q[1-4]|第?[1-4一二三四]季度)[-/]?(?:\d{2}|\d{4})年?$/.test(text)
  );
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
