/** Turns the review command's files and flags into the engine's ReviewInput. */
import { basename } from "node:path";
import { loadMonthlyInputs, loadTargets, parsePeriodOptions, UsageError } from "./loadInputs";
import { asOfOption, nextTargetOption, thresholdsOption, tiersOption, type OrderListOptions } from "./options";
import { readOrderListOption } from "./segmentCommand";
import { describeOrderColumns } from "../engine/customers/describeOrderColumns";
import { readNumber } from "../engine/read/cellValue";
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
  /** Items in the products sheet's top list (default 20). */
  top?: string;
  /** Upper limits of the price bands, e.g. `50,100,200`. */
  priceBands?: string;
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

/** `--top 20` and `--price-bands 50,100,200`. */
function productOptions(options: ReviewCliOptions): ReviewInput["products"] {
  const out: ReviewInput["products"] = {};
  if (options.top !== undefined) {
    const top = Number(options.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top ${options.top}: expected a whole number such as 20`);
    out.topN = top;
  }
  if (options.priceBands !== undefined) {
    const limits = options.priceBands.split(",").map((p) => readNumber(p.trim()));
    const values = limits.map((l) => (l.kind === "number" ? l.value : NaN));
    if (values.some((v) => !(v > 0)) || values.some((v, i) => i > 0 && v <= values[i - 1])) throw new UsageError(`--price-bands ${options.priceBands}: expected ascending prices such as 50,100,200`);
    out.priceBands = values;
  }
  return out;
}

/** The review's inputs; without a monthly file the monthly figures are built from the order list (--orders). */
export async function computeReviewInputs(monthly: string | undefined, options: ReviewCliOptions): Promise<{ input: ReviewInput; readerWarnings: Issue[] }> {
  if (monthly === undefined && !options.orders) throw new UsageError("review needs a monthly file, an order list (--orders FILE), or both");
  const products = productOptions(options);
  const inputs =
    monthly !== undefined
      ? await loadMonthlyInputs(monthly, options.targets, options.sheet)
      : { table: undefined, ...(await loadTargets(options.targets)), sources: [basename(options.orders!), ...(options.targets ? [basename(options.targets)] : [])] };
  const readerWarnings = [...inputs.warnings];
  let orders: ReviewInput["orders"];
  if (options.orders) {
    // Delimited text through the fast byte reader, xlsx through the grid; the table carries category and quantity.
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
      products,
      nextTarget,
      lang: options.lang,
      source,
      generatedAt,
    },
    readerWarnings,
  };
}
