/**
 * Comparison columns the engine computes itself (`GMV同比`, `GMV环比`, `GMV达成率`): cross-checked month by month
 * against the engine's own figures, never read as metrics. A difference above 0.5pp is a warning at the cell.
 */
import { scorecardKeyForName } from "../metrics/headers";
import type { MonthlyTable } from "../read/monthlyTable";
import type { Target } from "../read/targets";
import type { Direction } from "../metrics/catalog";
import { issue, type Issue } from "../../i18n/issues";
import { attainment, growth } from "./compare";
import { metricSpecs } from "./metricSpecs";
import { monthValue } from "./trend";

const TOLERANCE = 0.005;

function percent(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

export function crossCheckComparisons(table: MonthlyTable, targets: readonly Target[]): Issue[] {
  const warnings: Issue[] = [];
  const specs = metricSpecs(table);
  for (const column of table.comparisons ?? []) {
    const { role, of } = column.meaning;
    if (role === "target" || role === "previous") continue;
    const key = scorecardKeyForName(of);
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      warnings.push(issue("comparisonWithoutMetric", column.headerAddress, { header: column.header, metric: of }));
      continue;
    }
    const target = targets.find((t) => t.key === key);
    const direction: Direction = target?.direction ?? spec.direction;
    column.values.forEach((given, k) => {
      if (given === null) return;
      const month = table.months[k];
      const actual = monthValue(table, spec, month);
      let computed: number | null = null;
      if (role === "yoy") computed = growth(actual, monthValue(table, spec, month - 12));
      else if (role === "mom") computed = growth(actual, monthValue(table, spec, month - 1));
      else computed = attainment(actual, target?.monthly.get(month) ?? null, direction);
      if (computed === null) return;
      // Percent numbers (12.5 for +12.5%) were scaled by the reader, which said so; `650%` is 6.5 as typed.
      const value = given;
      if (Math.abs(value - computed) > TOLERANCE) {
        warnings.push(issue("comparisonMismatch", column.cells[k], { header: column.header, given: percent(value), computed: percent(computed) }));
      }
    });
  }
  return warnings;
}
