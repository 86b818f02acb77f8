/**
 * How each column of the read table combines into a period and which way is better, as the engine describes it
 * (describeColumns): the pane shows the engine's inference; it does not infer.
 */
import { describeColumns, type ColumnDescription } from "../engine/read/columnRules";
import type { MonthlyTable } from "../engine/read/monthlyTable";

/** Header → the engine's description of the column. */
export function columnRules(table: MonthlyTable): Map<string, ColumnDescription> {
  return new Map(describeColumns(table).map((d) => [d.header, d]));
}
