/** The summaries as the JSON of `kpi-review segment --json` on a SQL engine: the TS engine's keys without `customerList`. */
import { dayToIso } from "../customers/orderTable";
import type { GroupSummary } from "../customers/segmentation";
import type { SegmentationSummary } from "./segmentationSummary";

function group(summary: GroupSummary, name: string) {
  const { nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare } = summary;
  return { name, nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare };
}

export function segmentationSummaryToJson(summary: SegmentationSummary, rejectedRows: number, extra: { engine: string; customersOut?: { path: string; rows: number } }) {
  return {
    engine: extra.engine,
    asOf: dayToIso(summary.asOf),
    customers: summary.customers,
    orders: summary.orders,
    rejectedRows,
    breaks: summary.breaks,
    segments: summary.segments.map((s) => group(s, s.name)),
    class8: summary.class8.map((s) => group(s, s.nameZh)),
    tiers: summary.tiers.map((s) => group(s, s.name)),
    abc: summary.abc ?? [],
    cohorts: summary.cohorts,
    monthly: summary.monthly,
    customersOut: extra.customersOut ?? null,
  };
}
