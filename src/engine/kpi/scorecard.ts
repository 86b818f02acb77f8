/**
 * The scorecard of a period: for every metric the table supports, AC, PL, PY and the comparisons of
 * domain.md, plus the LMDI drivers of GMV. This is what the CLI prints and the review renders.
 */
import type { Direction, Unit } from "../metrics/catalog";
import type { MonthlyTable } from "../read/monthlyTable";
import { formatMonth, monthOfYear, monthRange, monthYear, makeMonth, type Month } from "../read/month";
import type { Target } from "../read/targets";
import { namesNoPeriod } from "../read/targetPeriod";
import { issue, type Issue } from "../../i18n/issues";
import { attainment, growth, ppChange, status, variance, DEFAULT_THRESHOLDS, type Status, type StatusThresholds } from "./compare";
import { gmvFactors, type DriverEffect, type LmdiEffects } from "./lmdi";
import { metricSpecs, periodValue, type MetricSpec } from "./metricSpecs";
import { resolveTarget, targetKind, type TargetBasis, type TargetProgress } from "./targetToDate";

export interface Period {
  from: Month;
  to: Month;
}

export interface MetricResult {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: Unit;
  direction: Direction;
  actual: number | null;
  /** PL of the reviewed period: the target to date where the target is for a longer period. */
  target: number | null;
  /** The target as stated, for its whole period (the full year of an annual target). */
  targetFullPeriod: number | null;
  /** How `target` was derived from `targetFullPeriod`. */
  targetBasis: TargetBasis | null;
  /** Time progress, forecast and required run-rate where the target is for a longer period. */
  targetProgress: TargetProgress | null;
  attainment: number | null;
  deltaTarget: number | null;
  previous: number | null;
  deltaPrevious: number | null;
  growth: number | null;
  ppChange: number | null;
  status: Status | null;
  /** The industry average (BM) from the targets table; null where none is given. */
  benchmark: number | null;
  spec: MetricSpec;
}

export interface DriverResult {
  previous: number | null;
  actual: number | null;
  /** The three effects visitors / conversion / aov; null where the decomposition has two factors or none. */
  effects: LmdiEffects | null;
  /** The effects in order: visitors, conversion, aov; or buyers, aov without visitors (an order list). */
  factors: DriverEffect[] | null;
}

export interface Scorecard {
  period: Period;
  previousPeriod: Period;
  metrics: MetricResult[];
  drivers: DriverResult;
  warnings: Issue[];
}

export interface ScorecardOptions {
  period?: Period;
  thresholds?: StatusThresholds;
}

export function periodMonths(period: Period): Month[] {
  return monthRange(period.from, period.to);
}

export function previousYear(period: Period): Period {
  return { from: period.from - 12, to: period.to - 12 };
}

export function formatPeriod(period: Period): string {
  return period.from === period.to ? formatMonth(period.from) : `${formatMonth(period.from)}..${formatMonth(period.to)}`;
}

/** Default period: the months of the latest calendar year in the data. */
export function defaultPeriod(table: MonthlyTable): Period {
  const last = table.months[table.months.length - 1];
  const yearStart = makeMonth(monthYear(last), 1);
  const from = table.months.find((m) => m >= yearStart)!;
  return { from, to: last };
}

export function computeScorecard(table: MonthlyTable, targets: readonly Target[], options: ScorecardOptions = {}): Scorecard {
  const period = options.period ?? defaultPeriod(table);
  const previousPeriod = previousYear(period);
  const months = periodMonths(period);
  const previousMonths = periodMonths(previousPeriod);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const warnings: Issue[] = [];
  const first = table.months[0];
  const last = table.months[table.months.length - 1];

  if (period.to < first || period.from > last) {
    warnings.push(issue("periodOutsideData", undefined, { period: formatPeriod(period), range: formatPeriod({ from: first, to: last }) }));
  }
  // Daily data with days missing: a short month inside the period or its PY skews the figures shown (domain.md).
  const short = (table.daily?.incompleteMonths ?? []).filter((m) => months.includes(m) || previousMonths.includes(m));
  if (short.length > 0) warnings.push(issue("periodIncompleteDays", undefined, { months: short.map(formatMonth).join(", ") }));
  const hasPrevious = previousMonths.some((m) => table.months.includes(m));
  if (!hasPrevious) warnings.push(issue("noPreviousYear", undefined, { period: formatPeriod(previousPeriod) }));

  const specs = metricSpecs(table);
  const metrics = specs.map((spec): MetricResult => {
    const current = periodValue(table, spec.rule, months);
    const before = periodValue(table, spec.rule, previousMonths);
    if (current.missing.length > 0) {
      warnings.push(issue("missingValues", undefined, { metric: spec.nameZh, metricEn: spec.nameEn, months: current.missing.map(formatMonth).join(", "), period: formatPeriod(period) }));
    }
    if (hasPrevious && before.missing.length > 0) {
      warnings.push(issue("missingValues", undefined, { metric: spec.nameZh, metricEn: spec.nameEn, months: before.missing.map(formatMonth).join(", "), period: formatPeriod(previousPeriod) }));
    }
    if (spec.meanOfRates) warnings.push(issue("rateMean", undefined, { metric: spec.nameZh, metricEn: spec.nameEn }));

    const target = targets.find((t) => t.key === spec.key);
    const direction = target?.direction ?? spec.direction;
    const resolved = resolveTarget(table, target, spec.rule, months, current.value);
    if (resolved.mismatch) {
      const { targetMonths } = resolved.mismatch;
      warnings.push(issue("targetPeriodMismatch", target?.address, { metric: spec.nameZh, metricEn: spec.nameEn, target: formatPeriod({ from: targetMonths[0], to: targetMonths[targetMonths.length - 1] }), period: formatPeriod(period) }));
    }
    const plan = resolved.target;
    const reached = attainment(current.value, plan, direction);
    return {
      key: spec.key,
      nameZh: spec.nameZh,
      nameEn: spec.nameEn,
      unit: spec.unit,
      direction,
      actual: current.value,
      target: plan,
      targetFullPeriod: resolved.fullPeriod,
      targetBasis: resolved.basis,
      targetProgress: resolved.progress,
      attainment: reached,
      deltaTarget: variance(current.value, plan),
      previous: before.value,
      deltaPrevious: variance(current.value, before.value),
      growth: growth(current.value, before.value),
      ppChange: spec.unit === "%" ? ppChange(current.value, before.value) : null,
      status: status(reached, thresholds),
      benchmark: target?.benchmark ?? null,
      spec,
    };
  });

  for (const target of targets) {
    if (!specs.some((s) => s.key === target.key)) warnings.push(issue("targetUnknownMetric", target.address, { name: target.name }));
  }

  warnings.push(...targetToDateNotes(metrics, period));
  warnings.push(...reviewedPeriodTargetNotes(metrics, targets, period));
  return { period, previousPeriod, metrics, drivers: computeDrivers(metrics, hasPrevious, warnings), warnings };
}

