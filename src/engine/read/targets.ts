/**
 * Reads a targets table: metric name, target value (units allowed: `1.6亿`, `4,200万`, `5%`), optional
 * direction (越高越好 / 越低越好 / higher / lower) and optional monthly targets in columns headed by months.
 */
import { isBlank, readLabel, readNumber, unwrapCell } from "./cellValue";
import type { MonthlyTable } from "./monthlyTable";
import { cellAddress, cellAt, rangeAddress, type Grid } from "./grid";
import { readMonth, type Month } from "./month";
import { parseHeader, scorecardKeyForName, UNIT_COLUMN_HEADER } from "../metrics/headers";
import { catalogEntry, catalogKeyForName, type Direction } from "../metrics/catalog";
import type { ColumnAggregation } from "../metrics/nameRules";
import { isBoundedRate, meaningOfName, type ColumnOverride } from "./columnRules";
import { InputError, issue, type Issue } from "../../i18n/issues";
import { targetPeriodFromHeader, type TargetPeriod } from "./targetPeriod";

export interface Target {
  /** Scorecard key: `gmv`, `channel:搜索:gmvShare`, `custom:退款金额`. */
  key: string;
  /** The metric's name as written. */
  name: string;
  /** Address of the name cell. */
  address: string;
  value: number | null;
  direction?: Direction;
  /** How the metric's months combine, where the table's 汇总/aggregation column says. */
  aggregation?: ColumnAggregation;
  /** Monthly targets where the table gives them. */
  monthly: Map<Month, number>;
  /** The months `value` is for, from the target column's header (`2025目标` is the year 2025). */
  period: TargetPeriod;
  /** The target column's header as written (`目标`, `2025全年目标`), where the value came from one. */
  header?: string;
  /** The industry average (BM) from a `行业均值` / `benchmark` column, where given. */
  benchmark?: number | null;
}

const METRIC_HEADER = /^(?:指标|指标名称|指标名|项目|名称|kpi|metric|metric name|name|item)$/i;
const TARGET_HEADER = /(?:目标|计划|target|plan|^pl$|goal)/i;
const DIRECTION_HEADER = /^(?:方向|考核方向|极性|direction|better|polarity)$/i;
const BENCHMARK_HEADER = /^(?:行业均值|行业平均|行业平均值|行业基准|行业水平|benchmark|bm|industry average|industry benchmark)$/i;
const AGGREGATION_HEADER = /^(?:汇总|汇总方式|聚合|aggregation|aggregate|rollup)$/i;
/** A 单位 column scales its row's targets like a unit in the name. */
const UNIT_HEADER = UNIT_COLUMN_HEADER;
const AGGREGATIONS: ReadonlyArray<[RegExp, ColumnAggregation]> = [
  [/^(?:求和|合计|累加|sum|total)$/i, "sum"],
  [/^(?:平均|均值|平均值|mean|average|avg)$/i, "mean"],
  [/^(?:期末|月末|最后|期末值|last|end|closing)$/i, "last"],
];

export function readAggregation(text: string): ColumnAggregation | undefined | null {
  if (text === "") return undefined;
  return AGGREGATIONS.find(([re]) => re.test(text))?.[1] ?? null;
}

const HIGHER = /^(?:越高越好|越大越好|高|正向|higher|higher is better|up|max|↑)$/i;
const LOWER = /^(?:越低越好|越小越好|低|反向|lower|lower is better|down|min|↓)$/i;

export function readDirection(text: string): Direction | undefined | null {
  if (text === "") return undefined;
  if (HIGHER.test(text)) return "higher";
  if (LOWER.test(text)) return "lower";
  return null;
}

interface TargetLayout {
  headerRow: number;
  metricCol: number;
  targetCol: number;
  directionCol: number;
  aggregationCol: number;
  benchmarkCol: number;
  unitCol: number;
  monthCols: Array<{ col: number; month: Month }>;
}

