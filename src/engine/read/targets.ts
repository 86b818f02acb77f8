/**
 * Reads a targets table: metric name, target value (units allowed: `1.6亿`, `4,200万`, `5%`), optional
 * direction (越高越好 / 越低越好 / higher / lower) and optional monthly targets in columns headed by months.
 */
import { isBlank, readLabel, readNumber } from "./cellValue";
import { cellAddress, cellAt, rangeAddress, type Grid } from "./grid";
import { readMonth, type Month } from "./month";
import { parseHeader, scorecardKeyForName } from "../metrics/headers";
import type { Direction } from "../metrics/catalog";
import { InputError, issue, type Issue } from "../../i18n/issues";

export interface Target {
  /** Scorecard key: `gmv`, `channel:搜索:gmvShare`, `custom:退款金额`. */
  key: string;
  /** The metric's name as written. */
  name: string;
  /** Address of the name cell. */
  address: string;
  value: number | null;
  direction?: Direction;
  /** Monthly targets where the table gives them. */
  monthly: Map<Month, number>;
  /** The industry average (BM) from a `行业均值` / `benchmark` column, where given. */
  benchmark?: number | null;
}

const METRIC_HEADER = /^(?:指标|指标名称|指标名|项目|名称|kpi|metric|metric name|name|item)$/i;
const TARGET_HEADER = /(?:目标|计划|target|plan|^pl$|goal)/i;
const DIRECTION_HEADER = /^(?:方向|考核方向|极性|direction|better|polarity)$/i;
const BENCHMARK_HEADER = /^(?:行业均值|行业平均|行业平均值|行业基准|行业水平|benchmark|bm|industry average|industry benchmark)$/i;

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
  benchmarkCol: number;
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
    if (metricCol >= 0 && (targetCol >= 0 || monthCols.length > 0 || benchmarkCol >= 0)) {
      return { headerRow: r, metricCol, targetCol, directionCol: labels.findIndex((l) => DIRECTION_HEADER.test(l)), benchmarkCol, monthCols };
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
  const targets: Target[] = [];
  const scale = layout.targetCol >= 0 ? parseHeader(readLabel(cellAt(grid, layout.headerRow, layout.targetCol))).scale : 1;

  const benchmarkScale = layout.benchmarkCol >= 0 ? parseHeader(readLabel(cellAt(grid, layout.headerRow, layout.benchmarkCol))).scale : 1;
  const readValue = (row: number, col: number): number | null => {
    const read = readNumber(cellAt(grid, row, col), scale);
    if (read.kind === "invalid") errors.push(issue("badNumber", cellAddress(grid, row, col), { text: read.text }));
    return read.kind === "number" ? read.value : null;
  };

  for (let r = layout.headerRow + 1; r < grid.values.length; r++) {
    const name = readLabel(cellAt(grid, r, layout.metricCol));
    if (name === "") continue;
    const address = cellAddress(grid, r, layout.metricCol);
    const value = layout.targetCol >= 0 ? readValue(r, layout.targetCol) : null;
    let direction: Direction | undefined;
    if (layout.directionCol >= 0) {
      const text = readLabel(cellAt(grid, r, layout.directionCol));
      const read = readDirection(text);
      if (read === null) errors.push(issue("badDirection", cellAddress(grid, r, layout.directionCol), { text }));
      else direction = read;
    }
    const monthly = new Map<Month, number>();
    for (const { col, month } of layout.monthCols) {
      if (isBlank(cellAt(grid, r, col))) continue;
      const v = readValue(r, col);
      if (v !== null) monthly.set(month, v);
    }
    let benchmark: number | null = null;
    if (layout.benchmarkCol >= 0) {
      const read = readNumber(cellAt(grid, r, layout.benchmarkCol), benchmarkScale);
      if (read.kind === "invalid") errors.push(issue("badNumber", cellAddress(grid, r, layout.benchmarkCol), { text: read.text }));
      else if (read.kind === "number") benchmark = read.value;
    }
    const key = scorecardKeyForName(name);
    const first = targets.find((t) => t.key === key);
    if (first) errors.push(issue("duplicateTarget", address, { name, first: first.address }));
    targets.push({ key, name, address, value, direction, monthly, ...(layout.benchmarkCol >= 0 ? { benchmark } : {}) });
  }
  if (errors.length > 0) throw new InputError(errors);
  return { targets, warnings: [] };
}
