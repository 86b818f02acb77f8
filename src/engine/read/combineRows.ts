/**
 * Rows to months: a monthly table's rows may be days (统计日期) and may repeat each month for the members of a
 * dimension (渠道, 品类). Rows of one member and month combine by the column's rule (sum; a stock's last
 * day; a mean of days); members then combine into the month's total (sums and stocks add up, means average).
 */
import type { ColumnAggregation } from "../metrics/nameRules";
import type { Month } from "./month";

export interface RowKey {
  month: Month;
  /** Day of the month for daily rows, else null. */
  day: number | null;
  /** The dimension member (渠道 = 搜索), or null without a dimension column. */
  member: string | null;
}

/** Days (ordered by day) of one member and month into the month's value. Null when every day is missing. */
export function combineDays(days: ReadonlyArray<{ day: number | null; value: number | null }>, aggregation: ColumnAggregation): number | null {
  const present = days.filter((d): d is { day: number | null; value: number } => d.value !== null);
  if (present.length === 0) return null;
  if (aggregation === "last") return present.reduce((a, b) => ((b.day ?? 0) >= (a.day ?? 0) ? b : a)).value;
  const sum = present.reduce((s, d) => s + d.value, 0);
  return aggregation === "mean" ? sum / present.length : sum;
}

/** Members' values of one month into the total: sums and stocks add up, means average. Null when all are missing. */
export function combineMembers(values: ReadonlyArray<number | null>, aggregation: ColumnAggregation): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((s, v) => s + v, 0);
  return aggregation === "mean" ? sum / present.length : sum;
}

export interface Grouped {
  months: Month[];
  members: string[];
  /** Row indexes of each member's month, keyed `member\u0000month`. */
  groups: Map<string, number[]>;
}

export function groupKey(member: string | null, month: Month): string {
  return `${member ?? ""}\u0000${month}`;
}

export function groupRows(keys: readonly RowKey[]): Grouped {
  const groups = new Map<string, number[]>();
  const months = new Set<Month>();
  const members: string[] = [];
  keys.forEach((k, i) => {
    months.add(k.month);
    if (k.member !== null && !members.includes(k.member)) members.push(k.member);
    const key = groupKey(k.member, k.month);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  return { months: [...months].sort((a, b) => a - b), members, groups };
}
