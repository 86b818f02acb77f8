/** Parsing of shared command-line options. */
import { UsageError } from "./loadInputs";
import type { StatusThresholds } from "../engine/kpi/compare";
import type { Lang } from "../i18n/issues";

export function langOption(value: string): Lang {
  if (value === "zh" || value === "en") return value;
  throw new UsageError(`--lang ${value}: expected zh or en`);
}

/** `--thresholds 1,0.9` (green, amber attainment). */
export function thresholdsOption(value: string | undefined): StatusThresholds | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map(Number);
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p)) || parts[1] > parts[0]) {
    throw new UsageError(`--thresholds ${value}: expected green,amber attainment such as 1,0.9`);
  }
  return { green: parts[0], amber: parts[1] };
}
