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

/**
 * @param target the period target, a whole number of `unit`s
 * @param weights last year's monthly values (the seasonality)
 * @param unit rounding unit, e.g. 1 (元) or 10000 (万元)
 */
export function splitTarget(target: number, weights: readonly number[], unit = 1): number[] {
  if (weights.length === 0) throw new TargetSplitError("noMonths");
  const units = target / unit;
  const whole = Math.round(units);
  if (!Number.isFinite(units) || Math.abs(units - whole) > 1e-9 * Math.max(1, Math.abs(units))) throw new TargetSplitError("notWhole");
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || !(total > 0)) throw new TargetSplitError("badWeights");

  const sign = whole < 0 ? -1 : 1;
  const magnitude = Math.abs(whole);
  const exact = weights.map((w) => (magnitude * w) / total);
  const parts = exact.map(Math.floor);
  let left = magnitude - parts.reduce((s, p) => s + p, 0);
  // Largest remainder first; ties go to the earlier month so the result is deterministic.
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k].i] += 1;
  return parts.map((p) => sign * p * unit + 0);
}
