/**
 * A dimension column's breakdown for the review (domain.md, "Categories"): per member, the main metric this
 * period and last year, its share of the total, YoY, the pp change of share and the contribution to the
 * change of the total (Δᵢ = ACᵢ − PYᵢ, adding up to the total's change exactly where all members add up).
 */
import type { Unit } from "../metrics/catalog";
import type { DimensionBreakdown, MonthlyTable } from "../read/monthlyTable";
import { metricSpecs, periodValue, type MetricSpec } from "../kpi/metricSpecs";
import { growth, ppChange } from "../kpi/compare";
import { periodMonths, type Scorecard } from "../kpi/scorecard";

export interface DimensionRow {
  member: string;
  actual: number | null;
  previous: number | null;
  share: number | null;
  sharePrevious: number | null;
  growth: number | null;
  ppChange: number | null;
  /** ACᵢ − PYᵢ */
  contribution: number | null;
}

export interface DimensionSection {
  dimension: string;
  kind: DimensionBreakdown["kind"];
  metric: { key: string; nameZh: string; nameEn: string; unit: Unit };
  rows: DimensionRow[];
  total: { actual: number | null; previous: number | null };
}

/** The metric the breakdown is shown by: GMV where present, else the first metric that adds up. */
function mainSpec(table: MonthlyTable): MetricSpec | undefined {
  const specs = metricSpecs(table).filter((s) => s.rule.kind === "sum");
  return specs.find((s) => s.key === "gmv") ?? specs[0];
}

export function dimensionSection(table: MonthlyTable, scorecard: Scorecard): DimensionSection | null {
  const breakdown = table.breakdown;
  if (!breakdown) return null;
  const spec = mainSpec(table);
  if (!spec) return null;
  const months = periodMonths(scorecard.period);
  const previousMonths = periodMonths(scorecard.previousPeriod);
  const total = { actual: periodValue(table, spec.rule, months).value, previous: periodValue(table, spec.rule, previousMonths).value };
  const share = (v: number | null, t: number | null) => (v === null || t === null || t === 0 ? null : v / t);
  const rows = breakdown.members.map(({ name, table: member }): DimensionRow => {
    const memberSpec = metricSpecs(member).find((s) => s.key === spec.key);
    const actual = memberSpec ? periodValue(member, memberSpec.rule, months).value : null;
    const previous = memberSpec ? periodValue(member, memberSpec.rule, previousMonths).value : null;
    const s = share(actual, total.actual);
    const sp = share(previous, total.previous);
    return { member: name, actual, previous, share: s, sharePrevious: sp, growth: growth(actual, previous), ppChange: ppChange(s, sp), contribution: actual === null || previous === null ? null : actual - previous };
  });
  rows.sort((a, b) => (b.actual ?? -Infinity) - (a.actual ?? -Infinity));
  return { dimension: breakdown.dimension, kind: breakdown.kind, metric: { key: spec.key, nameZh: spec.nameZh, nameEn: spec.nameEn, unit: spec.unit }, rows, total };
}
