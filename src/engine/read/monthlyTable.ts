/**
 * Turns a grid of monthly figures into a typed table. Long layout (a row per month) and wide layout
 * (a column per month) are both recognised, below any title rows; a total row or column (合计/全年)
 * is checked, not added. Every cell that cannot be read and every duplicated or missing month is
 * reported with its address; nothing is guessed.
 */
import { isBlank, readLabel, readNumber, type CellInput } from "./cellValue";
import { cellAddress, cellAt, rangeAddress, type Grid } from "./grid";
import { formatMonth, isYearlessMonth, readMonth, type Month } from "./month";
import { catalogEntry } from "../metrics/catalog";
import { parseHeader, recogniseColumn, type ColumnMeaning } from "../metrics/headers";
import { InputError, issue, type Issue } from "../../i18n/issues";

export interface MonthlyColumn {
  /** The header as written, e.g. `GMV(万元)`. */
  header: string;
  /** Address of the header cell. */
  headerAddress: string;
  meaning: ColumnMeaning;
  /** Multiplier from the header unit, already applied to `values`. */
  scale: number;
  /** Aligned with `MonthlyTable.months`; null is a missing value, never zero. */
  values: (number | null)[];
  /** Address of each value's cell, aligned with `months`. */
  cells: string[];
  /**
   * For a count that does not add up over months (distinct buyers built from an order list), its exact value
   * over a set of months; period values use it instead of the sum of the months.
   */
  periodTotal?: (months: readonly Month[]) => number | null;
}

export interface MonthlyTable {
  sheet: string;
  layout: "long" | "wide";
  /** Ascending, unique. */
  months: Month[];
  columns: MonthlyColumn[];
}

export interface ReadMonthlyOptions {
  /** Override what a column means, keyed by its header as written; "ignore" leaves it out. */
  overrides?: Record<string, ColumnMeaning | "ignore">;
}

export interface ReadMonthlyResult {
  table: MonthlyTable;
  warnings: Issue[];
}

const METRIC_LABEL_HEADER = /^(?:指标|指标名称|项目|kpi|metric|metrics|item)$/i;
const MONTH_HEADER = /^(?:月份|月|年月|日期|时间|期间|统计月份|统计周期|month|date|period|time)$/i;
const TOTAL_LABEL = /^(?:合计|总计|全年|总和|年度合计|汇总|total|sum|ytd|full year)$/i;
const HEADER_SCAN_ROWS = 10;

interface RawColumn {
  header: string;
  headerAddress: string;
  meaning: ColumnMeaning;
  scale: number;
  /** Grid cells in month order of the raw layout. */
  cells: Array<{ value: CellInput; row: number; col: number }>;
  total?: { value: CellInput; row: number; col: number };
}

interface RawMonth {
  month: Month;
  address: string;
}

function rowCount(grid: Grid): number {
  return grid.values.length;
}

function colCount(grid: Grid): number {
  return grid.values.reduce((max, row) => Math.max(max, row.length), 0);
}

type Layout = { kind: "long"; headerRow: number; monthCol: number } | { kind: "wide"; headerRow: number; monthCols: number[] };

function detectLayout(grid: Grid): Layout | null {
  const rows = Math.min(rowCount(grid), HEADER_SCAN_ROWS);
  const cols = colCount(grid);
  for (let r = 0; r < rows; r++) {
    const filled: number[] = [];
    for (let c = 0; c < cols; c++) if (!isBlank(cellAt(grid, r, c))) filled.push(c);
    if (filled.length < 2) continue;
    const monthCols = filled.filter((c) => readMonth(cellAt(grid, r, c)) !== null || isYearlessMonth(cellAt(grid, r, c)));
    const labelled = filled.some((c) => METRIC_LABEL_HEADER.test(readLabel(cellAt(grid, r, c))));
    if (monthCols.length >= 2 || (monthCols.length === 1 && labelled)) return { kind: "wide", headerRow: r, monthCols };
    const named = filled.find((c) => MONTH_HEADER.test(readLabel(cellAt(grid, r, c))));
    if (named !== undefined) return { kind: "long", headerRow: r, monthCol: named };
    const byContent = filled.find((c) => {
      const below = cellAt(grid, r + 1, c);
      return readMonth(cellAt(grid, r, c)) === null && (readMonth(below) !== null || isYearlessMonth(below));
    });
    if (byContent !== undefined) return { kind: "long", headerRow: r, monthCol: byContent };
  }
  return null;
}

