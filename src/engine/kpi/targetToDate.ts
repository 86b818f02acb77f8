/**
 * The target a period is compared with when the target is for a longer period (domain.md, "Targets for a
 * longer period than the one reviewed"): metrics that add up compare with the target to date, PL × (PY of
 * the reviewed months / PY of the whole target period) — seasonal — or PL × months / target months where PY
 * is incomplete — linear; a stock compares its latest value with the target as it is (a level at the end of
 * the target period); a rate's or an average's target applies to any sub-period as given. Monthly targets
 * add up (or, for a stock, take the last month) over the period.
 */
import type { MonthlyTable } from "../read/monthlyTable";
import { makeMonth, monthRange, monthYear, type Month } from "../read/month";
import type { Target } from "../read/targets";
import { linearForecast, requiredRunRate, seasonalForecast, timeProgress } from "./progress";
import { periodValue, type PeriodRule } from "./metricSpecs";

export type TargetBasis = "seasonal" | "linear" | "as given";

/** How a metric's months combine, as far as targets are concerned. */
export type TargetKind = "additive" | "stock" | "rate";

export function targetKind(rule: PeriodRule): TargetKind {
  return rule.kind === "sum" ? "additive" : rule.kind === "last" ? "stock" : "rate";
}

/** Where the reviewed period sits in a longer target period, with the figures the review shows beside it. */
export interface TargetProgress {
  /** The months the full target is for. */
  targetMonths: Month[];
  /** Months of the target period up to the end of the reviewed period / months of the target period. */
  timeProgress: number;
  monthsLeft: number;
  /** Actual from the start of the target period to the end of the reviewed one (a stock: its latest value). */
  toDate: number | null;
  /** How much of the full target is done: additive to date / PL; a stock (latest − start) / (PL − start). */
  completion: number | null;
  /** A stock's value just before the target period (its level at the start of the year). */
  startValue: number | null;
  /** Full-period forecast: seasonal by PY, linear where PY is incomplete (additive metrics only). */
  forecast: number | null;
  /** Monthly figure still needed to reach the full target: (PL − to date) / months left (a stock: net adds). */
  requiredRunRate: number | null;
}

export interface ResolvedTarget {
  /** What the period is compared with. */
  target: number | null;
  /** The target of the whole target period. */
  fullPeriod: number | null;
  basis: TargetBasis | null;
  /** Set when the target period is longer than the reviewed one. */
  progress: TargetProgress | null;
  /** The target is for months that do not contain the reviewed period. */
  mismatch?: { targetMonths: Month[] };
}

const NONE: ResolvedTarget = { target: null, fullPeriod: null, basis: null, progress: null };

/** PL × share of the target period: seasonal when PY covers every month of it (non-negative, positive total). */
export function proRatedTarget(full: number, previousReviewed: number | null, previousFull: (number | null)[], reviewedMonths: number): { value: number; basis: "seasonal" | "linear" } {
  const complete = previousFull.every((v): v is number => v !== null && v >= 0);
  const total = complete ? (previousFull as number[]).reduce((s, v) => s + v, 0) : 0;
  if (complete && total > 0 && previousReviewed !== null) return { value: (full * previousReviewed) / total, basis: "seasonal" };
  return { value: (full * reviewedMonths) / previousFull.length, basis: "linear" };
}

function yearMonths(year: number): Month[] {
  return monthRange(makeMonth(year, 1), makeMonth(year, 12));
}

function sameMonths(a: readonly Month[], b: readonly Month[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** A value of one column per month, via the metric's rule (a month's own value). */
function monthly(table: MonthlyTable, rule: PeriodRule, months: readonly Month[]): (number | null)[] {
  return months.map((m) => periodValue(table, rule, [m]).value);
}

function fromMonthlyTargets(target: Target, kind: TargetKind, months: Month[]): ResolvedTarget {
  if (!months.every((m) => target.monthly.has(m))) return NONE;
  const pick = (ms: Month[]) => (kind === "additive" ? ms.reduce((s, m) => s + target.monthly.get(m)!, 0) : kind === "stock" ? target.monthly.get(ms[ms.length - 1])! : null);
  const value = pick(months);
  if (value === null) return NONE;
  const year = monthYear(months[0]);
  const whole = yearMonths(year);
  const fullYear = monthYear(months[months.length - 1]) === year && whole.every((m) => target.monthly.has(m)) ? pick(whole) : value;
  return { target: value, fullPeriod: fullYear, basis: "as given", progress: null };
}

/**
 * The target the reviewed `months` are compared with.
 * @param actual the metric's value over `months`
 */
export function resolveTarget(table: MonthlyTable, target: Target | undefined, rule: PeriodRule, months: Month[], actual: number | null): ResolvedTarget {
  if (!target || months.length === 0) return NONE;
  const kind = targetKind(rule);
  if (target.value === null) return fromMonthlyTargets(target, kind, months);
  const full = target.value;
  if (target.period.kind === "reviewed") return { target: full, fullPeriod: full, basis: "as given", progress: null };

  const year = target.period.year ?? monthYear(months[0]);
  const targetMonths = yearMonths(year);
  if (!months.every((m) => targetMonths.includes(m))) return { ...NONE, fullPeriod: full, mismatch: { targetMonths } };
  if (sameMonths(months, targetMonths)) return { target: full, fullPeriod: full, basis: "as given", progress: null };

  const end = months[months.length - 1];
  const elapsed = end - targetMonths[0] + 1;
  const monthsLeft = targetMonths.length - elapsed;
  const base: TargetProgress = { targetMonths, timeProgress: timeProgress(elapsed, targetMonths.length), monthsLeft, toDate: null, completion: null, startValue: null, forecast: null, requiredRunRate: null };

  if (kind === "rate") return { target: full, fullPeriod: full, basis: "as given", progress: base };

  if (kind === "stock") {
    const startValue = periodValue(table, rule, [targetMonths[0] - 1]).value;
    const toDate = actual;
    const completion = toDate !== null && startValue !== null && full !== startValue ? (toDate - startValue) / (full - startValue) : null;
    const needed = toDate === null ? null : requiredRunRate(full, toDate, monthsLeft);
    return { target: full, fullPeriod: full, basis: "as given", progress: { ...base, toDate, completion, startValue, requiredRunRate: needed } };
  }

  const previousFull = monthly(table, rule, targetMonths.map((m) => m - 12));
  const previousReviewed = periodValue(table, rule, months.map((m) => m - 12)).value;
  const { value, basis } = proRatedTarget(full, previousReviewed, previousFull, months.length);
  const ytdMonths = monthRange(targetMonths[0], end);
  const toDate = periodValue(table, rule, ytdMonths).value;
  let forecast: number | null = null;
  if (toDate !== null) {
    if (basis === "seasonal") {
      const previousYtd = periodValue(table, rule, ytdMonths.map((m) => m - 12)).value;
      const previousTotal = (previousFull as number[]).reduce((s, v) => s + v, 0);
      forecast = previousYtd === null ? null : seasonalForecast(toDate, previousYtd, previousTotal);
    } else forecast = linearForecast(toDate, elapsed, targetMonths.length);
  }
  return {
    target: value,
    fullPeriod: full,
    basis,
    progress: {
      ...base,
      toDate,
      completion: toDate !== null && full !== 0 ? toDate / full : null,
      forecast,
      requiredRunRate: toDate === null ? null : requiredRunRate(full, toDate, monthsLeft),
    },
  };
}