function detect(grid: Grid): TargetLayout | null {
  const rows = Math.min(grid.values.length, 10);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const labels = row.map((cell) => readLabel(cell));
    const metricCol = labels.findIndex((l) => METRIC_HEADER.test(l));
    const monthCols = row.flatMap((cell, col) => {
      const month = readMonth(cell);
      return month === null || col === metricCol ? [] : [{ col, month }];
    });
    const targetCol = labels.findIndex((l, c) => c !== metricCol && TARGET_HEADER.test(parseHeader(l).name) && !monthCols.some((m) => m.col === c));
    const benchmarkCol = labels.findIndex((l) => BENCHMARK_HEADER.test(parseHeader(l).name));
    const unitCol = labels.findIndex((l) => UNIT_HEADER.test(l));
    if (metricCol >= 0 && targetCol < 0 && monthCols.length === 0 && (benchmarkCol >= 0 || labels.some((l) => DIRECTION_HEADER.test(l) || AGGREGATION_HEADER.test(l)))) {
      // Only definitions (方向/汇总) or benchmarks without target values.
      return { headerRow: r, metricCol, targetCol: -1, directionCol: labels.findIndex((l) => DIRECTION_HEADER.test(l)), aggregationCol: labels.findIndex((l) => AGGREGATION_HEADER.test(l)), benchmarkCol, unitCol, monthCols };
    }
    if (metricCol >= 0 && (targetCol >= 0 || monthCols.length > 0)) {
      const directionCol = labels.findIndex((l) => DIRECTION_HEADER.test(l));
      const aggregationCol = labels.findIndex((l) => AGGREGATION_HEADER.test(l));
      return { headerRow: r, metricCol, targetCol, directionCol, aggregationCol, benchmarkCol, unitCol, monthCols };
    }
  }
  return null;
}

export interface ReadTargetsResult {
  targets: Target[];
  warnings: Issue[];
}

/** Reads a targets grid. Throws InputError naming every cell it cannot use. */
export function readTargetsGrid(grid: Grid): ReadTargetsResult {
  const layout = detect(grid);
  if (!layout) throw new InputError([issue("noTargetColumns", rangeAddress(grid))]);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const targets: Target[] = [];
  const targetHeader = layout.targetCol >= 0 ? parseHeader(readLabel(cellAt(grid, layout.headerRow, layout.targetCol))) : null;
  const headerScale = targetHeader?.scale ?? 1;
  const period = targetPeriodFromHeader(targetHeader?.name ?? "");
  const benchmarkScale = layout.benchmarkCol >= 0 ? parseHeader(readLabel(cellAt(grid, layout.headerRow, layout.benchmarkCol))).scale : 1;

  for (let r = layout.headerRow + 1; r < grid.values.length; r++) {
    const name = readLabel(cellAt(grid, r, layout.metricCol));
    if (name === "") continue;
    const address = cellAddress(grid, r, layout.metricCol);
    // A unit in the metric's name (`GMV（万元）`, `转化率(%)`) scales its targets; else the row's 单位 cell (`万元`);
    // else the target header's (`目标(亿元)`). A 单位 cell that names no scale (`元`, `人`) leaves the header's.
    const parsed = parseHeader(name);
    const unitCell = layout.unitCol >= 0 ? parseHeader(`x(${readLabel(cellAt(grid, r, layout.unitCol))})`) : null;
    const rowScale = parsed.unitText !== "" ? parsed.scale : unitCell && unitCell.unitText !== "" && unitCell.scale !== 1 ? unitCell.scale : null;
    const scale = rowScale ?? headerScale;
    const bounded = isBoundedRate(meaningOfName(parsed.name));
    const readValue = (row: number, col: number, valueScale = scale): number | null => {
      const cell = cellAt(grid, row, col);
      const cellAddr = cellAddress(grid, row, col);
      let read = readNumber(cell, valueScale);
      if (read.kind === "invalid") errors.push(issue("badNumber", cellAddr, { text: read.text }));
      if (read.kind !== "number") return null;
      // A bounded rate typed as a percent number (`复购率 36`) is 36%.
      const raw = unwrapCell(cell);
      const plain = typeof raw === "number" || (typeof raw === "string" && !/[%‰万亿]/.test(raw));
      if (bounded && valueScale === 1 && plain && read.value > 1 && read.value <= 100) {
        warnings.push(issue("targetPercentNumber", cellAddr, { name: parsed.name, text: readLabel(cell) }));
        read = { kind: "number", value: Number((read.value / 100).toPrecision(15)) };
      }
      if (bounded && read.value > 1 + 1e-9) errors.push(issue("rateAbove100", cellAddr, { text: readLabel(cell), header: parsed.name }));
      return read.value;
    };
    const value = layout.targetCol >= 0 ? readValue(r, layout.targetCol) : null;
    // The industry average (BM) reads like a target: units from the metric's name, else from its own header.
    const benchmark = layout.benchmarkCol >= 0 ? readValue(r, layout.benchmarkCol, rowScale ?? benchmarkScale) : undefined;
    // A word column (方向, 汇总): blank is undefined, an unknown word an error at its cell.
    const readWord = <T>(col: number, read: (text: string) => T | undefined | null, code: "badDirection" | "badAggregation"): T | undefined => {
      if (col < 0) return undefined;
      const text = readLabel(cellAt(grid, r, col));
      const word = read(text);
      if (word === null) errors.push(issue(code, cellAddress(grid, r, col), { text }));
      return word ?? undefined;
    };
    const direction: Direction | undefined = readWord(layout.directionCol, readDirection, "badDirection");
    const aggregation: ColumnAggregation | undefined = readWord(layout.aggregationCol, readAggregation, "badAggregation");
    const catalogKey = catalogKeyForName(parsed.name);
    if (catalogKey && direction && direction !== catalogEntry(catalogKey).direction) {
      warnings.push(issue("directionContradicts", address, { name: parsed.name, direction, catalog: catalogEntry(catalogKey).direction }));
    }
    const monthly = new Map<Month, number>();
    for (const { col, month } of layout.monthCols) {
      if (isBlank(cellAt(grid, r, col))) continue;
      const v = readValue(r, col);
      if (v !== null) monthly.set(month, v);
    }
    const key = scorecardKeyForName(name);
    const first = targets.find((t) => t.key === key);
    if (first) errors.push(issue("duplicateTarget", address, { name, first: first.address }));
    targets.push({
      key, name, address, value, direction, aggregation, monthly, period,
      ...(value !== null && targetHeader ? { header: readLabel(cellAt(grid, layout.headerRow, layout.targetCol)) } : {}),
      ...(benchmark !== undefined ? { benchmark } : {}),
    });
  }
  if (errors.length > 0) throw new InputError(errors);
  return { targets, warnings };
}

