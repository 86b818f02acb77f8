/**
 * A metric month by month: AC, PY (same month a year earlier), MoM and YoY, cumulative AC. Monthly values
 * of derived metrics are ratios of that month's parts, like period values.
 */
import type { MonthlyTable } from "../read/monthlyTable";
import type { Month } from "../read/month";
import { growth } from "./compare";
import { periodValue, type MetricSpec } from "./metricSpecs";

export interface TrendRow {
  month: Month;
  actual: number | null;
  previous: number | null;
  /** Change on the month before (MoM, 环比). */
  mom: number | null;
  /** Change on the same month a year earlier (YoY, 同比). */
  yoy: number | null;
}

export function monthValue(table: MonthlyTable, spec: MetricSpec, month: Month): number | null {
  return periodValue(table, spec.rule, [month]).value;
}

export function monthlyTrend(table: MonthlyTable, spec: MetricSpec, months: readonly Month[]): TrendRow[] {
  return months.map((month) => {
    const actual = monthValue(table, spec, month);
    const previous = monthValue(table, spec, month - 12);
    return { month, actual, previous, mom: growth(actual, monthValue(table, spec, month - 1)), yoy: growth(actual, previous) };
  });
}
