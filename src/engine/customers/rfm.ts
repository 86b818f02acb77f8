/**
 * RFM scoring of an order list (domain.md, "Customers"): one pass over the orders into per-customer typed
 * arrays, quintile breakpoints as Excel's PERCENTILE.INC, scores by COUNTIF against the breakpoints, the 11
 * segments, the 8-class model and the value tiers. No object is allocated per order or per customer.
 */
import type { OrderTable } from "./orderTableBuilder";
import { dayToIso } from "./orderValues";
import { InputError, issue } from "../../i18n/issues";
import { class8Bits, rfmCode, SEGMENT_BY_CODE, TIER } from "./segmentNames";

export interface TierSettings {
  /** Spend in the last 365 days from which a customer is 高净值. */
  highValue: number;
  /** Spend in the last 365 days from which a customer is 潜力. */
  potential: number;
  /** More days than this since the last order: 沉默. */
  dormantDays: number;
  /** More days than this since the last order: 流失. */
  lostDays: number;
}

export interface SegmentationSettings {
  /** Day number (days since 1970-01-01); default the day after the latest order. */
  asOf?: number;
  tiers: TierSettings;
  /** ABC cut-offs on cumulative revenue share. */
  abc: { a: number; b: number };
}

export const DEFAULT_SEGMENTATION_SETTINGS: SegmentationSettings = {
  tiers: { highValue: 5000, potential: 1000, dormantDays: 90, lostDays: 180 },
  abc: { a: 0.8, b: 0.95 },
};

