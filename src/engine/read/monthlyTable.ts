/**
 * Turns a grid of monthly figures into a typed table. Long layout (a row per month, or per day, or per month
 * and dimension member) and wide layout (a column per month) are recognised below any title rows; a total row
 * or column (合计/全年, `2025年合计`) is checked, not added. Every cell that cannot be read and every duplicated
 * or missing month is reported with its address; what is inferred (rules from names, percent numbers, daily
 * rows, a dimension) is said in the warnings. Nothing is guessed silently.
 */
import { isBlank, isFormulaWithoutValue, readLabel, readNumber, unwrapCell, type CellInput } from "./cellValue";
import { cellAddress, cellAt, rangeAddress, type Grid } from "./grid";
import { daysInMonth, formatMonth, isQuarterLabel, isYearlessMonth, monthYear, readMonthDay, type Month } from "./month";
import { parseHeader, recogniseColumn, UNIT_COLUMN_HEADER, withUnitCell, type ColumnMeaning, type ComparisonRole } from "../metrics/headers";
import { normaliseName } from "../metrics/catalog";
import { applyOverride, baseRule, isBoundedRate, meaningLabel, type ColumnOverride, type ColumnRule } from "./columnRules";
import { colCount, detectLayout, dimensionKind, rowCount, TOTAL_LABEL, type Layout } from "./tableLayout";
import { fillPreviousYear, formatTotal } from "./previousYearColumns";
import { combineDays, combineMembers, groupKey, groupRows, type RowKey } from "./combineRows";
import { InputError, issue, type Issue } from "../../i18n/issues";

export interface MonthlyColumn {
  /** The header as written, e.g. `GMV(万元)`. */
  header: string;
  /** Address of the header cell. */
  headerAddress: string;
  meaning: ColumnMeaning;
  /** Multiplier from the header unit (or percent numbers, 0.01), already applied to `values`. */
  scale: number;
  /** Aligned with `MonthlyTable.months`; null is a missing value, never zero. */
  values: (number | null)[];
  /** Address of each value's (first) cell, aligned with `months`. */
  cells: string[];
  /**
   * For a count that does not add up over months (distinct buyers built from an order list), its exact value
   * over a set of months; period values use it instead of the sum of the months.
   */
  periodTotal?: (months: readonly Month[]) => number | null;
  /** How the column combines, which way is better, and who decided. Absent on tables built by hand: then the catalog's. */
  rule?: ColumnRule;
  /** Plain numbers were read as percent numbers (5.2 is 5.2%). */
  percentNumbers?: boolean;
}

/** A comparison column (`目标GMV`, `去年GMV`, `GMV同比`): PL or PY of another column, or a figure to cross-check. */
export interface ComparisonColumn extends MonthlyColumn {
  meaning: Extract<ColumnMeaning, { kind: "comparison" }>;
}

/** A dimension column's breakdown: per member, the same columns by month (combined by the same rules). */
export interface DimensionBreakdown {
  /** The dimension's header as written: 渠道, 品类, 类目, 店铺, 平台, 地区. */
  dimension: string;
  headerAddress: string;
  /** Channel-type dimensions go to the channel sheet; categories and others get a sheet of their own. */
  kind: "channel" | "category" | "other";
  members: Array<{ name: string; table: MonthlyTable }>;
}

export interface MonthlyTable {
  sheet: string;
  layout: "long" | "wide";
  /** Ascending, unique. */
  months: Month[];
  columns: MonthlyColumn[];
  /** Comparison columns, aligned with `months`; never metrics. */
  comparisons?: ComparisonColumn[];
  /** Set when the rows were days combined into months. */
  daily?: { incompleteMonths: Month[] };
  breakdown?: DimensionBreakdown;
}

export interface ReadMonthlyOptions {
  /**
   * What the analyst says about a column, keyed by its header as written (or its name without the unit):
   * a meaning, "ignore" to leave it out, or a rule override (meaning, aggregation, direction, unit, scale).
   */
  overrides?: Record<string, ColumnMeaning | "ignore" | ColumnOverride>;
}

