/**
 * Products of a period from an order list (domain.md, "The review from an order list"): ABC classes of the
 * period's GMV (A while the share before the item is < 80%, B < 95%, else C; ties by id), the top N items with
 * GMV, share, last year's GMV and rank, the rest as "others", and price bands by the line's unit price
 * (amount / quantity where a quantity column exists, else the line amount) with their GMV and lines.
 */
import type { Period } from "../kpi/scorecard";
import { previousYear } from "../kpi/scorecard";
import type { OrderLines } from "./orderLines";
import { periodDays } from "./periodDays";

export interface ProductSettings {
  /** How many items the top list shows (default 20). */
  topN: number;
  /** Upper limits of the price bands, ascending (default 50, 100, 200 元: < 50, 50–100, 100–200, ≥ 200). */
  priceBands: number[];
  abc: { a: number; b: number };
}

export const DEFAULT_PRODUCT_SETTINGS: ProductSettings = { topN: 20, priceBands: [50, 100, 200], abc: { a: 0.8, b: 0.95 } };

export interface TopProduct {
  product: string;
  /** The item's name where the list has one beside its ID. */
  name?: string;
  gmv: number;
  /** Last year's GMV (0 where not sold). */
  previous: number;
  /** 1-based rank last year among items sold then; null for an item not sold last year. */
  previousRank: number | null;
}

export interface AbcSummary {
  abcClass: "A" | "B" | "C";
  items: number;
  gmv: number;
}

export interface PriceBand {
  /** Lower bound (inclusive), null for the first band; upper bound (exclusive), null for the last. */
  from: number | null;
  to: number | null;
  gmv: number;
  lines: number;
  previousGmv: number;
  previousLines: number;
}

export interface ProductSection {
  /** Items sold in the period. */
  items: number;
  gmv: number;
  previousGmv: number;
  top: TopProduct[];
  others: { items: number; gmv: number; previous: number };
  abc: AbcSummary[];
  abcCutoffs: { a: number; b: number };
  bands: PriceBand[];
  /** True when unit prices are amount / quantity. */
  byQuantity: boolean;
}

const byRevenueThenId = (revenue: Float64Array, ids: string[]) => (x: number, y: number) => revenue[y] - revenue[x] || (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0);

/** The period's product figures; null without a product column or without sales in the period. */
export function productMix(lines: OrderLines, period: Period, asOf: number, settings: ProductSettings = DEFAULT_PRODUCT_SETTINGS): ProductSection | null {
  const { orders, quantity } = lines;
  if (!orders.product || !orders.productIds) return null;
  const ids = orders.productIds;
  const current = periodDays(period, asOf);
  const before = periodDays(previousYear(period), asOf);
  const revenue = new Float64Array(ids.length);
  const previous = new Float64Array(ids.length);
  const sold = new Uint8Array(ids.length);
  const soldBefore = new Uint8Array(ids.length);
  const limits = settings.priceBands;
  const bands = Array.from({ length: limits.length + 1 }, () => ({ gmv: 0, lines: 0, previousGmv: 0, previousLines: 0 }));
  let total = 0;
  let previousTotal = 0;
  for (let i = 0; i < orders.rows; i++) {
    const d = orders.day[i];
    const isCurrent = d >= current.from && d < current.to;
    const isBefore = d >= before.from && d < before.to;
    if (!isCurrent && !isBefore) continue;
    const p = orders.product[i];
    const a = orders.amount[i];
    if (isCurrent) {
      revenue[p] += a;
      sold[p] = 1;
      total += a;
    } else {
      previous[p] += a;
      soldBefore[p] = 1;
      previousTotal += a;
    }
    if (!(a > 0)) continue; // refunds and zero lines have no price
    const q = quantity ? quantity[i] : 1;
    const price = q > 0 ? a / q : a;
    let band = 0;
    while (band < limits.length && price >= limits[band]) band++;
    if (isCurrent) {
      bands[band].gmv += a;
      bands[band].lines++;
    } else {
      bands[band].previousGmv += a;
      bands[band].previousLines++;
    }
  }
  const items = Array.from(ids.keys()).filter((p) => sold[p]);
  if (items.length === 0) return null;
  items.sort(byRevenueThenId(revenue, ids));
  const lastYear = Array.from(ids.keys()).filter((p) => soldBefore[p]).sort(byRevenueThenId(previous, ids));
  const previousRank = new Int32Array(ids.length);
  lastYear.forEach((p, k) => (previousRank[p] = k + 1));

  const names = lines.productNames;
  const top = items.slice(0, settings.topN).map((p): TopProduct => ({ product: ids[p], ...(names?.[p] ? { name: names[p] } : {}), gmv: revenue[p], previous: previous[p], previousRank: previousRank[p] || null }));
  const rest = items.slice(settings.topN);
  const others = { items: rest.length, gmv: rest.reduce((s, p) => s + revenue[p], 0), previous: 0 };
  others.previous = previousTotal - top.reduce((s, t) => s + t.previous, 0);

  const abc: AbcSummary[] = (["A", "B", "C"] as const).map((abcClass) => ({ abcClass, items: 0, gmv: 0 }));
  let cumulative = 0;
  for (const p of items) {
    const before = total === 0 ? 0 : cumulative / total;
    const k = before < settings.abc.a ? 0 : before < settings.abc.b ? 1 : 2;
    abc[k].items++;
    abc[k].gmv += revenue[p];
    cumulative += revenue[p];
  }
  return {
    items: items.length,
    gmv: total,
    previousGmv: previousTotal,
    top,
    others,
    abc,
    abcCutoffs: settings.abc,
    bands: bands.map((b, k) => ({ from: k === 0 ? null : limits[k - 1], to: k === limits.length ? null : limits[k], ...b })),
    byQuantity: quantity !== null,
  };
}
