/** Turns the review command's files and flags into the engine's ReviewInput. */
import { basename } from "node:path";
import { loadMonthlyInputs, parsePeriodOptions, UsageError } from "./loadInputs";
import { asOfOption, nextTargetOption, thresholdsOption, tiersOption, type OrderListOptions } from "./options";
import { readOrderListOption } from "./segmentCommand";
import { describeOrderColumns } from "../engine/customers/describeOrderColumns";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import type { ReviewInput } from "../engine/review/reviewModel";
import type { Issue, Lang } from "../i18n/issues";

export interface ReviewCliOptions extends OrderListOptions {
  sheet?: string;
  targets?: string;
  from?: string;
  to?: string;
  thresholds?: string;
  orders?: string;
  ordersSheet?: string;
  /** Customers listed in the 客户明细 sheet (top by spend); 0 lists all. */
  customerListCap?: string;
  nextTarget?: string;
  nextMetric?: string;
  nextUnit?: string;
  lang: Lang;
  output: string;
  /** ISO time to stamp instead of now (tests compare two runs). */
  generatedAt?: string;
}

/** `--customer-list-cap 10000`: a whole number; 0 lists every customer. */
export function customerListCapOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const cap = Number(value);
  if (!Number.isInteger(cap) || cap < 0) throw new UsageError(`--customer-list-cap ${value}: expected a whole number such as 10000 (0 lists every customer)`);
  return cap === 0 ? Infinity : cap;
}

export async function computeReviewInputs(monthly: string, options: ReviewCliOptions): Promise<{ input: ReviewInput; readerWarnings: Issue[] }> {
  const inputs = await loadMonthlyInputs(monthly, options.targets, options.sheet);
  const readerWarnings = [...inputs.warnings];
  let orders: ReviewInput["orders"];
  if (options.orders) {
    const read = await readOrderListOption(options.orders, { ...options, sheet: options.ordersSheet });
    readerWarnings.push(...read.rejected, ...read.warnings);
    orders = {
      table: read.table,
      settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) },
      rejectedRows: read.rejectedRows,
      source: `${basename(options.orders)} (${describeOrderColumns(read, options.lang)})`,
      listCap: customerListCapOption(options.customerListCap),
    };
  }
  const nextTarget = nextTargetOption(options.nextTarget, options.nextMetric, options.nextUnit);
  const generatedAt = options.generatedAt ? new Date(options.generatedAt) : new Date();
  if (Number.isNaN(generatedAt.getTime())) throw new UsageError(`--generated-at ${options.generatedAt}: expected an ISO time`);
  const source = inputs.sources.join(" + ");
  return {
    input: {
      table: inputs.table,
      targets: inputs.targets,
      period: parsePeriodOptions(options.from, options.to),
      thresholds: thresholdsOption(options.thresholds),
      orders,
      nextTarget,
      lang: options.lang,
      source,
      generatedAt,
    },
    readerWarnings,
  };
}
