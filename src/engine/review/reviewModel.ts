/**
 * The review: everything a manager reads, computed once from the engine's results. The sheet layout
 * (reviewSheets.ts) and the generated sentences (insights.ts) read this model; neither computes numbers.
 */
import type { MonthlyTable } from "../read/monthlyTable";
import type { Target } from "../read/targets";
import { monthOfYear, monthYear, type Month } from "../read/month";
import { computeScorecard, periodMonths, type MetricResult, type Period, type Scorecard } from "../kpi/scorecard";
import type { StatusThresholds } from "../kpi/compare";
import { monthlyTrend, monthValue, type TrendRow } from "../kpi/trend";
import { planNextPeriod, splitTargetLenient, usableWeights, type NextPlanMethod } from "../kpi/targetSplit";
import { targetKind, type TargetKind } from "../kpi/targetToDate";
import { metricSpecs, type MetricSpec } from "../kpi/metricSpecs";
import { InputError, issue } from "../../i18n/issues";
import type { OrderTable } from "../customers/orderTable";
import { segmentOrders, type Segmentation } from "../customers/segmentation";
import type { SegmentationSettings } from "../customers/rfm";
import type { Lang } from "../../i18n/issues";
import { monthlyFromOrders, type OrdersMonthly } from "../orders/monthlyFromOrders";
import { DEFAULT_PRODUCT_SETTINGS, productMix, type ProductSection, type ProductSettings } from "../orders/productMix";
import { categoryMix, type CategorySection } from "../orders/categoryMix";
import { customersOverTime, type CustomersOverTimeSection } from "../orders/customersOverTime";
import { dimensionSection, type DimensionSection } from "./dimensionSection";

export interface ReviewInput {
  /** The monthly sheet; without it the monthly figures are built from the order list. */
  table?: MonthlyTable;
  targets: Target[];
  period?: Period;
  thresholds?: StatusThresholds;
  /**
   * An order list (its product, category and quantity columns where it has them); `segmentation` when it was
   * already computed (by the pane's Web Worker); `source`: file name and the columns used; `listCap`: customers
   * listed in the 客户明细 sheet (default 10,000).
   */
  orders?: { table: OrderTable; settings: SegmentationSettings; rejectedRows: number; source: string; segmentation?: Segmentation; listCap?: number };
  /** Top-N and price bands of the products sheet. */
  products?: Partial<ProductSettings>;
  /** A target for the next period (same months a year later), split by this period's months; `name` as the user wrote it. */
  nextTarget?: { value: number; metric: string; unit: number; name?: string };
  lang: Lang;
  /** Where the data came from, for the title block. */
  source: string;
  generatedAt: Date;
}

export interface TrendSection {
  metric: MetricResult;
  rows: TrendRow[];
  /**
   * Monthly plan: the monthly targets, or the period target split by PY seasonality; where the target is for
   * the whole year (Jan–Sep reviewed), the full-year target split over all twelve months and the reviewed
   * months shown. Null without a target.
   */
  plan: number[] | null;
  planSource: "monthly" | "split" | "even" | "yearSplit" | "yearEven" | null;
  /** What cumulative attainment divides by: the target of the whole target period (the full year), else the plan's sum. */
  planFull: number | null;
  /** Months summed by the cumulative columns at each month (time progress = that / progressMonths). */
  progress: number[];
  /** 12 against a calendar year's target; the number of months reviewed where the target is for those months. */
  progressMonths: number;
  /** The month before the period, for the first month's MoM. */
  previousMonthActual: number | null;
}

export interface ChannelSection {
  shares: MetricResult[];
  /** Customer-type splits (新客GMV占比 …), shown under their own heading. */
  segments: MetricResult[];
  roi: MetricResult[];
  /** Traffic share by month for each traffic channel (rows: months of the period). */
  monthlyTraffic: { channels: string[]; months: Month[]; shares: (number | null)[][] } | null;
}

