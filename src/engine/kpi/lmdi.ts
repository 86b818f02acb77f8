/**
 * Additive LMDI decomposition of GMV = visitors × conversion × aov (domain.md, "Why GMV moved").
 * The effect of driver k is L(GMV₁, GMV₀)·ln(x₁/x₀), with the logarithmic mean L(a, b) = (a − b)/(ln a − ln b)
 * and L(a, a) = a. The effects add up to ΔGMV and do not depend on the drivers' order.
 */

export interface GmvParts {
  visitors: number;
  buyers: number;
  gmv: number;
}

export interface LmdiEffects {
  visitors: number;
  conversion: number;
  aov: number;
}

export type LmdiResult = { ok: true; effects: LmdiEffects } | { ok: false; reason: "missing" | "nonPositive" };

/** ln(x1/x0): log1p where the two are close (no cancellation), the plain logarithm of the ratio elsewhere. */
function logRatio(x1: number, x0: number): number {
  const ratio = x1 / x0;
  return Math.abs(ratio - 1) < 0.5 ? Math.log1p((x1 - x0) / x0) : Math.log(ratio);
}

export function logarithmicMean(a: number, b: number): number {
  if (a === b) return a;
  return (a - b) / logRatio(a, b);
}

/** LMDI effects of any multiplicative drivers: value = Π x_k. Drivers must be positive. */
export function lmdiEffects(before: readonly number[], after: readonly number[]): number[] {
  const v0 = before.reduce((p, x) => p * x, 1);
  const v1 = after.reduce((p, x) => p * x, 1);
  const weight = logarithmicMean(v1, v0);
  return before.map((x0, k) => weight * logRatio(after[k], x0));
}

/** Splits the GMV change between two periods into visitor, conversion and aov effects. */
export function gmvDrivers(before: Partial<GmvParts>, after: Partial<GmvParts>): LmdiResult {
  const values = [before.visitors, before.buyers, before.gmv, after.visitors, after.buyers, after.gmv];
  if (values.some((v) => typeof v !== "number" || !Number.isFinite(v))) return { ok: false, reason: "missing" };
  if ((values as number[]).some((v) => v <= 0)) return { ok: false, reason: "nonPositive" };
  const drivers = (p: GmvParts) => [p.visitors, p.buyers / p.visitors, p.gmv / p.buyers];
  const [visitors, conversion, aov] = lmdiEffects(drivers(before as GmvParts), drivers(after as GmvParts));
  return { ok: true, effects: { visitors, conversion, aov } };
}
