/** Turns the review command's files and flags into the engine's ReviewInput. */
import { basename } from "node:path";
import { loadMonthlyInputs, parsePeriodOptions, UsageError } from "./loadInputs";
import { readGridFile } from "./inputFiles";
import { asOfOption, nextTargetOption, orderColumns, thresholdsOption, tiersOption, type OrderListOptions } from "./options";
import { readOrderGrid } from "../engine/customers/orderTable";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import type { ReviewInput } from "../engine/review/reviewModel";
import { reviewOrdersOnChosenEngine, type EngineOptions } from "./engineChoice";
import type { Issue, Lang } from "../i18n/issues";

export interface ReviewCliOptions extends OrderListOptions, EngineOptions {
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
  lang: Lang;
  output: string;
  /** ISO time to stamp instead of now (tests compare two runs). */
  generatedAt?: string;
}

export async function computeReviewInputs(monthly: string, options: ReviewCliOptions): Promise<{ input: ReviewInput; readerWarnings: Issue[] }> {
  const inputs = await loadMonthlyInputs(monthly, options.targets, options.sheet);
  const readerWarnings = [...inputs.warnings];
  let orders: ReviewInput["orders"];
  const onSqlEngine = options.orders || options.customers || options.table ? await reviewOrdersOnChosenEngine(options.orders, options) : null;
  if (onSqlEngine) orders = onSqlEngine;
  else if (options.orders) {
    const read = readOrderGrid(await readGridFile(options.orders, options.ordersSheet), orderColumns(options));
    readerWarnings.push(...read.rejected);
    orders = { table: read.table, settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) }, rejectedRows: read.rejectedRows, source: basename(options.orders) };
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