/** The targets table's 方向/汇总 columns as the reader's overrides, keyed by metric name. */
export function targetDefinitions(targets: readonly Target[]): Record<string, ColumnOverride> {
  const out: Record<string, ColumnOverride> = {};
  for (const t of targets) {
    if (t.direction === undefined && t.aggregation === undefined) continue;
    out[parseHeader(t.name).name] = { direction: t.direction, aggregation: t.aggregation };
  }
  return out;
}

/** Monthly targets from the monthly data's `目标X` / `X目标` / `预算X` columns. */
export function targetsFromColumns(table: MonthlyTable): { targets: Target[]; warnings: Issue[] } {
  const targets: Target[] = [];
  const warnings: Issue[] = [];
  for (const column of table.comparisons ?? []) {
    if (column.meaning.role !== "target") continue;
    const monthly = new Map<Month, number>();
    column.values.forEach((v, i) => {
      if (v !== null) monthly.set(table.months[i], v);
    });
    if (monthly.size === 0) continue;
    targets.push({ key: scorecardKeyForName(column.meaning.of), name: column.meaning.of, address: column.headerAddress, value: null, monthly, period: { kind: "reviewed" } });
    warnings.push(issue("targetFromColumn", column.headerAddress, { header: column.header, metric: column.meaning.of }));
  }
  return { targets, warnings };
}

/** The targets table's targets, plus monthly targets from the data's columns for metrics the table does not set. */
export function mergeTargets(fromTable: readonly Target[], fromColumns: readonly Target[]): { targets: Target[]; warnings: Issue[] } {
  const warnings: Issue[] = [];
  const targets = [...fromTable];
  for (const t of fromColumns) {
    const given = targets.find((x) => x.key === t.key);
    if (given && (given.value !== null || given.monthly.size > 0)) {
      warnings.push(issue("targetColumnOverridden", t.address, { header: t.name, metric: given.name }));
      continue;
    }
    if (given) Object.assign(given, { monthly: t.monthly });
    else targets.push(t);
  }
  return { targets, warnings };
}