export interface Breaks {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export interface CustomerScores {
  asOf: number;
  /** Customers with at least one order before as-of, in first-seen order. */
  count: number;
  orders: number;
  /** Index into OrderTable.customerIds for each scored customer. */
  source: Int32Array;
  recency: Int32Array;
  frequency: Int32Array;
  /** Spend before as-of: exactly monetaryMinor / amountScale. */
  monetary: Float64Array;
  /** Spend in the data's smallest decimal unit (exact integer sums). */
  monetaryMinor: Float64Array;
  amountScale: number;
  spend365: Float64Array;
  firstDay: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into SEGMENTS. */
  segment: Int8Array;
  /** 8-class bits: R high 4, F high 2, M high 1. */
  class8: Uint8Array;
  /** Index into TIERS. */
  tier: Uint8Array;
  breaks: Breaks;
  means: { r: number; f: number; m: number };
}

/** Excel's PERCENTILE.INC on ascending values: linear interpolation between closest ranks (R type 7). */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The 20th, 40th, 60th and 80th PERCENTILE.INC of the values, with the rank (n − 1)·k/5 split exactly into
 * its whole and fifth parts (no binary noise in the rank), divided by `scale` at the end (values in minor units).
 */
export function quintileBreaks(values: ArrayLike<number>, scale = 1): number[] {
  const n = values.length;
  if (n === 0) return [NaN, NaN, NaN, NaN];
  const at = values instanceof Int32Array ? rankSelector(values) : sortedSelector(values);
  return [1, 2, 3, 4].map((k) => {
    const rank = (n - 1) * k;
    const lo = Math.floor(rank / 5);
    const fifths = rank - lo * 5;
    const hi = Math.min(lo + 1, n - 1);
    const low = at(lo);
    const value = fifths === 0 ? low : low + (fifths / 5) * (at(hi) - low);
    return scale === 1 ? value : value / scale;
  });
}

/** The value at each rank of the ascending order, by sorting. */
function sortedSelector(values: ArrayLike<number>): (rank: number) => number {
  const sorted = Float64Array.from(values).sort();
  return (rank) => sorted[rank];
}

/** The value at each rank for small integers (days, order counts): by counting, without sorting. */
function rankSelector(values: Int32Array): (rank: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (max - min > 4 * values.length + 1_000_000) return sortedSelector(values);
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
  return (rank) => {
    let seen = 0;
    for (let v = 0; v < counts.length; v++) {
      seen += counts[v];
      if (seen > rank) return v + min;
    }
    return max;
  };
}

/** 1 + COUNTIF(breaks, "<"&value): a value equal to a breakpoint lands on the lower score. */
export function scoreUp(value: number, breaks: readonly number[]): number {
  let score = 1;
  for (let k = 0; k < breaks.length; k++) if (breaks[k] < value) score++;
  return score;
}

/** 1 + COUNTIF(breaks, ">"&value): for recency, fewer days score higher. */
export function scoreDown(value: number, breaks: readonly number[]): number {
  let score = 1;
  for (let k = 0; k < breaks.length; k++) if (breaks[k] > value) score++;
  return score;
}

export function tierOf(recency: number, spend365: number, tiers: TierSettings): number {
  if (recency > tiers.lostDays) return TIER.lost;
  if (recency > tiers.dormantDays) return TIER.dormant;
  if (spend365 >= tiers.highValue) return TIER.highValue;
  if (spend365 >= tiers.potential) return TIER.potential;
  return TIER.regular;
}

/** The latest order day + 1, the default as-of date. */
export function defaultAsOf(orders: OrderTable): number {
  let max = -Infinity;
  for (let i = 0; i < orders.rows; i++) if (orders.day[i] > max) max = orders.day[i];
  return max + 1;
}

export function scoreCustomers(orders: OrderTable, settings: SegmentationSettings = DEFAULT_SEGMENTATION_SETTINGS): CustomerScores {
  const asOf = settings.asOf ?? defaultAsOf(orders);
  const yearStart = asOf - 365;
  const all = orders.customerIds.length;
  // One record per customer (money, 365-day spend, last day, first day, orders), so that an order touches one
  // place in memory. Sums are in the data's smallest decimal unit: integers, exact whatever the row order.
  const acc = new Float64Array(all * 5);
  for (let c = 0; c < all; c++) {
    acc[c * 5 + 2] = -Infinity;
    acc[c * 5 + 3] = Infinity;
  }
  const scale = orders.amountScale;

  // Frequency counts distinct order ids per customer; an id used by a second customer counts for each.
  const owner = orders.order ? new Int32Array(orders.orderIds!.length).fill(-1) : null;
  const shared = new Set<number>();
  const orderCount = orders.orderIds?.length ?? 0;
  const { day, customer, amountMinor } = orders;

  for (let i = 0; i < orders.rows; i++) {
    const d = day[i];
    if (d >= asOf) continue;
    const c = customer[i];
    const base = c * 5;
    const a = amountMinor[i];
    acc[base] += a;
    if (d >= yearStart) acc[base + 1] += a;
    if (d > acc[base + 2]) acc[base + 2] = d;
    if (d < acc[base + 3]) acc[base + 3] = d;
    if (owner) {
      const o = orders.order![i];
      if (owner[o] === -1) {
        owner[o] = c;
        acc[base + 4]++;
      } else if (owner[o] !== c) {
        const key = c * orderCount + o;
        if (!shared.has(key)) {
          shared.add(key);
          acc[base + 4]++;
        }
      }
    } else {
      acc[base + 4]++;
    }
  }
  const freq = new Int32Array(all);
  for (let c = 0; c < all; c++) freq[c] = acc[c * 5 + 4];

  let count = 0;
  for (let c = 0; c < all; c++) if (freq[c] > 0) count++;
  if (count === 0) {
    let first = Infinity;
    for (let i = 0; i < orders.rows; i++) if (orders.day[i] < first) first = orders.day[i];
    throw new InputError([issue("noOrdersBeforeAsOf", undefined, { asOf: dayToIso(asOf), first: Number.isFinite(first) ? dayToIso(first) : "—" })]);
  }
  const source = new Int32Array(count);
  const recency = new Int32Array(count);
  const frequency = new Int32Array(count);
  const monetary = new Float64Array(count);
  const monetaryMinor = new Float64Array(count);
  const spend365 = new Float64Array(count);
  const firstDay = new Int32Array(count);
  let ordersTotal = 0;
  for (let c = 0, k = 0; c < all; c++) {
    if (freq[c] === 0) continue;
    source[k] = c;
    recency[k] = asOf - acc[c * 5 + 2];
    frequency[k] = freq[c];
    monetaryMinor[k] = acc[c * 5];
    monetary[k] = acc[c * 5] / scale;
    spend365[k] = acc[c * 5 + 1] / scale;
    firstDay[k] = acc[c * 5 + 3];
    ordersTotal += freq[c];
    k++;
  }

  // M is scored in minor units against breakpoints in minor units: equal spends are equal, ties share a score.
  const monetaryBreaksMinor = quintileBreaks(monetaryMinor);
  const breaks: Breaks = { recency: quintileBreaks(recency), frequency: quintileBreaks(frequency), monetary: monetaryBreaksMinor.map((v) => v / scale) };
  const r = new Uint8Array(count);
  const f = new Uint8Array(count);
  const m = new Uint8Array(count);
  let sumR = 0;
  let sumF = 0;
  let sumM = 0;
  for (let k = 0; k < count; k++) {
    r[k] = scoreDown(recency[k], breaks.recency);
    f[k] = scoreUp(frequency[k], breaks.frequency);
    m[k] = scoreUp(monetaryMinor[k], monetaryBreaksMinor);
    sumR += r[k];
    sumF += f[k];
    sumM += m[k];
  }
  const means = { r: sumR / count, f: sumF / count, m: sumM / count };
  const segment = new Int8Array(count);
  const class8 = new Uint8Array(count);
  const tier = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    segment[k] = SEGMENT_BY_CODE[rfmCode(r[k], f[k], m[k])];
    class8[k] = class8Bits(r[k] >= means.r, f[k] >= means.f, m[k] >= means.m);
    tier[k] = tierOf(recency[k], spend365[k], settings.tiers);
  }
  return { asOf, count, orders: ordersTotal, source, recency, frequency, monetary, monetaryMinor, amountScale: scale, spend365, firstDay, r, f, m, segment, class8, tier, breaks, means };
}