/**
 * A target column without a year or 全年 (`目标`) is the target of the reviewed months as they are; where those
 * months are not a whole calendar year the analyst may have meant an annual target, so the output says how the
 * target was taken and how to mark an annual one (`2025目标` / `全年目标`), one note per target column.
 */
function reviewedPeriodTargetNotes(metrics: MetricResult[], targets: readonly Target[], period: Period): Issue[] {
  const months = periodMonths(period);
  const wholeYear = months.length === 12 && monthOfYear(months[0]) === 1;
  if (wholeYear) return [];
  const used = metrics.filter((m) => m.target !== null && m.targetBasis === "as given" && m.targetProgress === null);
  const fromPlainColumn = used.filter((m) => {
    const target = targets.find((t) => t.key === m.key);
    return target !== undefined && target.value !== null && target.period.kind === "reviewed" && namesNoPeriod(target.header ?? "");
  });
  const byHeader = new Map<string, MetricResult[]>();
  for (const m of fromPlainColumn) {
    const header = targets.find((t) => t.key === m.key)!.header ?? "";
    byHeader.set(header, [...(byHeader.get(header) ?? []), m]);
  }
  const year = monthYear(months[months.length - 1]);
  return [...byHeader].map(([header, list]) =>
    issue("targetForReviewedMonths", undefined, {
      header,
      period: formatPeriod(period),
      months: months.length,
      year,
      metrics: list.map((m) => m.nameZh).join("、"),
      metricsEn: list.map((m) => m.nameEn).join(", "),
    }),
  );
}

/** Says how each metric's target was brought to the reviewed period, one note per way (domain.md: "the output says which"). */
function targetToDateNotes(metrics: MetricResult[], period: Period): Issue[] {
  const partial = metrics.filter((m) => m.targetProgress !== null);
  if (partial.length === 0) return [];
  const { targetMonths } = partial[0].targetProgress!;
  const params = { period: formatPeriod(period), target: formatPeriod({ from: targetMonths[0], to: targetMonths[targetMonths.length - 1] }), months: periodMonths(period).length, of: targetMonths.length };
  const names = (list: MetricResult[]) => ({ metrics: list.map((m) => m.nameZh).join("、"), metricsEn: list.map((m) => m.nameEn).join(", ") });
  const groups: Array<[Parameters<typeof issue>[0], MetricResult[]]> = [
    ["targetSeasonal", partial.filter((m) => m.targetBasis === "seasonal")],
    ["targetLinear", partial.filter((m) => m.targetBasis === "linear")],
    ["targetStock", partial.filter((m) => targetKind(m.spec.rule) === "stock")],
    ["targetRateAsGiven", partial.filter((m) => targetKind(m.spec.rule) === "rate")],
  ];
  return groups.filter(([, list]) => list.length > 0).map(([code, list]) => issue(code, undefined, { ...params, ...names(list) }));
}

function computeDrivers(metrics: MetricResult[], hasPrevious: boolean, warnings: Issue[]): DriverResult {
  const pick = (key: string, which: "actual" | "previous") => metrics.find((m) => m.key === key)?.[which] ?? undefined;
  const before = { visitors: pick("visitors", "previous"), buyers: pick("buyers", "previous"), gmv: pick("gmv", "previous") };
  const after = { visitors: pick("visitors", "actual"), buyers: pick("buyers", "actual"), gmv: pick("gmv", "actual") };
  const result = gmvFactors(before, after);
  if (!result.ok && hasPrevious) {
    warnings.push(issue("lmdiNotPossible", undefined, { reason: result.reason }));
  }
  const factors = result.ok ? result.factors : null;
  const effect = (key: string) => factors!.find((f) => f.key === key)!.effect;
  const effects = factors && factors.length === 3 ? { visitors: effect("visitors"), conversion: effect("conversion"), aov: effect("aov") } : null;
  return { previous: before.gmv ?? null, actual: after.gmv ?? null, effects, factors };
}
