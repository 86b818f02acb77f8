/**
 * Where a monthly grid's header, months and members are: long (a month or day column, optionally a dimension
 * column such as 渠道 or any column of labels repeating over repeated months) or wide (a row of months).
 */
import { isBlank, readLabel, readNumber, type CellInput } from "./cellValue";
import { cellAt, type Grid } from "./grid";
import { isQuarterLabel, isYearlessMonth, readMonthDay } from "./month";
import type { DimensionBreakdown } from "./monthlyTable";

const METRIC_LABEL_HEADER = /^(?:指标|指标名称|项目|kpi|metric|metrics|item)$/i;
const MONTH_HEADER = /^(?:月份|月|年月|日期|时间|期间|统计月份|统计日期|统计时间|统计周期|日|day|month|date|period|time)$/i;
export const TOTAL_LABEL = /^(?:(\d{4})\s*年?\s*)?(?:合计|总计|全年|总和|年度合计|汇总|total|sum|ytd|full year)$/i;
const DIMENSION_HEADER = /^(?:渠道|渠道名称|来源渠道|流量渠道|平台|平台名称|品类|类目|一级类目|二级类目|店铺|店铺名称|地区|区域|省份|城市|channel|platform|category|shop|store|region)$/i;
const CHANNEL_DIMENSION = /渠道|平台|channel|platform/i;
const CATEGORY_DIMENSION = /品类|类目|category/i;
const HEADER_SCAN_ROWS = 10;

export type Layout =
  | { kind: "long"; headerRow: number; monthCol: number; dimensionCol: number }
  | { kind: "wide"; headerRow: number; monthCols: number[] };

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function colCount(grid: Grid): number {
  return grid.values.reduce((max, row) => Math.max(max, row.length), 0);
}

function isTimeLabel(cell: CellInput): boolean {
  return readMonthDay(cell) !== null || isYearlessMonth(cell) || isQuarterLabel(cell);
}

export function detectLayout(grid: Grid): Layout | null {
  const rows = Math.min(rowCount(grid), HEADER_SCAN_ROWS);
  const cols = colCount(grid);
  for (let r = 0; r < rows; r++) {
    const filled: number[] = [];
    for (let c = 0; c < cols; c++) if (!isBlank(cellAt(grid, r, c))) filled.push(c);
    if (filled.length < 2) continue;
    const monthCols = filled.filter((c) => isTimeLabel(cellAt(grid, r, c)));
    const labelled = filled.some((c) => METRIC_LABEL_HEADER.test(readLabel(cellAt(grid, r, c))));
    if (monthCols.length >= 2 || (monthCols.length === 1 && labelled)) return { kind: "wide", headerRow: r, monthCols };
    const named = filled.find((c) => MONTH_HEADER.test(readLabel(cellAt(grid, r, c))));
    const monthCol = named ?? filled.find((c) => !isTimeLabel(cellAt(grid, r, c)) && isTimeLabel(cellAt(grid, r + 1, c)));
    if (monthCol === undefined) continue;
    const dimensionCol = filled.find((c) => DIMENSION_HEADER.test(readLabel(cellAt(grid, r, c)))) ?? textDimension(grid, r, monthCol, filled);
    return { kind: "long", headerRow: r, monthCol, dimensionCol };
  }
  return null;
}

/**
 * A dimension column under another name (产品线, 门店): text beside the month, several rows per month (domain.md).
 * Only when months repeat, and only a column of labels that repeat across months; -1 when there is none.
 */
function textDimension(grid: Grid, headerRow: number, monthCol: number, filled: number[]): number {
  const times: string[] = [];
  for (let r = headerRow + 1; r < rowCount(grid); r++) {
    const read = readMonthDay(cellAt(grid, r, monthCol));
    if (read) times.push(`${read.month}-${read.day}`);
  }
  if (new Set(times).size === times.length) return -1;
  return (
    filled.find((c) => {
      if (c === monthCol) return false;
      const labels: string[] = [];
      let filledCells = 0;
      for (let r = headerRow + 1; r < rowCount(grid); r++) {
        const cell = cellAt(grid, r, c);
        if (isBlank(cell)) continue;
        filledCells++;
        if (readNumber(cell).kind !== "invalid" || TOTAL_LABEL.test(readLabel(cell))) continue;
        labels.push(readLabel(cell));
      }
      const distinct = new Set(labels).size;
      return labels.length * 2 > filledCells && distinct >= 2 && distinct < labels.length;
    }) ?? -1
  );
}

export function dimensionKind(header: string): DimensionBreakdown["kind"] {
  if (CHANNEL_DIMENSION.test(header)) return "channel";
  if (CATEGORY_DIMENSION.test(header)) return "category";
  return "other";
}
