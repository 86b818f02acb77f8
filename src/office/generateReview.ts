/**
 * The whole "Generate review sheet" job inside Excel: read the chosen ranges in blocks, run the engine, write
 * the review's sheets, remember the choices. The pane and the ribbon command both call this.
 */
import { readGrid } from "./readGrid";
import { writeReviewWorkbook, type Capabilities, type WriteResult } from "./writeWorkbook";
import { saveChoices, type ReviewChoices } from "./choices";
import { readMonthlyGrid } from "../engine/read/monthlyTable";
import { readTargetsGrid } from "../engine/read/targets";
import { parseMonthArgument } from "../engine/read/month";
import { isoToDay, type OrderTable } from "../engine/customers/orderTable";
import { readOrderLines } from "../engine/orders/orderLines";
import { InputError, issue } from "../i18n/issues";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../engine/customers/rfm";
import type { Segmentation } from "../engine/customers/segmentation";
import { buildReview, type ReviewModel } from "../engine/review/reviewModel";
import { reviewWorkbook } from "../engine/review/reviewSheets";
import type { Issue } from "../i18n/issues";
import type { Period } from "../engine/kpi/scorecard";

export type GenerateStage = "reading" | "computing" | "writing";

export interface GenerateOptions {
  now?: Date;
  capabilities?: Capabilities;
  onProgress?: (stage: GenerateStage, fraction: number) => void;
  /** Segmentation off the UI thread (the pane passes its Web Worker); default in-line. */
  segment?: (orders: OrderTable, settings: SegmentationSettings) => Promise<Segmentation>;
}

export interface GenerateResult {
  write: WriteResult;
  model: ReviewModel;
  warnings: Issue[];
}

export function periodOf(choices: ReviewChoices): Period | undefined {
  if (!choices.period) return undefined;
  const from = parseMonthArgument(choices.period.from);
  const to = parseMonthArgument(choices.period.to);
  return from !== null && to !== null && from <= to ? { from, to } : undefined;
}

export async function generateReview(context: Excel.RequestContext, choices: ReviewChoices, options: GenerateOptions = {}): Promise<GenerateResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress("reading", 0);
  if (!choices.data && !choices.orders) throw new InputError([issue("noData", "")]);
  // Without monthly data the review is built from the order list alone.
  const monthlyGrid = choices.data ? await readGrid(context, choices.data, undefined, (done, total) => progress("reading", (0.5 * done) / total)) : null;
  const monthly = monthlyGrid ? readMonthlyGrid(monthlyGrid, { overrides: choices.overrides }) : null;
  const targets = choices.targets ? readTargetsGrid(await readGrid(context, choices.targets)) : { targets: [], warnings: [] };
  const warnings: Issue[] = [...(monthly?.warnings ?? []), ...targets.warnings];
  let orders;
  if (choices.orders) {
    const grid = await readGrid(context, choices.orders, undefined, (done, total) => progress("reading", 0.5 + (0.5 * done) / total));
    const read = readOrderLines(grid);
    warnings.push(...read.rejected);
    const asOf = choices.asOf ? isoToDay(choices.asOf) ?? undefined : undefined;
    const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf, tiers: choices.tiers };
    progress("computing", 0);
    const segmentation = options.segment ? await options.segment(read.table, settings) : undefined;
    orders = { table: read.table, lines: read.lines, settings, rejectedRows: read.rejectedRows, source: grid.sheet, segmentation };
  }
  progress("computing", 0.5);
  const model = buildReview({
    table: monthly?.table,
    targets: targets.targets,
    period: periodOf(choices),
    thresholds: choices.thresholds,
    orders,
    nextTarget: choices.nextTarget ?? undefined,
    lang: choices.lang,
    source: monthlyGrid?.sheet ?? orders!.source,
    generatedAt: options.now ?? new Date(),
  });
  const spec = reviewWorkbook(model);
  progress("writing", 0);
  const write = await writeReviewWorkbook(context, spec, { lang: choices.lang, capabilities: options.capabilities, onProgress: (done, total) => progress("writing", done / total) });
  await saveChoices(context, choices);
  return { write, model, warnings: [...warnings, ...model.scorecard.warnings] };
}
