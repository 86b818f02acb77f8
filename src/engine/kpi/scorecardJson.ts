/** The scorecard as the documented JSON of `kpi-review kpis --json` (rates as fractions, null for n.a.). */
import { formatMonth } from "../read/month";
import { formatIssue, type Lang } from "../../i18n/issues";
import type { Period, Scorecard } from "./scorecard";

export interface ScorecardJson {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  metrics: Array<{
    key: string;
    name: string;
    unit: string;
    direction: string;
    actual: number | null;
    /** Against the target to date where the target is for a longer period (see targetFullPeriod, targetBasis). */
    target: number | null;
    targetFullPeriod: number | null;
    targetBasis: "seasonal" | "linear" | "as given" | null;
    attainment: number | null;
    deltaTarget: number | null;
    previous: number | null;
    deltaPrevious: number | null;
    growth: number | null;
    ppChange: number | null;
    status: string | null;
    rule: "sum" | "last" | "mean" | "ratio";
  }>;
  drivers: { previous: number | null; actual: number | null; effects: { visitors: number; conversion: number; aov: number } | null };
  warnings: string[];
}

function periodJson(period: Period) {
  return { from: formatMonth(period.from), to: formatMonth(period.to) };
}

export function scorecardToJson(scorecard: Scorecard, lang: Lang, extraWarnings: string[] = []): ScorecardJson {
  return {
    period: periodJson(scorecard.period),
    previousPeriod: periodJson(scorecard.previousPeriod),
    metrics: scorecard.metrics.map((m) => ({
      key: m.key,
      name: lang === "zh" ? m.nameZh : m.nameEn,
      unit: m.unit,
      direction: m.direction,
      actual: m.actual,
      target: m.target,
      targetFullPeriod: m.targetFullPeriod,
      targetBasis: m.targetBasis,
      attainment: m.attainment,
      deltaTarget: m.deltaTarget,
      previous: m.previous,
      deltaPrevious: m.deltaPrevious,
      growth: m.growth,
      ppChange: m.ppChange,
      status: m.status,
      rule: m.spec.rule.kind,
    })),
    drivers: { previous: scorecard.drivers.previous, actual: scorecard.drivers.actual, effects: scorecard.drivers.effects },
    warnings: [...extraWarnings, ...scorecard.warnings.map((w) => formatIssue(w, lang))],
  };
}