export interface ReadMonthlyResult {
  table: MonthlyTable;
  warnings: Issue[];
}

interface RawCell {
  value: CellInput;
  row: number;
  col: number;
}

interface RawColumn {
  header: string;
  headerAddress: string;
  meaning: ColumnMeaning;
  rule: ColumnRule;
  scale: number;
  /** True when the analyst set the scale (no percent-number inference then). */
  scaleFixed: boolean;
  /** Aligned with the row keys. */
  cells: RawCell[];
  totals: Array<{ cell: RawCell; year: number | null }>;
  /** Per-month total rows of a dimension layout (渠道 = 合计). */
  monthTotals: Array<{ cell: RawCell; month: Month }>;
}

function isOverride(value: ColumnMeaning | ColumnOverride): value is ColumnOverride {
  return !("kind" in value);
}

function columnFor(grid: Grid, header: string, row: number, col: number, options: ReadMonthlyOptions): RawColumn | null {
  const parsed = parseHeader(header);
  const override = options.overrides?.[header] ?? options.overrides?.[parsed.name] ?? findByName(options.overrides, parsed.name);
  if (override === "ignore") return null;
  const asOverride: ColumnOverride | undefined = override === undefined ? undefined : isOverride(override) ? override : { meaning: override };
  const meaning = asOverride?.meaning ?? recogniseColumn(parsed);
  const rule = applyOverride(baseRule(meaning), asOverride);
  // An analyst's direction or aggregation for a custom column becomes part of its meaning, so every door agrees.
  const finalMeaning: ColumnMeaning = meaning.kind === "custom" ? { ...meaning, aggregation: rule.aggregation, direction: rule.direction, unit: rule.unit } : meaning;
  return {
    header,
    headerAddress: cellAddress(grid, row, col),
    meaning: finalMeaning,
    rule,
    scale: asOverride?.scale ?? parsed.scale,
    scaleFixed: asOverride?.scale !== undefined || parsed.unitText !== "",
    cells: [],
    totals: [],
    monthTotals: [],
  };
}

function findByName(overrides: ReadMonthlyOptions["overrides"], name: string) {
  if (!overrides) return undefined;
  const wanted = normaliseName(name);
  const hit = Object.keys(overrides).find((k) => normaliseName(parseHeader(k).name) === wanted);
  return hit === undefined ? undefined : overrides[hit];
}

type TimeLabel = { kind: "time"; month: Month; day: number | null } | { kind: "total"; year: number | null } | null;

function readTimeLabel(grid: Grid, row: number, col: number, errors: Issue[]): TimeLabel {
  const cell = cellAt(grid, row, col);
  const read = readMonthDay(cell);
  if (read !== null) return { kind: "time", ...read };
  const label = readLabel(cell);
  const total = TOTAL_LABEL.exec(label);
  if (total) return { kind: "total", year: total[1] ? Number(total[1]) : null };
  const address = cellAddress(grid, row, col);
  if (isQuarterLabel(cell)) errors.push(issue("quarterlyData", address, { text: label }));
  else if (isYearlessMonth(cell)) errors.push(issue("yearlessMonth", address, { text: label }));
  else errors.push(issue("badMonth", address, { text: label }));
  return null;
}

interface Collected {
  columns: RawColumn[];
  keys: RowKey[];
  /** Address of each row's time cell. */
  keyAddresses: string[];
  dimension?: { header: string; address: string };
}

