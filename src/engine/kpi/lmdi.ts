/**
 * Additive LMDI decomposition of GMV = visitors × conversion × aov, or buyers × aov without visitors
 * (domain.md, "Why GMV moved").
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

export type DriverKey = "visitors" | "conversion" | "buyers" | "aov";

export interface DriverEffect {
  key: DriverKey;
  effect: number;
}

export type FactorResult = { ok: true; factors: DriverEffect[] } | { ok: false; reason: "missing" | "nonPositive" };

const known = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * GMV's change split into the effects of its drivers: visitors × conversion × aov where visitors are known on
 * both sides, else buyers × aov (an order list has no visitors). The effects add up to ΔGMV exactly.
 */
export function gmvFactors(before: Partial<GmvParts>, after: Partial<GmvParts>): FactorResult {
  const withVisitors = known(before.visitors) && known(after.visitors);
  const parts = withVisitors ? (["visitors", "buyers", "gmv"] as const) : (["buyers", "gmv"] as const);
  const values = parts.flatMap((k) => [before[k], after[k]]);
  if (!values.every(known)) return { ok: false, reason: "missing" };
  if (values.some((v) => v <= 0)) return { ok: false, reason: "nonPositive" };
  const keys: DriverKey[] = withVisitors ? ["visitors", "conversion", "aov"] : ["buyers", "aov"];
  const drivers = (p: Partial<GmvParts>) => (withVisitors ? [p.visitors!, p.buyers! / p.visitors!, p.gmv! / p.buyers!] : [p.buyers!, p.gmv! / p.buyers!]);
  const effects = lmdiEffects(drivers(before), drivers(after));
  return { ok: true, factors: keys.map((key, k) => ({ key, effect: effects[k] })) };
}

/** Splits the GMV change between two periods into visitor, conversion and aov effects. */
export function gmvDrivers(before: Partial<GmvParts>, after: Partial<GmvParts>): LmdiResult {
  if (!known(before.visitors) || !known(after.visitors)) return { ok: false, reason: "missing" };
  const result = gmvFactors(before, after);
  if (!result.ok) return result;
  const [visitors, conversion, aov] = result.factors.map((f) => f.effect);
  return { ok: true, effects: { visitors, conversion, aov } };
}
