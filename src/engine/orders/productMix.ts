/**
 * Products of a period from an order list (domain.md, "The review from an order list"): ABC classes of the
 * period's GMV (the customer review's rule, abcClasses, restricted to the period), the top N items with
 * GMV, share, last year's GMV and rank, the rest as "others", and price bands by the line's unit price
 * (amount / quantity where a quantity column exists, else the line amount) with their GMV and lines.
 */
import type { Period } from "../kpi/scorecard";
import { previousYear } from "../kpi/scorecard";
import type { OrderTable } from "../customers/orderTable";
import { abcClasses, type AbcItem } from "../customers/segmentation";
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
  /** GMV of the period's lines with a product (exact sums); `previousGmv` likewise last year. */
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

const CLASSES = ["A", "B", "C"] as const;

/** Lines by unit price band: GMV and line count of the period and of last year (refunds and zero lines have no price). */
function priceBands(orders: OrderTable, current: { from: number; to: number }, before: { from: number; to: number }, limits: number[]): PriceBand[] {
  const bands = Array.from({ length: limits.length + 1 }, () => ({ gmv: 0, lines: 0, previousGmv: 0, previousLines: 0 }));
  const quantity = orders.quantity;
  for (let i = 0; i < orders.rows; i++) {
    const d = orders.day[i];
    const isCurrent = d >= current.from && d < current.to;
    if (!isCurrent && !(d >= before.from && d < before.to)) continue;
    const a = orders.amount[i];
    if (!(a > 0)) continue;
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
  return bands.map((b, k) => ({ from: k === 0 ? null : limits[k - 1], to: k === limits.length ? null : limits[k], ...b }));
}

const sumOf = (items: AbcItem[]) => items.reduce((s, item) => s + item.revenue, 0);

/** The period's product figures; null without a product column or without sales in the period. */
export function productMix(orders: OrderTable, period: Period, asOf: number, settings: ProductSettings = DEFAULT_PRODUCT_SETTINGS): ProductSection | null {
  if (!orders.product || !orders.productIds) return null;
  const current = periodDays(period, asOf);
  const before = periodDays(previousYear(period), asOf);
  // Both years ranked by the ABC rule's order (GMV descending, then id): this year's list gives the classes and
  // the top N, last year's the previous GMV and rank.
  const items = abcClasses(orders, current.to, settings.abc, current.from) ?? [];
  if (items.length === 0) return null;
  const lastYear = new Map((abcClasses(orders, before.to, settings.abc, before.from) ?? []).map((item, k) => [item.product, { revenue: item.revenue, rank: k + 1 }]));
  const names = orders.productNames;
  const nameOf = names ? new Map(orders.productIds.map((id, p) => [id, names[p]])) : null;

  const top = items.slice(0, settings.topN).map((item): TopProduct => {
    const name = nameOf?.get(item.product);
    const previous = lastYear.get(item.product);
    return { product: item.product, ...(name ? { name } : {}), gmv: item.revenue, previous: previous?.revenue ?? 0, previousRank: previous?.rank ?? null };
  });
  const previousGmv = [...lastYear.values()].reduce((s, p) => s + p.revenue, 0);
  const rest = items.slice(settings.topN);
  const others = { items: rest.length, gmv: sumOf(rest), previous: previousGmv - top.reduce((s, t) => s + t.previous, 0) };
  const abc: AbcSummary[] = CLASSES.map((abcClass) => {
    const inClass = items.filter((item) => item.abcClass === abcClass);
    return { abcClass, items: inClass.length, gmv: sumOf(inClass) };
  });
  return {
    items: items.length,
    gmv: sumOf(items),
    previousGmv,
    top,
    others,
    abc,
    abcCutoffs: settings.abc,
    bands: priceBands(orders, current, before, settings.priceBands),
    byQuantity: orders.quantity !== null,
  };
}