function collectLong(grid: Grid, layout: Extract<Layout, { kind: "long" }>, options: ReadMonthlyOptions, errors: Issue[]): Collected {
  const columns: RawColumn[] = [];
  const dataCols: number[] = [];
  const keys: RowKey[] = [];
  const keyAddresses: string[] = [];
  const cols = colCount(grid);
  for (let c = 0; c < cols; c++) {
    if (c === layout.monthCol || c === layout.dimensionCol) continue;
    const header = readLabel(cellAt(grid, layout.headerRow, c));
    const column = header === "" ? null : columnFor(grid, header, layout.headerRow, c, options);
    if (!column) continue;
    columns.push(column);
    dataCols.push(c);
  }
  const hasDimension = layout.dimensionCol >= 0;
  let lastTime: Extract<TimeLabel, { kind: "time" }> | null = null;
  for (let r = layout.headerRow + 1; r < rowCount(grid); r++) {
    const hasData = dataCols.some((c) => !isBlank(cellAt(grid, r, c)));
    const timeCell = cellAt(grid, r, layout.monthCol);
    const member = hasDimension ? readLabel(cellAt(grid, r, layout.dimensionCol)) : "";
    if (!hasData && readMonthDay(timeCell) === null) continue; // a blank or note row carries no figures
    let label: TimeLabel;
    // In a dimension layout the month may stand only on the first row of its group.
    if (isBlank(timeCell) && hasDimension && member !== "" && lastTime) label = lastTime;
    else label = readTimeLabel(grid, r, layout.monthCol, errors);
    if (label === null) continue;
    if (label.kind === "time") lastTime = label;
    if (hasDimension && label.kind === "time" && TOTAL_LABEL.test(member)) {
      // A month's total over the members: checked against the members' sum, not added.
      dataCols.forEach((c, i) => columns[i].monthTotals.push({ cell: { value: cellAt(grid, r, c), row: r, col: c }, month: label.month }));
      continue;
    }
    if (label.kind === "total") {
      if (!hasDimension || member === "" || TOTAL_LABEL.test(member)) dataCols.forEach((c, i) => columns[i].totals.push({ cell: { value: cellAt(grid, r, c), row: r, col: c }, year: label.year }));
      continue;
    }
    if (hasDimension && member === "") {
      if (hasData) errors.push(issue("missingMember", cellAddress(grid, r, layout.dimensionCol), { dimension: readLabel(cellAt(grid, layout.headerRow, layout.dimensionCol)) }));
      continue;
    }
    dataCols.forEach((c, i) => columns[i].cells.push({ value: cellAt(grid, r, c), row: r, col: c }));
    keys.push({ month: label.month, day: label.day, member: hasDimension ? member : null });
    keyAddresses.push(cellAddress(grid, r, layout.monthCol));
  }
  const dimension = hasDimension
    ? { header: readLabel(cellAt(grid, layout.headerRow, layout.dimensionCol)), address: cellAddress(grid, layout.headerRow, layout.dimensionCol) }
    : undefined;
  return { columns, keys, keyAddresses, dimension };
}

function collectWide(grid: Grid, layout: Extract<Layout, { kind: "wide" }>, options: ReadMonthlyOptions, errors: Issue[]): Collected {
  const columns: RawColumn[] = [];
  const keys: RowKey[] = [];
  const keyAddresses: string[] = [];
  const cols = colCount(grid);
  // The metric names stand in the leftmost column before the first month that holds any label.
  let labelCol = -1;
  for (let c = 0; c < layout.monthCols[0] && labelCol < 0; c++) {
    for (let r = layout.headerRow + 1; r < rowCount(grid); r++) if (!isBlank(cellAt(grid, r, c))) labelCol = c;
  }
  const valueCols: number[] = [];
  const totalCols: Array<{ col: number; year: number | null }> = [];
  for (let c = layout.monthCols[0]; c < cols; c++) {
    const cell = cellAt(grid, layout.headerRow, c);
    if (isBlank(cell)) continue;
    const label = readTimeLabel(grid, layout.headerRow, c, errors);
    if (label === null) continue;
    if (label.kind === "total") totalCols.push({ col: c, year: label.year });
    else {
      valueCols.push(c);
      keys.push({ month: label.month, day: label.day, member: null });
      keyAddresses.push(cellAddress(grid, layout.headerRow, c));
    }
  }
  if (labelCol < 0) return { columns, keys, keyAddresses };
  // A 单位 column beside the names (`GMV | 万元 | 100 | …`) scales its row like a unit in the name: GMV(万元).
  let unitCol = -1;
  for (let c = labelCol + 1; c < layout.monthCols[0]; c++) if (UNIT_COLUMN_HEADER.test(readLabel(cellAt(grid, layout.headerRow, c)))) unitCol = c;
  for (let r = layout.headerRow + 1; r < rowCount(grid); r++) {
    const name = readLabel(cellAt(grid, r, labelCol));
    const header = unitCol < 0 ? name : withUnitCell(name, readLabel(cellAt(grid, r, unitCol)));
    const hasData = valueCols.some((c) => !isBlank(cellAt(grid, r, c)));
    if (header === "") {
      if (hasData) errors.push(issue("noHeader", cellAddress(grid, r, labelCol)));
      continue;
    }
    const column = columnFor(grid, header, r, labelCol, options);
    if (!column) continue;
    column.cells = valueCols.map((c) => ({ value: cellAt(grid, r, c), row: r, col: c }));
    column.totals = totalCols.map(({ col, year }) => ({ cell: { value: cellAt(grid, r, col), row: r, col }, year }));
    columns.push(column);
  }
  return { columns, keys, keyAddresses };
}