export interface TargetSplitSection {
  metric: MetricResult;
  kind: TargetKind;
  method: NextPlanMethod;
  /** The next period's months (this period's, a year later). */
  months: Month[];
  /** This period's monthly values, the seasonality (null where a month has none). */
  weights: (number | null)[];
  /** Monthly targets; for a stock the level at each month's end. */
  values: number[];
  target: number;
  unit: number;
  /** The part of a target below one unit, carried by month `remainderIndex` (−1 for whole targets). */
  remainder: number;
  remainderIndex: number;
}

export interface ReviewModel {
  lang: Lang;
  source: string;
  ordersSource?: string;
  generatedAt: Date;
  scorecard: Scorecard;
  trend: TrendSection | null;
  channels: ChannelSection;
  /** A dimension column's breakdown (渠道, 品类 …), when the monthly data has one. */
  dimension: DimensionSection | null;
  customers: (Segmentation & { orders: OrderTable; rejectedRows: number; listCap?: number }) | null;
  /** True when the monthly figures were built from the order list (no monthly sheet). */
  fromOrders: boolean;
  /** The order list's monthly figures (whenever there is an order list). */
  ordersMonthly: OrdersMonthly | null;
  products: ProductSection | null;
  categories: CategorySection | null;
  customersOverTime: CustomersOverTimeSection | null;
  targetSplit: TargetSplitSection | null;
  thresholds: StatusThresholds;
}

function trendSection(table: MonthlyTable, scorecard: Scorecard, targets: Target[]): TrendSection | null {
  const metric = scorecard.metrics.find((m) => m.key === "gmv") ?? scorecard.metrics[0];
  if (!metric) return null;
  const months = periodMonths(scorecard.period);
  const rows = monthlyTrend(table, metric.spec, months);
  const target = targets.find((t) => t.key === metric.key);
  let plan: number[] | null = null;
  let planSource: TrendSection["planSource"] = null;
  let planFull: number | null = null;
  const additive = targetKind(metric.spec.rule) === "additive";
  const yearMonths = metric.targetProgress?.targetMonths;
  if (target && months.every((m) => target.monthly.has(m))) {
    plan = months.map((m) => target.monthly.get(m)!);
    planSource = "monthly";
    planFull = metric.targetFullPeriod;
  } else if (additive && yearMonths && metric.targetFullPeriod !== null) {
    // The full-year target over all twelve months by last year's months; the reviewed months are shown.
    const seasonality = yearMonths.map((m) => monthValue(table, metric.spec, m - 12));
    const usable = usableWeights(seasonality);
    const parts = splitTargetLenient(metric.targetFullPeriod, usable ? seasonality : yearMonths.map(() => 1)).parts;
    plan = months.map((m) => parts[yearMonths.indexOf(m)]);
    planSource = usable ? "yearSplit" : "yearEven";
    planFull = metric.targetFullPeriod;
  } else if (additive && metric.target !== null) {
    const seasonality = rows.map((r) => r.previous);
    const usable = usableWeights(seasonality);
    plan = splitTargetLenient(metric.target, usable ? seasonality : months.map(() => 1)).parts;
    planSource = usable ? "split" : "even";
    planFull = metric.target;
  }
  return {
    metric,
    rows,
    plan,
    planSource,
    planFull,
    // Time progress counts the months the cumulative columns sum (from the period's first month): over the year
    // against a year's target (Jul–Sep against 2025目标 ends at 3/12, beside Jul–Sep's cumulative share of the
    // year), over the reviewed months against a target for those months (a plain 目标: 9/9 in September).
    progress: months.map((_, i) => i + 1),
    progressMonths: planSource === "split" || planSource === "even" ? months.length : 12,
    previousMonthActual: monthValue(table, metric.spec, months[0] - 1),
  };
}

function channelSection(table: MonthlyTable, scorecard: Scorecard): ChannelSection {
  const shares = scorecard.metrics.filter((m) => m.key.startsWith("channel:") && m.key.endsWith("Share"));
  const roi = scorecard.metrics.filter((m) => m.key.startsWith("channel:") && m.key.endsWith(":roi"));
  const traffic = shares.filter((m) => m.key.endsWith(":trafficShare"));
  const months = periodMonths(scorecard.period);
  const monthlyTraffic =
    traffic.length === 0
      ? null
      : {
          channels: traffic.map((m) => m.spec.channel!),
          months,
          shares: months.map((month) => traffic.map((m) => monthValue(table, m.spec as MetricSpec, month))),
        };
  const segments = scorecard.metrics.filter((m) => m.key.startsWith("segment:"));
  return { shares, roi, segments, monthlyTraffic };
}

