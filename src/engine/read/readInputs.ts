/**
 * The monthly data and its targets read together, as every door needs them: the targets table's 方向/汇总 columns
 * become the reader's overrides, the data's `目标X` columns become monthly targets where the table sets none, and
 * the data's `X同比`/`X环比`/`X达成率` columns are cross-checked. The CLI, the pane and the ribbon call this.
 */
import { readMonthlyGrid, type MonthlyTable, type ReadMonthlyOptions } from "./monthlyTable";
import { mergeTargets, readTargetsGrid, targetDefinitions, targetsFromColumns, type Target } from "./targets";
import type { Grid } from "./grid";
import { crossCheckComparisons } from "../kpi/comparisonChecks";
import type { Issue } from "../../i18n/issues";

export interface MonthlyInputs {
  table: MonthlyTable;
  targets: Target[];
  warnings: Issue[];
}

export function readMonthlyInputs(monthly: Grid, targetsGrid?: Grid, options: ReadMonthlyOptions = {}): MonthlyInputs {
  const fromTable = targetsGrid ? readTargetsGrid(targetsGrid) : { targets: [], warnings: [] };
  const overrides = { ...targetDefinitions(fromTable.targets), ...options.overrides };
  const read = readMonthlyGrid(monthly, { ...options, overrides });
  const fromColumns = targetsFromColumns(read.table);
  const merged = mergeTargets(fromTable.targets, fromColumns.targets);
  const checks = crossCheckComparisons(read.table, merged.targets);
  return {
    table: read.table,
    targets: merged.targets,
    warnings: [...read.warnings, ...fromTable.warnings, ...fromColumns.warnings, ...merged.warnings, ...checks],
  };
}
