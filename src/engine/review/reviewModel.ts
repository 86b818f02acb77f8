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
import { splitTarget } from "../kpi/targetSplit";
import type { MetricSpec } from "../kpi/metricSpecs";
import type { OrderTable } from "../customers/orderTable";
import { segmentOrders, type Segmentation } from "../customers/segmentation";
import type { SegmentationSettings } from "../customers/rfm";
import type { Lang } from "../../i18n/issues";
import { dimensionSection, type DimensionSection } from "./dimensionSection";

export interface ReviewInput {
  table: MonthlyTable;
  targets: Target[];
  period?: Period;
  thresholds?: StatusThresholds;
  /**
   * An order list; `segmentation` when it was already computed (by the pane's Web Worker, or a SQL engine, whose
   * per-customer arrays then hold only the `customerList.shown` largest customers).
   */
  orders?: { table: OrderTable; settings: SegmentationSettings; rejectedRows: number; source: string; segmentation?: Segmentation; customerList?: CustomerListCap };
  /** A target for the next period (same months a year later), split by this period's months. */
  nextTarget?: { value: number; metric: string; unit: number };
  lang: Lang;
  /** Where the data came from, for the title block. */
  source: string;
  generatedAt: Date;
}

export interface TrendSection {
  metric: MetricResult;
  rows: TrendRow[];
  /** Monthly plan: the monthly targets, or the period target split by PY seasonality; null without a target. */
  plan: number[] | null;
  planSource: "monthly" | "split" | "even" | null;
  /** Months elapsed in the calendar year at each month (time progress = that / 12). */
  progress: number[];
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
  months: Month[];
  weights: number[];
  values: number[];
  target: number;
  unit: number;
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
  customers: (Segmentation & { orders: OrderTable; rejectedRows: number; customerList?: CustomerListCap }) | null;
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
  if (target && months.every((m) => target.monthly.has(m))) {
    plan = months.map((m) => target.monthly.get(m)!);
    planSource = "monthly";
  } else if (metric.target !== null && Number.isInteger(metric.target) && metric.spec.rule.kind === "sum") {
    const seasonality = rows.map((r) => r.previous);
    const usable = seasonality.every((v): v is number => v !== null && v >= 0) && seasonality.some((v) => (v ?? 0) > 0);
    plan = splitTarget(metric.target, usable ? (seasonality as number[]) : months.map(() => 1));
    planSource = usable ? "split" : "even";
  }
  return {
    metric,
    rows,
    plan,
    planSource,
    progress: months.map((m) => monthOfYear(m)),
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

function targetSplitSection(table: MonthlyTable, scorecard: Scorecard, next: NonNullable<ReviewInput["nextTarget"]>): TargetSplitSection | null {
  const metric = scorecard.metrics.find((m) => m.key === next.metric);
  if (!metric) return null;
  const basis = periodMonths(scorecard.period);
  const weights = basis.map((m) => monthValue(table, metric.spec, m) ?? 0);
  const values = splitTarget(next.value, weights, next.unit);
  return { metric, months: basis.map((m) => m + 12), weights, values, target: next.value, unit: next.unit };
}

/** A capped 客户明细 list: how many customers it shows of how many, and the file holding all of them. */
export interface CustomerListCap {
  shown: number;
  total: number;
  fullList?: string;
}

export function buildReview(input: ReviewInput): ReviewModel {
  const thresholds = input.thresholds ?? { green: 1, amber: 0.9 };
  const scorecard = computeScorecard(input.table, input.targets, { period: input.period, thresholds });
  const customers = input.orders
    ? { ...(input.orders.segmentation ?? segmentOrders(input.orders.table, input.orders.settings)), orders: input.orders.table, rejectedRows: input.orders.rejectedRows, customerList: input.orders.customerList }
    : null;
  return {
    lang: input.lang,
    source: input.source,
    ordersSource: input.orders?.source,
    generatedAt: input.generatedAt,
    scorecard,
    trend: trendSection(input.table, scorecard, input.targets),
    channels: channelSection(input.table, scorecard),
    dimension: dimensionSection(input.table, scorecard),
    customers,
    targetSplit: input.nextTarget ? targetSplitSection(input.table, scorecard, input.nextTarget) : null,
    thresholds,
  };
}

/** "2025年" for a full calendar year, else the month range. */
export function isFullYear(period: Period): boolean {
  return monthOfYear(period.from) === 1 && period.to - period.from === 11 && monthYear(period.from) === monthYear(period.to);
}