/** A plain number as typed (not text with %, 万 or 亿), for percent-number inference. */
function plainNumber(cell: CellInput): number | null {
  const raw = unwrapCell(cell);
  if (typeof raw === "number") return raw;
  if (typeof raw === "string" && !/[%‰万亿]/.test(raw)) {
    const read = readNumber(raw);
    return read.kind === "number" ? read.value : null;
  }
  return null;
}

/** Percent numbers: a bounded rate whose plain values all lie in (1, 100] (5.2 is 5.2%). */
function percentNumbers(column: RawColumn): boolean {
  if (column.scaleFixed || !isBoundedRate(column.meaning)) return false;
  const plain = column.cells.map((c) => plainNumber(c.value)).filter((v): v is number => v !== null);
  return plain.length > 0 && plain.every((v) => v > 1 && v <= 100);
}

/**
 * A change or attainment column typed as percent numbers (`GMV同比` 12.5 for +12.5%): some plain value no
 * fraction of a plausible change would be (beyond ±300%). Only plain numbers are scaled: `650%` stays 6.5.
 */
function comparisonPercentNumbers(column: RawColumn): boolean {
  const { meaning } = column;
  if (column.scaleFixed || meaning.kind !== "comparison" || meaning.role === "target" || meaning.role === "previous") return false;
  return column.cells.some((c) => {
    const v = plainNumber(c.value);
    return v !== null && Math.abs(v) > 3;
  });
}

function sameMonthTotals(column: RawColumn, byMonth: Array<{ month: Month; value: number | null }>, grid: Grid, errors: Issue[], warnings: Issue[]) {
  if (column.rule.aggregation !== "sum" || column.meaning.kind === "comparison") return;
  const checks = [...column.totals.map((t) => ({ ...t, month: null as Month | null })), ...column.monthTotals.map((t) => ({ ...t, year: null }))];
  for (const { cell, year, month } of checks) {
    const total = readNumber(cell.value, column.scale);
    const address = cellAddress(grid, cell.row, cell.col);
    if (total.kind === "invalid") errors.push(issue("badNumber", address, { text: total.text }));
    if (total.kind !== "number") continue;
    const sum = byMonth.filter((m) => (month === null ? year === null || monthYear(m.month) === year : m.month === month)).reduce<number>((s, m) => s + (m.value ?? 0), 0);
    if (Math.abs(total.value - sum) > Math.max(1e-6 * Math.abs(sum), 0.5 * column.scale)) {
      warnings.push(issue("totalMismatch", address, { total: formatTotal(total.value), sum: formatTotal(sum) }));
    }
  }
}