function meaningFor(header: string, options: ReadMonthlyOptions): { meaning: ColumnMeaning; scale: number } | null {
  const override = options.overrides?.[header];
  const parsed = parseHeader(header);
  if (override === "ignore") return null;
  return { meaning: override ?? recogniseColumn(parsed), scale: parsed.scale };
}

function readMonthLabel(grid: Grid, row: number, col: number, errors: Issue[]): Month | "total" | null {
  const cell = cellAt(grid, row, col);
  const month = readMonth(cell);
  if (month !== null) return month;
  const label = readLabel(cell);
  if (TOTAL_LABEL.test(label)) return "total";
  const address = cellAddress(grid, row, col);
  if (isYearlessMonth(cell)) errors.push(issue("yearlessMonth", address, { text: label }));
  else errors.push(issue("badMonth", address, { text: label }));
  return null;
}

function collectLong(grid: Grid, layout: Extract<Layout, { kind: "long" }>, options: ReadMonthlyOptions, errors: Issue[]) {
  const columns: RawColumn[] = [];
  const dataCols: number[] = [];
  const months: RawMonth[] = [];
  const cols = colCount(grid);
  for (let c = 0; c < cols; c++) {
    if (c === layout.monthCol) continue;
    const header = readLabel(cellAt(grid, layout.headerRow, c));
    const meaning = header === "" ? null : meaningFor(header, options);
    if (!meaning) continue;
    columns.push({ header, headerAddress: cellAddress(grid, layout.headerRow, c), ...meaning, cells: [] });
    dataCols.push(c);
  }
  for (let r = layout.headerRow + 1; r < rowCount(grid); r++) {
    const hasData = dataCols.some((c) => !isBlank(cellAt(grid, r, c)));
    if (!hasData && readMonth(cellAt(grid, r, layout.monthCol)) === null) continue; // a blank or note row carries no figures
    const label = readMonthLabel(grid, r, layout.monthCol, errors);
    if (label === null) continue;
    dataCols.forEach((c, i) => {
      const cell = { value: cellAt(grid, r, c), row: r, col: c };
      if (label === "total") columns[i].total = cell;
      else columns[i].cells.push(cell);
    });
    if (label !== "total") months.push({ month: label, address: cellAddress(grid, r, layout.monthCol) });
  }
  return { columns, months };
}

function collectWide(grid: Grid, layout: Extract<Layout, { kind: "wide" }>, options: ReadMonthlyOptions, errors: Issue[]) {
  const columns: RawColumn[] = [];
  const months: RawMonth[] = [];
  const cols = colCount(grid);
  // The metric names stand in the leftmost column before the first month that holds any label.
  let labelCol = -1;
  for (let c = 0; c < layout.monthCols[0] && labelCol < 0; c++) {
    for (let r = layout.headerRow + 1; r < rowCount(grid); r++) if (!isBlank(cellAt(grid, r, c))) labelCol = c;
  }
  const valueCols: number[] = [];
  let totalCol: number | undefined;
  for (let c = layout.monthCols[0]; c < cols; c++) {
    const cell = cellAt(grid, layout.headerRow, c);
    if (isBlank(cell)) continue;
    const label = readMonthLabel(grid, layout.headerRow, c, errors);
    if (label === "total") totalCol = c;
    else if (label !== null) {
      valueCols.push(c);
      months.push({ month: label, address: cellAddress(grid, layout.headerRow, c) });
    }
  }
  if (labelCol < 0) return { columns, months };
  for (let r = layout.headerRow + 1; r < rowCount(grid); r++) {
    const header = readLabel(cellAt(grid, r, labelCol));
    const hasData = valueCols.some((c) => !isBlank(cellAt(grid, r, c)));
    if (header === "") {
      if (hasData) errors.push(issue("noHeader", cellAddress(grid, r, labelCol)));
      continue;
    }
    const meaning = meaningFor(header, options);
    if (!meaning) continue;
    columns.push({
      header,
      headerAddress: cellAddress(grid, r, labelCol),
      ...meaning,
      cells: valueCols.map((c) => ({ value: cellAt(grid, r, c), row: r, col: c })),
      total: totalCol === undefined ? undefined : { value: cellAt(grid, r, totalCol), row: r, col: totalCol },
    });
  }
  return { columns, months };
}

