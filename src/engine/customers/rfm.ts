/**
 * RFM scoring of an order list (domain.md, "Customers"): one pass over the orders into per-customer typed
 * arrays, quintile breakpoints as Excel's PERCENTILE.INC, scores by COUNTIF against the breakpoints, the 11
 * segments, the 8-class model and the value tiers. No object is allocated per order or per customer.
 */
import { idCount, type OrderTable } from "./orderTableBuilder";
import { dayToIso, monthOfDay } from "./orderValues";
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
  /** The months each scored customer ordered in before as-of (for cohorts), gathered in the same pass. */
  activeMonths: ActiveMonths;
}

/**
 * Months with an order per customer, as bits: customer k's month `firstMonth + j` is bit j % 32 of
 * bits[k * words + (j >>> 5)]. Months are counted as year·12 + month − 1 (orderValues.monthOfDay).
 */
export interface ActiveMonths {
  firstMonth: number;
  /** Months from firstMonth to the month before as-of, inclusive. */
  span: number;
  words: number;
  bits: Int32Array;
}

/** Day numbers (within ±1,000,000 days of 1970) shifted to positive keys that fit an int32 either way. */
const DAY_KEY = 1 << 29;

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
  const parts = [1, 2, 3, 4].map((k) => {
    const rank = (n - 1) * k;
    const lo = Math.floor(rank / 5);
    return { lo, hi: Math.min(lo + 1, n - 1), fifths: rank - lo * 5 };
  });
  const ranks = [...new Set(parts.flatMap((p) => [p.lo, p.hi]))].sort((x, y) => x - y);
  const found = values instanceof Int32Array ? ranksByCounting(values, ranks) : ranksBySelection(values, ranks);
  const at = (rank: number) => found[ranks.indexOf(rank)];
  return parts.map(({ lo, hi, fifths }) => {
    const low = at(lo);
    const value = fifths === 0 ? low : low + (fifths / 5) * (at(hi) - low);
    return scale === 1 ? value : value / scale;
  });
}

/**
 * The values at the given ascending ranks of the ascending order, by selection (quickselect on a copy, each
 * rank searched right of the previous one) instead of a full sort.
 */
export function ranksBySelection(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const a = Float64Array.from(values);
  let left = 0;
  return ranks.map((rank) => {
    selectRank(a, rank, left, a.length - 1);
    left = rank;
    return a[rank];
  });
}

/** Puts the value of ascending rank k at a[k], smaller-or-equal values left of it, within a[left..right]. */
function selectRank(a: Float64Array, k: number, left: number, right: number): void {
  // Quickselect with a median-of-three pivot; past a few dozen rounds (adversarial order) it sorts the rest.
  for (let round = 0; right > left; round++) {
    if (round > 64) {
      const rest = a.subarray(left, right + 1).sort();
      a.set(rest, left);
      return;
    }
    const mid = (left + right) >>> 1;
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** The values at the given ascending ranks for small integers (days, order counts): by counting, without sorting. */
function ranksByCounting(values: Int32Array, ranks: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (max - min > 4 * values.length + 1_000_000) return ranksBySelection(values, ranks);
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
  const out: number[] = [];
  let seen = 0;
  let v = 0;
  for (const rank of ranks) {
    while (seen + counts[v] <= rank) seen += counts[v++];
    out.push(v + min);
  }
  return out;
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
  const { day, customer, amountMinor } = orders;
  // Customers and order ids by their indexes (not by the id lists, whose texts need not be made); customers and
  // the first order day before as-of in one pass.
  let all = 0;
  let minDay = asOf;
  for (let i = 0; i < orders.rows; i++) {
    if (customer[i] >= all) all = customer[i] + 1;
    if (day[i] < minDay) minDay = day[i];
  }
  const orderCount = orders.order ? idCount(orders.order) : 0;
  // One 32-byte record per customer, so that an order touches one cache line: money and 365-day spend as doubles
  // (words 0–1), last day, first day, orders and (when the data spans at most 32 months) the months ordered in
  // as bits, as int32 (words 4–7 of the int32 view of the same bytes). Sums are in the data's smallest decimal
  // unit: integers, exact whatever the row order.
  const buffer = new ArrayBuffer(all * 32);
  const money = new Float64Array(buffer);
  const ints = new Int32Array(buffer);
  const scale = orders.amountScale;

  // Month offsets by day from the first order's month, looked up instead of computed per order.
  const firstMonth = monthOfDay(minDay);
  const span = minDay < asOf ? monthOfDay(asOf - 1) - firstMonth + 1 : 0;
  const words = (span + 31) >>> 5;
  const monthAt = new Int32Array(Math.max(0, asOf - minDay));
  for (let d = minDay; d < asOf; d++) monthAt[d - minDay] = monthOfDay(d) - firstMonth;
  const wideBits = words > 1 ? new Int32Array(all * words) : null;

  // Frequency counts distinct order ids per customer; an id used by a second customer counts for each.
  const owner = orders.order ? new Int32Array(orderCount).fill(-1) : null;
  const shared = new Set<number>();

  for (let i = 0; i < orders.rows; i++) {
    const d = day[i];
    if (d >= asOf) continue;
    const c = customer[i];
    const a = amountMinor[i];
    money[c * 4] += a;
    if (d >= yearStart) money[c * 4 + 1] += a;
    const base = c * 8;
    // Last and first day as keys that only grow from the zeroed record: DAY_KEY + d and DAY_KEY − d.
    if (DAY_KEY + d > ints[base + 4]) ints[base + 4] = DAY_KEY + d;
    if (DAY_KEY - d > ints[base + 5]) ints[base + 5] = DAY_KEY - d;
    const month = monthAt[d - minDay];
    if (wideBits) wideBits[c * words + (month >>> 5)] |= 1 << (month & 31);
    else ints[base + 7] |= 1 << month;
    if (owner) {
      const o = orders.order![i];
      if (owner[o] === -1) {
        owner[o] = c;
        ints[base + 6]++;
      } else if (owner[o] !== c) {
        const key = c * orderCount + o;
        if (!shared.has(key)) {
          shared.add(key);
          ints[base + 6]++;
        }
      }
    } else {
      ints[base + 6]++;
    }
  }

  let count = 0;
  for (let c = 0; c < all; c++) if (ints[c * 8 + 6] > 0) count++;
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
  const bits = new Int32Array(count * words);
  let ordersTotal = 0;
  for (let c = 0, k = 0; c < all; c++) {
    const placed = ints[c * 8 + 6];
    if (placed === 0) continue;
    source[k] = c;
    if (wideBits) bits.set(wideBits.subarray(c * words, (c + 1) * words), k * words);
    else bits[k] = ints[c * 8 + 7];
    recency[k] = asOf - (ints[c * 8 + 4] - DAY_KEY);
    frequency[k] = placed;
    monetaryMinor[k] = money[c * 4];
    monetary[k] = money[c * 4] / scale;
    spend365[k] = money[c * 4 + 1] / scale;
    firstDay[k] = DAY_KEY - ints[c * 8 + 5];
    ordersTotal += placed;
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
  const activeMonths = { firstMonth, span, words, bits };
  return { asOf, count, orders: ordersTotal, source, recency, frequency, monetary, monetaryMinor, amountScale: scale, spend365, firstDay, r, f, m, segment, class8, tier, breaks, means, activeMonths };
}
