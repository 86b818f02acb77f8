/**
 * The analyst's choices (data, column meanings, targets, period, thresholds, orders, language), kept in the
 * workbook's settings so that a colleague who opens the shared workbook regenerates the same review, and the
 * ribbon's "Generate review sheet" runs without the pane.
 */
import type { DataSource } from "./readGrid";
import type { ColumnMeaning } from "../engine/metrics/headers";
import type { ColumnOverride } from "../engine/read/columnRules";
import type { Lang } from "../i18n/issues";
import type { OrderField } from "../engine/customers/orderTable";

export const CHOICES_SETTING = "kpiReview.choices";

export interface ReviewChoices {
  version: 1;
  /** The monthly data; null for a review from the order list alone (then `orders` is required). */
  data: DataSource | null;
  /** Column meanings (and rules: aggregation, direction, unit) the analyst confirmed or changed, keyed by header. */
  overrides: Record<string, ColumnMeaning | "ignore" | ColumnOverride>;
  targets: DataSource | null;
  /** `2025-06`..`2025-10`; null for the default (the latest calendar year). */
  period: { from: string; to: string } | null;
  thresholds: { green: number; amber: number };
  orders: DataSource | null;
  /**
   * The name of the order file the review read (picked in the pane): files are not kept in the workbook, so the
   * ribbon and a colleague's pane ask for it again rather than regenerate without the orders.
   */
  orderFile?: string | null;
  /** Order-list columns named by the analyst (field → header); the others are recognised. */
  orderColumns?: Partial<Record<OrderField, string>>;
  tiers: { highValue: number; potential: number; dormantDays: number; lostDays: number };
  asOf: string | null;
  nextTarget: { value: number; metric: string; unit: number } | null;
  lang: Lang;
}

export function defaultChoices(lang: Lang): ReviewChoices {
  return {
    version: 1,
    data: { kind: "selection" },
    overrides: {},
    targets: null,
    period: null,
    thresholds: { green: 1, amber: 0.9 },
    orders: null,
    tiers: { highValue: 5000, potential: 1000, dormantDays: 90, lostDays: 180 },
    asOf: null,
    nextTarget: null,
    lang,
  };
}

export async function saveChoices(context: Excel.RequestContext, choices: ReviewChoices): Promise<void> {
  context.workbook.settings.add(CHOICES_SETTING, JSON.stringify(choices));
  await context.sync();
}

export async function loadChoices(context: Excel.RequestContext): Promise<ReviewChoices | null> {
  const item = context.workbook.settings.getItemOrNullObject(CHOICES_SETTING);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return null;
  try {
    const parsed = JSON.parse(String(item.value)) as ReviewChoices;
    return parsed.version === 1 ? parsed : null;
  } catch {
    return null;
  }
}
