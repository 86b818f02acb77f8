/**
 * The Settings section as the analyst types it (text in inputs) and as the saved choices hold it: status
 * thresholds, customer tier limits, the as-of date and next period's target. Parsing never guesses: a value
 * that does not read is a message on its field and keeps Generate disabled.
 */
import type { ReviewChoices } from "../office/choices";
import { readNumber } from "../engine/read/cellValue";
import { isoToDay } from "../engine/customers/orderTable";
import type { PaneMessage } from "./paneMessage";
import { say } from "./paneMessage";

export interface SettingsText {
  green: string;
  amber: string;
  highValue: string;
  potential: string;
  dormantDays: string;
  lostDays: string;
  asOf: string;
  nextTarget: string;
  nextMetric: string;
  nextUnit: string;
}

type Saved = Pick<ReviewChoices, "thresholds" | "tiers" | "asOf" | "nextTarget">;

/** Percent text without float noise: 0.9 → "90". */
function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

export function settingsText(saved: Saved): SettingsText {
  return {
    green: percentText(saved.thresholds.green),
    amber: percentText(saved.thresholds.amber),
    highValue: String(saved.tiers.highValue),
    potential: String(saved.tiers.potential),
    dormantDays: String(saved.tiers.dormantDays),
    lostDays: String(saved.tiers.lostDays),
    asOf: saved.asOf ?? "",
    nextTarget: saved.nextTarget ? String(saved.nextTarget.value) : "",
    nextMetric: saved.nextTarget?.metric ?? "gmv",
    nextUnit: String(saved.nextTarget?.unit ?? 1),
  };
}

export interface ParsedSettings {
  value: Saved | null;
  /** A message per group of fields that does not read. */
  problems: Partial<Record<"thresholds" | "tiers" | "asOf" | "nextTarget", PaneMessage>>;
}

function plainNumber(text: string): number | null {
  const read = readNumber(text.trim());
  return read.kind === "number" ? read.value : null;
}

export function parseSettings(text: SettingsText): ParsedSettings {
  const problems: ParsedSettings["problems"] = {};
  const green = plainNumber(text.green);
  const amber = plainNumber(text.amber);
  if (green === null || amber === null || !(green > 0) || !(amber > 0) || amber > green) problems.thresholds = say("thresholdsInvalid");

  const [highValue, potential, dormantDays, lostDays] = [text.highValue, text.potential, text.dormantDays, text.lostDays].map(plainNumber);
  if ([highValue, potential, dormantDays, lostDays].some((v) => v === null || !(v > 0)) || potential! > highValue! || lostDays! <= dormantDays!) problems.tiers = say("tiersInvalid");

  const asOf = text.asOf.trim();
  if (asOf !== "" && isoToDay(asOf) === null) problems.asOf = say("asOfInvalid");

  let nextTarget: Saved["nextTarget"] = null;
  if (text.nextTarget.trim() !== "") {
    const value = plainNumber(text.nextTarget);
    if (value === null || !(value > 0)) problems.nextTarget = say("nextTargetInvalid", { text: text.nextTarget.trim() });
    else nextTarget = { value, metric: text.nextMetric, unit: Number(text.nextUnit) || 1 };
  }
  if (Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: {
      thresholds: { green: green! / 100, amber: amber! / 100 },
      tiers: { highValue: highValue!, potential: potential!, dormantDays: dormantDays!, lostDays: lostDays! },
      asOf: asOf === "" ? null : asOf,
      nextTarget,
    },
    problems,
  };
}