function meaningLabel(meaning: ColumnMeaning): string {
  switch (meaning.kind) {
    case "metric":
      return meaning.key;
    case "channel":
      return `${meaning.channel}:${meaning.measure}`;
    case "custom":
      return `custom:${meaning.name}`;
  }
}

function isSummed(meaning: ColumnMeaning): boolean {
  if (meaning.kind === "channel") return true;
  if (meaning.kind === "custom") return meaning.aggregation === "sum";
  const def = catalogEntry(meaning.key);
  return "aggregation" in def && def.aggregation === "sum";
}

function formatTotal(value: number): string {
  return Number(value.toPrecision(12)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** Reads a grid of monthly figures. Throws InputError listing every cell it cannot use. */
export function readMonthlyGrid(grid: Grid, options: ReadMonthlyOptions = {}): ReadMonthlyResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const layout = detectLayout(grid);
  if (!layout) throw new InputError([issue("noHeader", rangeAddress(grid))]);

  const { columns: raw, months: rawMonths } =
    layout.kind === "long" ? collectLong(grid, layout, options, errors) : collectWide(grid, layout, options, errors);
  if (rawMonths.length === 0 && errors.length === 0) errors.push(issue("noData", rangeAddress(grid)));

  const firstSeen = new Map<string, RawColumn>();
  for (const column of raw) {
    const label = meaningLabel(column.meaning);
    const first = firstSeen.get(label);
    if (first) errors.push(issue("duplicateColumn", column.headerAddress, { header: column.header, first: first.headerAddress, metric: label }));
    else firstSeen.set(label, column);
  }

  const monthOrder = rawMonths.map((m, i) => ({ ...m, i })).sort((a, b) => a.month - b.month);
  for (let k = 1; k < monthOrder.length; k++) {
    const prev = monthOrder[k - 1];
    const cur = monthOrder[k];
    if (cur.month === prev.month) {
      const [first, second] = prev.i < cur.i ? [prev, cur] : [cur, prev];
      errors.push(issue("duplicateMonth", second.address, { month: formatMonth(cur.month), first: first.address }));
    } else if (cur.month > prev.month + 1) {
      const gap = cur.month === prev.month + 2 ? formatMonth(prev.month + 1) : `${formatMonth(prev.month + 1)}..${formatMonth(cur.month - 1)}`;
      warnings.push(issue("missingMonth", cur.address, { month: gap }));
    }
  }

  // A custom column holding only text (备注, notes) carries no figures: it is left out, and said so.
  const textOnly = (column: RawColumn) =>
    column.meaning.kind === "custom" &&
    column.cells.some((c) => !isBlank(c.value)) &&
    column.cells.every((c) => readNumber(c.value).kind !== "number");
  for (const column of raw.filter(textOnly)) warnings.push(issue("textColumnIgnored", column.headerAddress, { header: column.header }));

  const columns: MonthlyColumn[] = raw.filter((column) => !textOnly(column)).map((column) => {
    const values: (number | null)[] = [];
    const cells: string[] = [];
    for (const { i } of monthOrder) {
      const cell = column.cells[i];
      const address = cellAddress(grid, cell.row, cell.col);
      const read = readNumber(cell.value, column.scale);
      if (read.kind === "invalid") errors.push(issue("badNumber", address, { text: read.text }));
      values.push(read.kind === "number" ? read.value : null);
      cells.push(address);
    }
    if (column.total && isSummed(column.meaning)) {
      const total = readNumber(column.total.value, column.scale);
      const address = cellAddress(grid, column.total.row, column.total.col);
      if (total.kind === "invalid") errors.push(issue("badNumber", address, { text: total.text }));
      if (total.kind === "number") {
        const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
        if (Math.abs(total.value - sum) > Math.max(1e-6 * Math.abs(sum), 0.5 * column.scale)) {
          warnings.push(issue("totalMismatch", address, { total: formatTotal(total.value), sum: formatTotal(sum) }));
        }
      }
    }
    return { header: column.header, headerAddress: column.headerAddress, meaning: column.meaning, scale: column.scale, values, cells };
  });

  if (errors.length > 0) throw new InputError(errors);
  const unique = monthOrder.map((m) => m.month);
  return { table: { sheet: grid.sheet, layout: layout.kind, months: unique, columns }, warnings };
}