/** Next period's targets by the metric's kind; a metric that is not in the data is an error that lists those that are. */
function targetSplitSection(table: MonthlyTable, scorecard: Scorecard, next: NonNullable<ReviewInput["nextTarget"]>): TargetSplitSection {
  const metric = scorecard.metrics.find((m) => m.key === next.metric);
  if (!metric) {
    const specs = metricSpecs(table);
    throw new InputError([
      issue("nextMetricUnknown", undefined, { metric: next.name ?? next.metric, available: specs.map((s) => s.nameZh).join("、"), availableEn: specs.map((s) => s.nameEn).join(", ") }),
    ]);
  }
  const basisMonths = periodMonths(scorecard.period);
  const weights = basisMonths.map((m) => monthValue(table, metric.spec, m));
  const kind = targetKind(metric.spec.rule);
  const plan = planNextPeriod({ kind, target: next.value, basis: weights, unit: next.unit, before: monthValue(table, metric.spec, basisMonths[0] - 1) });
  return { metric, kind, method: plan.method, months: basisMonths.map((m) => m + 12), weights, values: plan.values, target: next.value, unit: next.unit, remainder: plan.remainder, remainderIndex: plan.remainderIndex };
}

export function buildReview(input: ReviewInput): ReviewModel {
  const thresholds = input.thresholds ?? { green: 1, amber: 0.9 };
  const customers = input.orders
    ? { ...(input.orders.segmentation ?? segmentOrders(input.orders.table, input.orders.settings)), orders: input.orders.table, rejectedRows: input.orders.rejectedRows, listCap: input.orders.listCap }
    : null;
  const ordersMonthly = input.orders && customers ? monthlyFromOrders(input.orders.table, { asOf: customers.scores.asOf, sheet: input.orders.source }) : null;
  const table = input.table ?? ordersMonthly?.table;
  if (!table) throw new InputError([issue("noData", input.orders?.source ?? input.source)]);
  const scorecard = computeScorecard(table, input.targets, { period: input.period, thresholds });
  let products: ProductSection | null = null;
  let categories: CategorySection | null = null;
  let overTime: CustomersOverTimeSection | null = null;
  if (input.orders && customers && ordersMonthly) {
    const asOf = customers.scores.asOf;
    products = productMix(input.orders.table, scorecard.period, asOf, { ...DEFAULT_PRODUCT_SETTINGS, abc: input.orders.settings.abc, ...input.products });
    // A category breakdown in the monthly sheet leads (its own sheet); else the order list's category column.
    const sheetCategories = input.table?.breakdown && input.table.breakdown.kind === "category";
    categories = sheetCategories ? null : categoryMix(input.orders.table, scorecard.period, asOf);
    overTime = customersOverTime(ordersMonthly, scorecard.period, input.orders.table, customers.scores, customers.cohorts);
    if ((overTime || !input.table) && scorecard.period.from - ordersMonthly.firstMonth < 12) {
      scorecard.warnings.push(issue("newCustomersOverCounted", undefined, { months: Math.max(0, scorecard.period.from - ordersMonthly.firstMonth) }));
    }
  }
  return {
    lang: input.lang,
    source: input.source,
    ordersSource: input.orders?.source,
    generatedAt: input.generatedAt,
    scorecard,
    trend: trendSection(table, scorecard, input.targets),
    channels: channelSection(table, scorecard),
    dimension: dimensionSection(table, scorecard),
    customers,
    fromOrders: !input.table,
    ordersMonthly,
    products,
    categories,
    customersOverTime: overTime,
    targetSplit: input.nextTarget ? targetSplitSection(table, scorecard, input.nextTarget) : null,
    thresholds,
  };
}

/** "2025年" for a full calendar year, else the month range. */
export function isFullYear(period: Period): boolean {
  return monthOfYear(period.from) === 1 && period.to - period.from === 11 && monthYear(period.from) === monthYear(period.to);
}
