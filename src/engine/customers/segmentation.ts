/**
 * The customer review: group summaries (segments, 8-class, tiers), ABC classes of products and the cohort
 * retention matrix, built on the per-customer scores.
 */
import type { OrderTable } from "./orderTableBuilder";
import { monthOfDay } from "./orderValues";
import { scoreCustomers, DEFAULT_SEGMENTATION_SETTINGS, type CustomerScores, type SegmentationSettings } from "./rfm";
import { CLASS8_ORDER, class8Name, SEGMENTS, TIERS, type GroupName } from "./segmentNames";

export interface GroupSummary extends GroupName {
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  averageSpend: number | null;
  /** Share of the group's customers with more than one order. */
  repeatShare: number | null;
}

export interface AbcItem {
  product: string;
  revenue: number;
  share: number;
  /** Cumulative share before this item, which decides its class. */
  cumulativeBefore: number;
  abcClass: "A" | "B" | "C";
}

export interface Cohort {
  /** First-order month, `1997-01`. */
  cohort: string;
  customers: number;
  /** retention[k]: share of the cohort ordering in month cohort + k; retention[0] is 1. */
  retention: number[];
}

export interface Segmentation {
  scores: CustomerScores;
  segments: GroupSummary[];
  class8: GroupSummary[];
  tiers: GroupSummary[];
  abc: AbcItem[] | null;
  cohorts: Cohort[];
  revenue: number;
}

/** Summaries of a grouping given as one small integer per customer; `order` lists the groups to report. */
export function summarise(scores: CustomerScores, group: ArrayLike<number>, names: (g: number) => GroupName, order: readonly number[]): GroupSummary[] {
  const size = Math.max(...order) + 1;
  const customers = new Float64Array(size);
  const revenueMinor = new Float64Array(size);
  const repeat = new Float64Array(size);
  let totalMinor = 0;
  for (let k = 0; k < scores.count; k++) {
    const g = group[k];
    customers[g]++;
    revenueMinor[g] += scores.monetaryMinor[k];
    if (scores.frequency[k] > 1) repeat[g]++;
    totalMinor += scores.monetaryMinor[k];
  }
  const revenue = revenueMinor.map((v) => v / scores.amountScale);
  const total = totalMinor / scores.amountScale;
  return order.map((g) => ({
    ...names(g),
    customers: customers[g],
    share: scores.count === 0 ? 0 : customers[g] / scores.count,
    revenue: revenue[g],
    revenueShare: total === 0 ? 0 : revenue[g] / total,
    averageSpend: customers[g] === 0 ? null : revenue[g] / customers[g],
    repeatShare: customers[g] === 0 ? null : repeat[g] / customers[g],
  }));
}

/**
 * ABC over the products sold before as-of (and on or after `from`, for a period's ABC): by revenue descending
 * (exact sums), ties by id; A while the share before the item is < a, B while < b, else C. Rows without a
 * product are left out.
 */
export function abcClasses(orders: OrderTable, asOf: number, cutoffs: { a: number; b: number }, from = -Infinity): AbcItem[] | null {
  if (!orders.product || !orders.productIds) return null;
  const ids = orders.productIds;
  const revenue = new Float64Array(ids.length);
  const sold = new Uint8Array(ids.length);
  let total = 0;
  for (let i = 0; i < orders.rows; i++) {
    const p = orders.product[i];
    if (orders.day[i] >= asOf || orders.day[i] < from || p < 0) continue;
    revenue[p] += orders.amountMinor[i];
    sold[p] = 1;
    total += orders.amountMinor[i];
  }
  const items: number[] = [];
  for (let p = 0; p < ids.length; p++) if (sold[p]) items.push(p);
  items.sort((x, y) => revenue[y] - revenue[x] || (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0));
  const scale = orders.amountScale;
  let before = 0;
  return items.map((p) => {
    const cumulativeBefore = total === 0 ? 0 : before / total;
    before += revenue[p];
    return { product: ids[p], revenue: revenue[p] / scale, share: total === 0 ? 0 : revenue[p] / total, cumulativeBefore, abcClass: cumulativeBefore < cutoffs.a ? "A" : cumulativeBefore < cutoffs.b ? "B" : "C" };
  });
}

/** Cohort retention: cohort = month of first order; cell (c, k) = share of cohort c ordering in month c + k. */
export function cohortRetention(scores: CustomerScores): Cohort[] {
  if (scores.count === 0) return [];
  // Months are counted from the first order's month (scores.activeMonths), which is the first cohort.
  const { firstMonth: minMonth, span, words, bits: active } = scores.activeMonths;
  const sizes = new Float64Array(span);
  const counts = new Float64Array(span * span);
  for (let k = 0; k < scores.count; k++) {
    const c = monthOfDay(scores.firstDay[k]) - minMonth;
    sizes[c]++;
    for (let w = 0; w < words; w++) {
      let bits = active[k * words + w];
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const offset = w * 32 + bit;
        if (offset >= c) counts[c * span + (offset - c)]++;
      }
    }
  }
  const cohorts: Cohort[] = [];
  for (let c = 0; c < span; c++) {
    if (sizes[c] === 0) continue;
    const month = minMonth + c;
    const label = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    const retention = Array.from({ length: span - c }, (_, k) => counts[c * span + k] / sizes[c]);
    cohorts.push({ cohort: label, customers: sizes[c], retention });
  }
  return cohorts;
}

export function segmentOrders(orders: OrderTable, settings: SegmentationSettings = DEFAULT_SEGMENTATION_SETTINGS): Segmentation {
  const scores = scoreCustomers(orders, settings);
  let revenueMinor = 0;
  for (let k = 0; k < scores.count; k++) revenueMinor += scores.monetaryMinor[k];
  const revenue = revenueMinor / scores.amountScale;
  return {
    scores,
    segments: summarise(scores, scores.segment, (g) => SEGMENTS[g], SEGMENTS.map((_, i) => i)),
    class8: summarise(scores, scores.class8, (g) => class8Name(g), CLASS8_ORDER),
    tiers: summarise(scores, scores.tier, (g) => TIERS[g], TIERS.map((_, i) => i)),
    abc: abcClasses(orders, scores.asOf, settings.abc),
    cohorts: cohortRetention(scores),
    revenue,
  };
}
