/** Parsing of shared command-line options. */
import type { Command } from "commander";
import { UsageError } from "./cliErrors";
import { isoToDay } from "../engine/customers/orderTable";
import type { DateFormat, OrderColumnChoice } from "../engine/customers/orderTable";
import { DEFAULT_SEGMENTATION_SETTINGS, type TierSettings } from "../engine/customers/rfm";
import type { StatusThresholds } from "../engine/kpi/compare";
import { issue, type Lang } from "../i18n/issues";
import { readNumber } from "../engine/read/cellValue";
import { scorecardKeyForName } from "../engine/metrics/headers";
import type { ReviewInput } from "../engine/review/reviewModel";

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

/** The flags that name an order list's columns and its as-of date and tiers, shared by `segment` and `review`. */
export interface OrderListOptions {
  asOf?: string;
  tiers?: string;
  id?: string;
  date?: string;
  amount?: string;
  order?: string;
  product?: string;
  category?: string;
  quantity?: string;
  dateFormat?: string;
  customersOut?: string;
  force?: boolean;
}

export function addOrderListOptions(command: Command): Command {
  return command
    .option("--as-of <date>", "as-of date YYYY-MM-DD (default: the day after the latest order)")
    .option("--tiers <high,potential,dormantDays,lostDays>", "value tier thresholds, default 5000,1000,90,180")
    .option("--id <column>", "customer id column")
    .option("--date <column>", "order date column")
    .option("--amount <column>", "amount column (or PRICE×QUANTITY: two columns multiplied)")
    .option("--order <column>", "order id column")
    .option("--product <column>", "product column (for ABC): an id such as SKU is preferred to a name")
    .option("--category <column>", "category column (品类 / 类目)")
    .option("--quantity <column>", "quantity column (数量), for unit prices")
    .option("--date-format <dmy|mdy>", "read slash dates such as 4/1/2025 day-first (dmy) or month-first (mdy)")
    .option("--force", "replace an output file this tool did not write");
}

export function orderColumns(options: OrderListOptions): OrderColumnChoice {
  return { customer: options.id, date: options.date, amount: options.amount, order: options.order, product: options.product, category: options.category, quantity: options.quantity };
}

/** `--date-format dmy|mdy`; undefined when not given (the column's values decide). */
export function dateFormatOption(value: string | undefined): DateFormat | undefined {
  if (value === undefined) return undefined;
  const normal = value.trim().toLowerCase().replace(/[^a-z]/g, "");
  if (normal === "dmy" || normal === "ddmmyyyy") return "dmy";
  if (normal === "mdy" || normal === "mmddyyyy") return "mdy";
  throw new UsageError(issue("optionDateFormat", `--date-format ${value}`));
}

/** `--as-of 1998-07-01` as a day number; undefined when not given. */
export function asOfOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = isoToDay(value);
  if (day === null) throw new UsageError(issue("optionAsOf", `--as-of ${value}`));
  return day;
}

/** `--tiers 5000,1000,90,180`: high-value spend, potential spend, dormant days, lost days. */
export function tiersOption(value: string | undefined): TierSettings {
  if (value === undefined) return DEFAULT_SEGMENTATION_SETTINGS.tiers;
  const parts = value.split(",").map(Number);
  const [highValue, potential, dormantDays, lostDays] = parts;
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p) || p < 0) || potential > highValue || dormantDays > lostDays) {
    throw new UsageError(issue("optionTiers", `--tiers ${value}`));
  }
  return { highValue, potential, dormantDays, lostDays };
}

/**
 * `--next-target 33亿 [--next-metric GMV] [--next-unit 1万]`: next period's target, its metric (default GMV;
 * whether the data has it is checked against the data) and the rounding unit of its monthly parts (default 1).
 */
export function nextTargetOption(target: string | undefined, metric: string | undefined, unit: string | undefined): ReviewInput["nextTarget"] {
  if (target === undefined) {
    if (metric !== undefined || unit !== undefined) throw new UsageError(`--next-metric and --next-unit go with --next-target, e.g. --next-target 33亿`);
    return undefined;
  }
  const value = readNumber(target);
  if (value.kind !== "number") throw new UsageError(`--next-target ${target}: expected an amount such as 33亿, 3,300,000,000 or 5.5%`);
  const rounding = unit === undefined ? { kind: "number" as const, value: 1 } : readNumber(unit);
  if (rounding.kind !== "number" || !(rounding.value > 0)) throw new UsageError(`--next-unit ${unit}: expected a positive number such as 10000 or 1万`);
  const name = metric ?? "GMV";
  return { value: value.value, metric: scorecardKeyForName(name), unit: rounding.value, name };
}
