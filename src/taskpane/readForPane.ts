/**
 * Step ②'s view of the monthly data: every column with what it was read as and what the analyst chose, the
 * conflicts between columns given one meaning, and the read itself. A conflict never hides the step: the
 * conflicting column is left out of the read (so the rest still reads and previews) and shown with the ways
 * out on the column the analyst changed.
 */
import { readMonthlyInputs, type MonthlyInputs } from "../engine/read/readInputs";
import type { ColumnMeaning } from "../engine/metrics/headers";
import type { Grid } from "../engine/read/grid";
import { columnIndex } from "../engine/read/grid";
import { InputError, type Issue } from "../i18n/issues";
import { choiceOf, detectedMeaning, type ColumnChoice, type PaneOverride } from "./columnChoices";

export interface ColumnRow {
  header: string;
  headerAddress: string;
  /** What the reader recognised without an override. */
  detected: ColumnMeaning;
  /** What the column is read as now: the analyst's override, else `detected`. */
  choice: ColumnChoice;
  /** The analyst's override, if any (a meaning and/or a rule). */
  override?: PaneOverride;
}

export interface Conflict {
  /** The column the conflict is shown on: the one the analyst changed, else the later one. */
  header: string;
  address: string;
  otherHeader: string;
  otherAddress: string;
  choice: ColumnChoice;
}

export interface PaneRead {
  /** The data read with its targets, as every door reads them (the targets table's rules, 目标X columns). */
  result: MonthlyInputs | null;
  rows: ColumnRow[];
  conflicts: Conflict[];
  /** Problems other than conflicts (unreadable cells, no header). */
  error: InputError | unknown | null;
}

/** Rounds of "leave the conflicting column out and read again": each round resolves at least one column. */
const MAX_ROUNDS = 50;

function position(address: string): [number, number] {
  const match = /!\$?([A-Z]+)\$?(\d+)$/.exec(address);
  return match ? [Number(match[2]), columnIndex(match[1])] : [0, 0];
}

function byPosition(a: { headerAddress: string }, b: { headerAddress: string }): number {
  const [ra, ca] = position(a.headerAddress);
  const [rb, cb] = position(b.headerAddress);
  return ra - rb || ca - cb;
}

interface Attempt {
  result: MonthlyInputs | null;
  duplicates: Issue[];
  error: unknown | null;
}

/** Reads with `overrides`, leaving out each column that duplicates another's meaning until the rest reads. */
function readAround(grid: Grid, overrides: Record<string, PaneOverride>, targets?: Grid): Attempt {
  const left: Record<string, PaneOverride> = {};
  const duplicates: Issue[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      return { result: readMonthlyInputs(grid, targets, { overrides: { ...overrides, ...left } }), duplicates, error: null };
    } catch (error) {
      if (!(error instanceof InputError)) return { result: null, duplicates, error };
      const found = error.issues.filter((i) => i.code === "duplicateColumn");
      const others = error.issues.filter((i) => i.code !== "duplicateColumn");
      duplicates.push(...found);
      if (others.length > 0 || found.length === 0) return { result: null, duplicates, error: others.length > 0 ? new InputError(others) : error };
      for (const item of found) left[String(item.params.header)] = "ignore";
    }
  }
  return { result: null, duplicates, error: null };
}

/** Every column of the data in sheet order, with its address and recognised meaning (whatever the overrides). */
export function columnCensus(grid: Grid): Array<{ header: string; headerAddress: string; detected: ColumnMeaning }> {
  const attempt = readAround(grid, {});
  const columns = new Map<string, { header: string; headerAddress: string; detected: ColumnMeaning }>();
  for (const column of attempt.result?.table.columns ?? []) columns.set(column.header, { header: column.header, headerAddress: column.headerAddress, detected: column.meaning });
  for (const item of attempt.duplicates) {
    const header = String(item.params.header);
    if (!columns.has(header) && item.address) columns.set(header, { header, headerAddress: item.address, detected: detectedMeaning(header) });
  }
  return [...columns.values()].sort(byPosition);
}

export function readForPane(grid: Grid, census: ReturnType<typeof columnCensus>, overrides: Record<string, PaneOverride>, lastChanged: string | null, targets?: Grid): PaneRead {
  const attempt = readAround(grid, overrides, targets);
  const rows: ColumnRow[] = census.map((c) => ({ ...c, choice: choiceOf(overrides[c.header], c.detected), override: overrides[c.header] }));
  const headerAt = (address: string) => census.find((c) => c.headerAddress === address)?.header ?? address;
  const conflicts = attempt.duplicates.map((item): Conflict => {
    const later = { header: String(item.params.header), address: item.address ?? "" };
    const earlier = { header: headerAt(String(item.params.first)), address: String(item.params.first) };
    const [shown, other] = earlier.header === lastChanged ? [earlier, later] : [later, earlier];
    const row = rows.find((r) => r.header === shown.header);
    return { header: shown.header, address: shown.address, otherHeader: other.header, otherAddress: other.address, choice: row?.choice ?? detectedMeaning(shown.header) };
  });
  return { result: attempt.error ? null : attempt.result, rows, conflicts, error: attempt.error };
}
