/**
 * Comparisons of domain.md (IBCS: AC actual, PL plan/target, PY previous year). Every function returns
 * null for n.a. rather than a misleading number.
 */
import type { Direction } from "../metrics/catalog";

export type Status = "green" | "amber" | "red";

export interface StatusThresholds {
  /** Attainment at or above this is green (达成). Default 1.0. */
  green: number;
  /** Attainment at or above this (and below green) is amber (接近). Default 0.9. */
  amber: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { green: 1, amber: 0.9 };

type Value = number | null | undefined;

function known(v: Value): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** A ratio so extreme that it overflows (a target of 1e-320) is n.a., never ±Infinity in a sheet. */
function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** 达成率 = 1 + s·(AC − PL)/|PL|, s = +1 higher-is-better, −1 lower-is-better; n.a. for PL 0 or missing. */
export function attainment(actual: Value, target: Value, direction: Direction = "higher"): number | null {
  if (!known(actual) || !known(target) || target === 0) return null;
  const sign = direction === "lower" ? -1 : 1;
  return finiteOrNull(1 + (sign * (actual - target)) / Math.abs(target));
}

/** ΔPL or ΔPY: AC − reference. */
export function variance(actual: Value, reference: Value): number | null {
  return known(actual) && known(reference) ? actual - reference : null;
}

/** ΔPY% = (AC − PY)/|PY|; n.a. where PY = 0 or AC and PY have opposite signs. */
export function growth(current: Value, previous: Value): number | null {
  if (!known(current) || !known(previous) || previous === 0) return null;
  if (current * previous < 0) return null;
  return finiteOrNull((current - previous) / Math.abs(previous));
}

/** Change in percentage points for % metrics, as a fraction: 0.33 → 0.38 is 0.05 (+5.0pp). */
export function ppChange(current: Value, previous: Value): number | null {
  return variance(current, previous);
}

/** Status from attainment with configurable thresholds; null where attainment is n.a. */
export function status(attainmentValue: Value, thresholds: StatusThresholds = DEFAULT_THRESHOLDS): Status | null {
  if (!known(attainmentValue)) return null;
  if (attainmentValue >= thresholds.green) return "green";
  if (attainmentValue >= thresholds.amber) return "amber";
  return "red";
}
