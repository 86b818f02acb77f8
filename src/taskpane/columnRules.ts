/**
 * How each column of the read table combines into a period and which way is better, as the engine's metric
 * specs say (the pane shows the engine's inference; it does not infer).
 */
import { metricSpecs, type MetricSpec } from "../engine/kpi/metricSpecs";
import type { MonthlyTable } from "../engine/read/monthlyTable";
import type { Direction } from "../engine/metrics/catalog";

export type ColumnRule =
  | { kind: "own"; rule: "sum" | "last" | "mean"; direction: Direction }
  | { kind: "part"; specs: Array<Pick<MetricSpec, "nameZh" | "nameEn">> };

/** Header → its rule: its own period rule and direction, or the ratios it is a part of. */
export function columnRules(table: MonthlyTable): Map<string, ColumnRule> {
  const specs = metricSpecs(table);
  const out = new Map<string, ColumnRule>();
  table.columns.forEach((column, index) => {
    const own = specs.find((s) => s.rule.kind !== "ratio" && s.rule.column === index);
    if (own && own.rule.kind !== "ratio") {
      out.set(column.header, { kind: "own", rule: own.rule.kind, direction: own.direction });
      return;
    }
    const parts = specs.filter((s) => s.rule.kind === "ratio" && (s.rule.numerator.includes(index) || s.rule.denominator.includes(index)));
    if (parts.length > 0) out.set(column.header, { kind: "part", specs: parts });
  });
  return out;
}
