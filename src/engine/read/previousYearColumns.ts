/**
 * PY by month from `去年X` / `上年X` / `同期X` columns: filled in where the data lacks last year's month; where
 * the data has it, the data wins and a difference above 0.5% is reported.
 */
import { formatMonth, type Month } from "./month";
import { meaningLabel, meaningOfName } from "./columnRules";
import type { MonthlyTable } from "./monthlyTable";
import { issue, type Issue } from "../../i18n/issues";

export function formatTotal(value: number): string {
  return Number(value.toPrecision(12)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/**
 * PY from `去年X` columns: where the data lacks last year's month, the column's value becomes X's value of that
 * month; where the data has it, the data is kept and a difference above 0.5% is reported.
 */
export function fillPreviousYear(table: MonthlyTable, warnings: Issue[]) {
  for (const comparison of table.comparisons ?? []) {
    if (comparison.meaning.role !== "previous") continue;
    const label = meaningLabel(meaningOfName(comparison.meaning.of));
    const target = table.columns.find((c) => meaningLabel(c.meaning) === label);
    if (!target) {
      warnings.push(issue("comparisonWithoutMetric", comparison.headerAddress, { header: comparison.header, metric: comparison.meaning.of }));
      continue;
    }
    const filled: Month[] = [];
    const entries = comparison.values.flatMap((value, k) => (value === null ? [] : [{ value, month: table.months[k] - 12, cell: comparison.cells[k] }]));
    for (const { value, month, cell } of entries) {
      let index = table.months.indexOf(month);
      if (index < 0) index = insertMonth(table, month);
      const existing = target.values[index];
      if (existing === null) {
        target.values[index] = value;
        target.cells[index] = cell;
        filled.push(month);
      } else if (Math.abs(existing - value) > 0.005 * Math.max(Math.abs(existing), Math.abs(value))) {
        warnings.push(issue("previousDiffers", cell, { header: comparison.header, month: formatMonth(month), data: formatTotal(existing), column: formatTotal(value) }));
      }
    }
    if (filled.length > 0) warnings.push(issue("previousFromColumn", comparison.headerAddress, { header: comparison.header, months: compactMonths(filled) }));
  }
}

function compactMonths(months: Month[]): string {
  const sorted = [...months].sort((a, b) => a - b);
  const contiguous = sorted.every((m, i) => i === 0 || m === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2 ? `${formatMonth(sorted[0])}..${formatMonth(sorted[sorted.length - 1])}` : sorted.map(formatMonth).join(", ");
}

/** Adds a month to the table (every column missing there) and returns its index. */
function insertMonth(table: MonthlyTable, month: Month): number {
  const index = table.months.findIndex((m) => m > month);
  const at = index < 0 ? table.months.length : index;
  table.months.splice(at, 0, month);
  for (const column of [...table.columns, ...(table.comparisons ?? [])]) {
    column.values.splice(at, 0, null);
    column.cells.splice(at, 0, "");
  }
  return at;
}
