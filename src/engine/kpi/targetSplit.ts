/**
 * Splitting a period target into monthly targets in proportion to last year's months (domain.md,
 * "Target split"), rounded to whole units by the largest-remainder method so the parts add up exactly.
 */

export class TargetSplitError extends RangeError {
  constructor(readonly reason: "notWhole" | "badWeights" | "noMonths") {
    super(
      reason === "notWhole"
        ? "the target is not a whole number of units"
        : reason === "badWeights"
          ? "previous-year values must be non-negative numbers with a positive total"
          : "there are no months to split the target over",
    );
    this.name = "TargetSplitError";
  }
}

/** The target as a count of whole units (3.2亿 in units of 1万 is 32000), or null when it is not one. */
export function wholeUnits(target: number, unit: number): number | null {
  const units = target / unit;
  if (!Number.isFinite(units)) return null;
  const nearest = Math.round(units);
  // Allow only the rounding of the division itself (0.1 × 3 is 0.30000000000000004), never a real remainder.
  return Math.abs(target - nearest * unit) <= 4 * Number.EPSILON * Math.max(Math.abs(target), unit) ? nearest : null;
}

/**
 * @param target the period target, a whole number of `unit`s
 * @param weights last year's monthly values (the seasonality)
 * @param unit rounding unit, e.g. 1 (元) or 10000 (万元)
 */
export function splitTarget(target: number, weights: readonly number[], unit = 1): number[] {
  if (weights.length === 0) throw new TargetSplitError("noMonths");
  const whole = wholeUnits(target, unit);
  if (whole === null) throw new TargetSplitError("notWhole");
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || !(total > 0)) throw new TargetSplitError("badWeights");

  const sign = whole < 0 ? -1 : 1;
  const magnitude = Math.abs(whole);
  const exact = weights.map((w) => (magnitude * w) / total);
  const parts = exact.map(Math.floor);
  let left = magnitude - parts.reduce((s, p) => s + p, 0);
  // Largest remainder first; ties go to the earlier month so the result is deterministic.
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1;
  // Beyond 2^53 the products above are rounded and the floors can overshoot by a unit or two: take those back
  // from the smallest remainders.
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    if (parts[order[k].i] > 0) {
      parts[order[k].i] -= 1;
      left++;
    }
  }
  return parts.map((p) => sign * p * unit + 0);
}

export interface LenientSplit {
  parts: number[];
  /** The part of the target below one unit (target − whole units), carried by `remainderIndex`; 0 (and −1) for whole targets. */
  remainder: number;
  remainderIndex: number;
}

/**
 * splitTarget for any target: the whole units are split by largest remainder and the rest (less than one
 * unit, e.g. the 5,000 of 3.215亿 in units of 1万) goes to the month with the largest weight, so the parts
 * still add up to the target exactly and every other month is a whole number of units.
 */
export function splitTargetLenient(target: number, weights: readonly number[], unit = 1): LenientSplit {
  if (!Number.isFinite(target) || !(unit > 0) || !Number.isFinite(unit)) throw new TargetSplitError("notWhole");
  if (wholeUnits(target, unit) !== null) return { parts: splitTarget(target, weights, unit), remainder: 0, remainderIndex: -1 };
  const whole = Math.trunc(target / unit);
  const parts = splitTarget(whole * unit, weights, unit);
  const remainder = target - whole * unit;
  const remainderIndex = weights.reduce((best, w, i) => (w > weights[best] ? i : best), 0);
  parts[remainderIndex] += remainder;
  return { parts, remainder, remainderIndex };
}

/** Values fit to split by: non-negative numbers with a positive total. */
export function usableWeights(weights: readonly (number | null)[]): weights is number[] {
  return weights.every((w): w is number => w !== null && Number.isFinite(w) && w >= 0) && weights.some((w) => (w ?? 0) > 0);
}

export type NextPlanMethod = "seasonal" | "even" | "path" | "evenPath" | "flat";

export interface NextPeriodPlan extends LenientSplit {
  /** The monthly targets (a stock: the level at the end of each month). */
  values: number[];
  method: NextPlanMethod;
}

export interface NextPeriodInput {
  kind: "additive" | "stock" | "rate";
  target: number;
  /** This period's monthly values, the months the next period repeats a year later. */
  basis: readonly (number | null)[];
  /** Rounding unit (1 元, 10000 for 万). */
  unit: number;
  /** A stock's value in the month before this period, for the first month's net adds. */
  before?: number | null;
}

/**
 * Next period's monthly targets by the kind of metric (domain.md, "Target split"):
 * - additive (GMV, orders, spend): split by this period's months (seasonality), evenly where they cannot be
 *   weights; whole units of `unit` by largest remainder, adding up to the target exactly;
 * - stock (users): the target is the level at the end of the period: a monthly path from the latest value,
 *   whose steps follow this period's monthly net adds where they all go the target's way (else even steps),
 *   reaching the target in the last month;
 * - rate or average: the same target each month.
 */
export function planNextPeriod(input: NextPeriodInput): NextPeriodPlan {
  const { kind, target, basis, unit } = input;
  if (basis.length === 0) throw new TargetSplitError("noMonths");
  const even = basis.map(() => 1);
  const latest = basis[basis.length - 1];
  // A rate's target holds every month; so does a stock's when there is no latest value to start a path from.
  if (kind === "rate" || (kind === "stock" && latest === null)) return { values: basis.map(() => target), parts: [], method: "flat", remainder: 0, remainderIndex: -1 };
  if (kind === "stock" && latest !== null) {
    const change = target - latest;
    const levels = [input.before ?? null, ...basis];
    const adds = basis.map((v, i) => (v === null || levels[i] === null ? null : Math.sign(change || 1) * (v - levels[i]!)));
    const seasonal = usableWeights(adds);
    const split = splitTargetLenient(change, seasonal ? adds : even, unit);
    let level = latest;
    return { ...split, values: split.parts.map((step) => (level += step)), method: seasonal ? "path" : "evenPath" };
  }
  const seasonal = usableWeights(basis);
  const split = splitTargetLenient(target, seasonal ? basis : even, unit);
  return { ...split, values: split.parts, method: seasonal ? "seasonal" : "even" };
}
