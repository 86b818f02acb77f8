/**
 * The metrics a monthly table supports and how each one's period value is computed from the columns.
 * Derived metrics are ratios of their parts' period sums, never averages of monthly rates; a rate that
 * exists only as its own column falls back to the simple mean, flagged so that the review says so.
 */
import { BASE_METRICS, DERIVED_METRICS, normaliseName, type BaseMetricKey, type Direction, type Unit } from "../metrics/catalog";
import { channelKey, segmentKey, type ChannelMeasure } from "../metrics/headers";
import { meaningLabel, type MonthlyColumn, type MonthlyTable } from "../read/monthlyTable";
import { baseRule, meaningOfName, type RuleSource } from "../read/columnRules";
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
  /** Set for customer-type splits (新客, 老客, 会员, 非会员). */
  segment?: string;
  /** Who decided the rule: the catalog, a rule read from the name, or the analyst. */
  decidedBy?: RuleSource;
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

function ruleOf(column: MonthlyColumn) {
  return column.rule ?? baseRule(column.meaning);
}

/** Every metric the table supports, in the order of domain.md's table, then channels, customer types, custom metrics. */
export function metricSpecs(table: MonthlyTable): MetricSpec[] {
  const specs: MetricSpec[] = [];
  for (const def of BASE_METRICS) {
    const column = baseColumn(table, def.key);
    if (column < 0) continue;
    const rule = ruleOf(table.columns[column]);
    specs.push({ key: def.key, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, direction: rule.direction, rule: { kind: rule.aggregation, column }, meanOfRates: rule.aggregation === "mean" && def.unit === "%", decidedBy: rule.decidedBy });
  }
  for (const def of DERIVED_METRICS) {
    const numerator = baseColumn(table, def.numerator as BaseMetricKey);
    const denominator = baseColumn(table, def.denominator as BaseMetricKey);
    const own = baseColumn(table, def.key);
    const rule = own >= 0 ? ruleOf(table.columns[own]) : undefined;
    const common = { key: def.key, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, direction: rule?.direction ?? def.direction, decidedBy: rule?.decidedBy ?? ("catalog" as const) };
    if (numerator >= 0 && denominator >= 0) specs.push({ ...common, rule: { kind: "ratio", numerator: [numerator], denominator: [denominator], scale: def.scale } });
    else if (own >= 0) specs.push({ ...common, rule: { kind: "mean", column: own }, meanOfRates: true });
  }

  const gmv = baseColumn(table, "gmv");
  const channelGmv = channelColumns(table, "gmv");
  const traffic = channelColumns(table, "traffic");
  const adSpend = channelColumns(table, "adSpend");
  const adGmv = channelColumns(table, "adGmv");
  for (const [channel, column] of channelGmv) {
    if (gmv >= 0) specs.push({ key: channelKey(channel, "gmvShare"), nameZh: `${channel}GMV占比`, nameEn: `${channel} GMV share`, unit: "%", direction: "higher", channel, rule: { kind: "ratio", numerator: [column], denominator: [gmv], scale: 1 } });
    else specs.push({ key: channelKey(channel, "gmv"), nameZh: `${channel}GMV`, nameEn: `${channel} GMV`, unit: "元", direction: "higher", channel, rule: { kind: "sum", column } });
  }
  const allTraffic = [...traffic.values()];
  for (const [channel, column] of traffic) {
    specs.push({ key: channelKey(channel, "trafficShare"), nameZh: `${channel}流量占比`, nameEn: `${channel} traffic share`, unit: "%", direction: "higher", channel, rule: { kind: "ratio", numerator: [column], denominator: allTraffic, scale: 1 } });
  }
  for (const [channel, spend] of adSpend) {
    const revenue = adGmv.get(channel);
    if (revenue === undefined) {
      // A channel's spend without its channel GMV is still shown, as a spend metric.
      specs.push({ key: channelKey(channel, "adSpend"), nameZh: `${channel}广告花费`, nameEn: `${channel} ad spend`, unit: "元", direction: "lower", channel, rule: { kind: "sum", column: spend } });
      continue;
    }
    specs.push({ key: channelKey(channel, "roi"), nameZh: `${channel}广告ROI`, nameEn: `${channel} ad ROI`, unit: "ratio", direction: "higher", channel, rule: { kind: "ratio", numerator: [revenue], denominator: [spend], scale: 1 } });
  }
  specs.push(...segmentSpecs(table));

  table.columns.forEach((c, column) => {
    if (c.meaning.kind !== "custom") return;
    const { name } = c.meaning;
    // A share column whose parts are in the data (搜索GMV占比 beside 搜索GMV and GMV) is the ratio of their sums, computed above.
    if (specs.some((s) => s.rule.kind === "ratio" && (s.channel !== undefined || s.segment !== undefined) && normaliseName(s.nameZh) === normaliseName(name))) return;
    const rule = ruleOf(c);
    specs.push({ key: `custom:${name}`, nameZh: name, nameEn: name, unit: rule.unit, direction: rule.direction, rule: { kind: rule.aggregation, column }, meanOfRates: rule.aggregation === "mean" && rule.unit === "%", decidedBy: rule.decidedBy });
  });
  return specs;
}

/**
 * Customer-type splits (新客GMV, 老客GMV): each type's share of the total where the total (or the other types) is
 * in the data and the measure adds up; otherwise the split's own value by its rule.
 */
function segmentSpecs(table: MonthlyTable): MetricSpec[] {
  const specs: MetricSpec[] = [];
  const segments = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.meaning.kind === "segment");
  for (const { c, i } of segments) {
    if (c.meaning.kind !== "segment") continue;
    const { segment, of } = c.meaning;
    const ofLabel = meaningLabel(meaningOfName(of));
    const rule = ruleOf(c);
    const total = table.columns.findIndex((t) => meaningLabel(t.meaning) === ofLabel);
    const siblings = segments.filter(({ c: s }) => s.meaning.kind === "segment" && meaningLabel(meaningOfName(s.meaning.of)) === ofLabel).map(({ i: k }) => k);
    const denominator = total >= 0 ? [total] : siblings.length > 1 ? siblings : [];
    if (rule.aggregation === "sum" && denominator.length > 0) {
      specs.push({ key: segmentKey(segment, ofLabel, true), nameZh: `${segment}${of}占比`, nameEn: `${segment} ${of} share`, unit: "%", direction: "higher", segment, rule: { kind: "ratio", numerator: [i], denominator, scale: 1 } });
    } else {
      specs.push({ key: segmentKey(segment, ofLabel, false), nameZh: `${segment}${of}`, nameEn: `${segment} ${of}`, unit: rule.unit, direction: rule.direction, segment, rule: { kind: rule.aggregation, column: i }, decidedBy: rule.decidedBy });
    }
  }
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
