/** Turns the review command's files and flags into the engine's ReviewInput. */
import { basename } from "node:path";
import { loadMonthlyInputs, loadTargets, parsePeriodOptions, UsageError } from "./loadInputs";
import { readGridFile } from "./inputFiles";
import { asOfOption, nextTargetOption, orderColumns, thresholdsOption, tiersOption, type OrderListOptions } from "./options";
import { readOrderLines } from "../engine/orders/orderLines";
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
    const read = readOrderLines(await readGridFile(options.orders, options.ordersSheet), orderColumns(options));
    readerWarnings.push(...read.rejected);
    orders = { table: read.table, lines: read.lines, settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) }, rejectedRows: read.rejectedRows, source: basename(options.orders) };
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
