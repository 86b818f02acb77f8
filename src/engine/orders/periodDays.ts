/** Day ranges of months, for selecting order rows by period without a Date per row. */
import { dayFromParts } from "../customers/orderTable";
import { monthOfYear, monthYear, type Month } from "../read/month";
import type { Period } from "../kpi/scorecard";

/** Day number of the first day of a month. */
export function firstDayOf(month: Month): number {
  return dayFromParts(monthYear(month), monthOfYear(month), 1)!;
}

/** [from, to) day numbers of a period's months, cut at the as-of day. */
export function periodDays(period: Period, asOf: number): { from: number; to: number } {
  return { from: firstDayOf(period.from), to: Math.min(firstDayOf(period.to + 1), asOf) };
}
