/** The segmentation as the documented JSON of `kpi-review segment --json`. */
import { dayToIso, type OrderTable } from "./orderTable";
import { class8Name, SEGMENTS, TIERS } from "./segmentNames";
import type { GroupSummary, Segmentation } from "./segmentation";

function group(summary: GroupSummary, name: string) {
  const { nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare } = summary;
  return { name, nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare };
}

export function segmentationToJson(result: Segmentation, orders: OrderTable, rejectedRows: number) {
  const { scores } = result;
  const customerList = Array.from({ length: scores.count }, (_, k) => ({
    id: orders.customerIds[scores.source[k]],
    recency: scores.recency[k],
    frequency: scores.frequency[k],
    monetary: scores.monetary[k],
    R: scores.r[k],
    F: scores.f[k],
    M: scores.m[k],
    segment: SEGMENTS[scores.segment[k]].name,
    class8: class8Name(scores.class8[k]).nameZh,
    tier: TIERS[scores.tier[k]].nameZh,
  }));
  return {
    asOf: dayToIso(scores.asOf),
    customers: scores.count,
    orders: scores.orders,
    rejectedRows,
    breaks: scores.breaks,
    segments: result.segments.map((s) => group(s, s.name)),
    class8: result.class8.map((s) => group(s, s.nameZh)),
    tiers: result.tiers.map((s) => group(s, s.name)),
    abc: result.abc ?? [],
    cohorts: result.cohorts,
    customerList,
  };
}
