/**
 * The metrics a monthly table supports and how each one's period value is computed from the columns.
 * Derived metrics are ratios of their parts' period sums, never averages of monthly rates; a rate that
 * exists only as its own column falls back to the simple mean, flagged so that the review says so.
 */
import { BASE_METRICS, DERIVED_METRICS, type BaseMetricKey, type Direction, type Unit } from "../metrics/catalog";
import { channelKey, type ChannelMeasure } from "../metrics/headers";
import type { MonthlyTable } from "../read/monthlyTable";
import type { Month } from "../read/month";

export type PeriodRule =
  | { kind: "sum"; column: number }
  | { kind: "last"; column: number }
  | { kind: "mean"; column: number }
  | { kind: "ratio"; numerator: number[]; denominator: number[]; scale: number };

export interface MetricSpec {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: Unit;
  direction: Direction;
  rule: PeriodRule;
  /** True when a rate is the mean of monthly rates because its parts are missing. */
  meanOfRates?: boolean;
  /** Set for channel indicators. */
  channel?: string;
}

export interface PeriodValue {
  value: number | null;
  /** Months of the period without a value (or not in the data at all). */
  missing: Month[];
}

function findColumn(table: MonthlyTable, predicate: (c: MonthlyTable["columns"][number]) => boolean): number {
  return table.columns.findIndex(predicate);
}

function baseColumn(table: MonthlyTable, key: string): number {
  return findColumn(table, (c) => c.meaning.kind === "metric" && c.meaning.key === key);
}

function channelColumns(table: MonthlyTable, measure: ChannelMeasure): Map<string, number> {
  const out = new Map<string, number>();
  table.columns.forEach((c, i) => {
    if (c.meaning.kind === "channel" && c.meaning.measure === measure) out.set(c.meaning.channel, i);
  });
  return out;
}

/** Every metric the table supports, in the order of domain.md's table, then channels, then custom metrics. */
export function metricSpecs(table: MonthlyTable): MetricSpec[] {
  const specs: MetricSpec[] = [];
  for (const def of BASE_METRICS) {
    const column = baseColumn(table, def.key);
    if (column < 0) continue;
    specs.push({ key: def.key, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, direction: def.direction, rule: { kind: def.aggregation, column } });
  }
  for (const def of DERIVED_METRICS) {
    const numerator = baseColumn(table, def.numerator as BaseMetricKey);
    const denominator = baseColumn(table, def.denominator as BaseMetricKey);
    const own = baseColumn(table, def.key);
    const common = { key: def.key, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, direction: def.direction };
    if (numerator >= 0 && denominator >= 0) specs.push({ ...common, rule: { kind: "ratio", numerator: [numerator], denominator: [denominator], scale: def.scale } });
    else if (own >= 0) specs.push({ ...common, rule: { kind: "mean", column: own }, meanOfRates: true });
  }

  const gmv = baseColumn(table, "gmv");
  const channelGmv = channelColumns(table, "gmv");
  const traffic = channelColumns(table, "traffic");
  const adSpend = channelColumns(table, "adSpend");
  const adGmv = channelColumns(table, "adGmv");
  if (gmv >= 0) {
    for (const [channel, column] of channelGmv) {
      specs.push({ key: channelKey(channel, "gmvShare"), nameZh: `${channel}GMV占比`, nameEn: `${channel} GMV share`, unit: "%", direction: "higher", channel, rule: { kind: "ratio", numerator: [column], denominator: [gmv], scale: 1 } });
    }
  }
  const allTraffic = [...traffic.values()];
  for (const [channel, column] of traffic) {
    specs.push({ key: channelKey(channel, "trafficShare"), nameZh: `${channel}流量占比`, nameEn: `${channel} traffic share`, unit: "%", direction: "higher", channel, rule: { kind: "ratio", numerator: [column], denominator: allTraffic, scale: 1 } });
  }
  for (const [channel, spend] of adSpend) {
    const revenue = adGmv.get(channel);
    if (revenue === undefined) continue;
    specs.push({ key: channelKey(channel, "roi"), nameZh: `${channel}广告ROI`, nameEn: `${channel} ad ROI`, unit: "ratio", direction: "higher", channel, rule: { kind: "ratio", numerator: [revenue], denominator: [spend], scale: 1 } });
  }

  table.columns.forEach((c, column) => {
    if (c.meaning.kind !== "custom") return;
    const { name, unit, aggregation } = c.meaning;
    specs.push({ key: `custom:${name}`, nameZh: name, nameEn: name, unit, direction: "higher", rule: { kind: aggregation, column }, meanOfRates: aggregation === "mean" });
  });
  return specs;
}

/** The value of one column in each month of `months`, null where missing or outside the data. */
export function columnValues(table: MonthlyTable, column: number, months: readonly Month[]): (number | null)[] {
  return months.map((m) => {
    const index = table.months.indexOf(m);
    return index < 0 ? null : table.columns[column].values[index];
  });
}

/** The columns' total over the months: the sum of the months, or a column's exact period total where it has one. */
function sumOf(table: MonthlyTable, columns: number[], months: readonly Month[], missing: Set<Month>): number {
  let sum = 0;
  for (const column of columns) {
    let columnSum = 0;
    let complete = true;
    columnValues(table, column, months).forEach((v, i) => {
      if (v === null) {
        missing.add(months[i]);
        complete = false;
      } else columnSum += v;
    });
    const exact = complete ? table.columns[column].periodTotal?.(months) : undefined;
    sum += exact ?? columnSum;
  }
  return sum;
}

/** A metric's value over a set of months; n.a. when any month lacks a needed value. */
export function periodValue(table: MonthlyTable, rule: PeriodRule, months: readonly Month[]): PeriodValue {
  const missing = new Set<Month>();
  let value: number | null = null;
  if (months.length === 0) return { value: null, missing: [] };
  switch (rule.kind) {
    case "sum":
      value = sumOf(table, [rule.column], months, missing);
      break;
    case "last":
      value = columnValues(table, rule.column, months.slice(-1))[0];
      if (value === null) missing.add(months[months.length - 1]);
      break;
    case "mean":
      value = sumOf(table, [rule.column], months, missing) / months.length;
      break;
    case "ratio": {
      const numerator = sumOf(table, rule.numerator, months, missing);
      const denominator = sumOf(table, rule.denominator, months, missing);
      value = denominator === 0 ? null : (numerator / denominator) * rule.scale;
      break;
    }
  }
  const missingMonths = [...missing].sort((a, b) => a - b);
  return { value: missingMonths.length > 0 ? null : value, missing: missingMonths };
}