/** Reads a grid of monthly figures. Throws InputError listing every cell it cannot use. */
export function readMonthlyGrid(grid: Grid, options: ReadMonthlyOptions = {}): ReadMonthlyResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (grid.values.every((row) => row.every(isBlank))) throw new InputError([issue("emptySheet", grid.sheet)]);
  const layout = detectLayout(grid);
  if (!layout) throw new InputError([issue("noHeader", rangeAddress(grid))]);

  const collected = layout.kind === "long" ? collectLong(grid, layout, options, errors) : collectWide(grid, layout, options, errors);
  const { keys, keyAddresses } = collected;
  if (keys.length === 0 && errors.length === 0) errors.push(issue("noData", rangeAddress(grid)));

  const firstSeen = new Map<string, RawColumn>();
  for (const column of collected.columns) {
    const label = meaningLabel(column.meaning);
    const first = firstSeen.get(label);
    if (first) errors.push(issue("duplicateColumn", column.headerAddress, { header: column.header, first: first.headerAddress, metric: label }));
    else firstSeen.set(label, column);
  }

  // A column holding only text (备注, notes) carries no figures: it is left out, and said so.
  const textOnly = (column: RawColumn) =>
    column.meaning.kind === "custom" && column.cells.some((c) => !isBlank(c.value)) && column.cells.every((c) => readNumber(c.value).kind !== "number");
  for (const column of collected.columns.filter(textOnly)) warnings.push(issue("textColumnIgnored", column.headerAddress, { header: column.header }));
  const raw = collected.columns.filter((column) => !textOnly(column));

  // Cells to numbers, percent numbers inferred and said, rates above 100% refused.
  const cellValues = raw.map((column) => {
    const percent = percentNumbers(column);
    if (percent) {
      column.scale = 0.01;
      warnings.push(issue("percentNumbers", column.headerAddress, { header: column.header }));
    } else if (comparisonPercentNumbers(column)) {
      column.scale = 0.01;
      warnings.push(issue("comparisonPercentNumbers", column.headerAddress, { header: column.header }));
    }
    return column.cells.map((cell) => {
      const read = readNumber(cell.value, column.scale);
      const address = cellAddress(grid, cell.row, cell.col);
      if (isFormulaWithoutValue(cell.value)) {
        errors.push(issue("formulaWithoutValue", address));
        return null;
      }
      if (read.kind === "invalid") errors.push(issue("badNumber", address, { text: read.text }));
      if (read.kind === "number" && isBoundedRate(column.meaning) && read.value > 1 + 1e-9) errors.push(issue("rateAbove100", address, { text: readLabel(cell.value), header: column.header }));
      return read.kind === "number" ? read.value : null;
    });
  });
  const percentColumns = new Set(raw.filter((c) => c.scale === 0.01 && !c.scaleFixed));

  const grouped = groupRows(keys);
  // Daily rows: dates, and most months (of a member) hold several of them. A monthly sheet with one repeated date
  // stays monthly, and its repeat is reported as a duplicate month.
  const groups = [...grouped.groups.values()];
  const daily = keys.every((k) => k.day !== null) && groups.filter((rows) => rows.length > 1).length * 2 >= groups.length;
  for (const rows of grouped.groups.values()) {
    const seen = new Map<string, number>();
    for (const i of rows) {
      const id = daily ? String(keys[i].day) : "";
      const first = seen.get(id);
      if (first !== undefined) {
        const when = daily ? `${formatMonth(keys[i].month)}-${String(keys[i].day).padStart(2, "0")}` : formatMonth(keys[i].month);
        errors.push(issue("duplicateMonth", keyAddresses[i], { month: keys[i].member === null ? when : `${when} · ${keys[i].member}`, first: keyAddresses[first] }));
      } else seen.set(id, i);
    }
  }
  const duplicates = errors.filter((e) => e.code === "duplicateMonth").length;
  if (duplicates >= 3) errors.push(issue("duplicateMonthsHint", keyAddresses[0], { count: duplicates }));
  const months = grouped.months;
  for (let k = 1; k < months.length; k++) {
    if (months[k] > months[k - 1] + 1) {
      const gap = months[k] === months[k - 1] + 2 ? formatMonth(months[k - 1] + 1) : `${formatMonth(months[k - 1] + 1)}..${formatMonth(months[k] - 1)}`;
      const at = keys.findIndex((key) => key.month === months[k]);
      warnings.push(issue("missingMonth", keyAddresses[at], { month: gap }));
    }
  }
  if (errors.length > 0) throw new InputError(errors);

  let incompleteMonths: Month[] = [];
  if (daily) {
    incompleteMonths = months.filter((m) => new Set(keys.filter((k) => k.month === m).map((k) => k.day)).size < daysInMonth(m));
    warnings.push(issue("dailyRows", keyAddresses[0], { days: new Set(keys.map((k) => `${k.month}-${k.day}`)).size, months: months.length }));
    if (incompleteMonths.length > 0) warnings.push(issue("incompleteDays", keyAddresses[0], { months: incompleteMonths.map(formatMonth).join(", ") }));
  }

  const memberNames: Array<string | null> = grouped.members.length > 0 ? grouped.members : [null];
  // Per member, per column, per month: the member's rows of that month combined by the column's rule.
  const memberValues = memberNames.map((member) =>
    raw.map((column, c) =>
      months.map((month) => {
        const rows = grouped.groups.get(groupKey(member, month));
        return rows ? combineDays(rows.map((i) => ({ day: keys[i].day, value: cellValues[c][i] })), column.rule.aggregation) : null;
      }),
    ),
  );
  const firstCell = (member: string | null, column: RawColumn, month: Month): string => {
    const rows = member === null ? grouped.groups.get(groupKey(null, month)) : grouped.members.map((m) => grouped.groups.get(groupKey(m, month))).find(Boolean);
    const cell = rows ? column.cells[rows[0]] : undefined;
    return cell ? cellAddress(grid, cell.row, cell.col) : "";
  };
  const build = (member: string | null, valuesOf: (c: number) => (number | null)[]): MonthlyColumn[] =>
    raw.map((column, c) => ({
      header: column.header,
      headerAddress: column.headerAddress,
      meaning: column.meaning,
      scale: column.scale,
      values: valuesOf(c),
      cells: months.map((m) => firstCell(member, column, m)),
      rule: column.rule,
      ...(percentColumns.has(column) ? { percentNumbers: true } : {}),
    }));
  const totalColumns = build(null, (c) => months.map((_, k) => combineMembers(memberValues.map((mv) => mv[c][k]), raw[c].rule.aggregation)));
  // A member 合计 row of a daily export is a day's total: those are not checked against months.
  if (daily) raw.forEach((column) => (column.monthTotals = []));
  raw.forEach((column, c) => sameMonthTotals(column, months.map((month, k) => ({ month, value: totalColumns[c].values[k] })), grid, errors, warnings));
  if (errors.length > 0) throw new InputError(errors);

  const isComparison = (c: MonthlyColumn): c is ComparisonColumn => c.meaning.kind === "comparison";
  const table: MonthlyTable = {
    sheet: grid.sheet,
    layout: layout.kind,
    months: [...months],
    columns: totalColumns.filter((c) => !isComparison(c)),
    comparisons: totalColumns.filter(isComparison),
  };
  if (daily) table.daily = { incompleteMonths };
  if (collected.dimension && grouped.members.length > 0) {
    const { header, address } = collected.dimension;
    table.breakdown = {
      dimension: header,
      headerAddress: address,
      kind: dimensionKind(header),
      members: grouped.members.map((name, i) => ({
        name,
        table: { sheet: grid.sheet, layout: "long", months: [...months], columns: build(name, (c) => memberValues[i][c]).filter((c) => !isComparison(c)) },
      })),
    };
    const shown = grouped.members.slice(0, 10).join("、") + (grouped.members.length > 10 ? ` … (${grouped.members.length})` : "");
    warnings.push(issue("dimensionRows", address, { dimension: header, members: shown }));
  }
  fillPreviousYear(table, warnings);
  for (const column of table.columns) {
    if (column.rule?.decidedBy === "name rule") warnings.push(issue("inferredRule", column.headerAddress, { header: column.header, rule: column.rule.aggregation, direction: column.rule.direction }));
  }
  return { table, warnings };
}


export type { ComparisonRole };
export { meaningLabel };
