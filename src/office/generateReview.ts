/**
 * The whole "Generate review sheet" job inside Excel: read the chosen ranges in blocks, run the engine, write
 * the review's sheets, remember the choices. The pane and the ribbon command both call this.
 */
import { readGrid } from "./readGrid";
import { writeReviewWorkbook, throwIfCancelled, type CancelSignal, type Capabilities, type WriteResult } from "./writeWorkbook";
import { readOrderColumns } from "./readOrders";
import { prepareOrders, type OrderColumns, type PreparedOrders } from "./orderColumns";
import { editedOwnSheets } from "./ownSheets";
import { officeCapabilities } from "./capabilities";
import { saveChoices, type ReviewChoices } from "./choices";
import { readMonthlyInputs } from "../engine/read/readInputs";
import { readTargetsGrid } from "../engine/read/targets";
import { parseMonthArgument } from "../engine/read/month";
import { isoToDay } from "../engine/customers/orderTable";
import { describeOrderColumns } from "../engine/customers/describeOrderColumns";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../engine/customers/rfm";
import { buildReview, type ReviewModel } from "../engine/review/reviewModel";
import { reviewWorkbook } from "../engine/review/reviewSheets";
import { InputError, issue, type Issue } from "../i18n/issues";
import type { Period } from "../engine/kpi/scorecard";
import type { OrderColumnChoice } from "../engine/customers/orderColumns";
import type { FileProgress } from "./orderFileJobs";

export type GenerateStage = "reading" | "computing" | "writing";

/** Counts for the progress display: rows of the order list read (or bytes of an order file), sheets written. */
export interface GenerateCounts {
  rowsRead: number;
  rowsTotal: number;
  /** Bytes of a text order file read so far, and its size (a Parquet file counts rows). */
  bytesRead?: number;
  bytesTotal?: number;
  sheetsWritten: number;
  sheetsTotal: number;
}

export interface GenerateOptions {
  now?: Date;
  capabilities?: Capabilities;
  onProgress?: (stage: GenerateStage, fraction: number, counts: GenerateCounts) => void;
  /** Order columns → typed order table and segmentation off the UI thread (the pane passes its Web Worker); default in-line. */
  segment?: (orders: OrderColumns, settings: SegmentationSettings) => Promise<PreparedOrders>;
  /**
   * Cancels the job (an AbortSignal): checked between read and write blocks; the job stops after the current
   * block with a ReviewCancelled error, and the workbook is as it was (the sheets of this run are removed).
   */
  signal?: CancelSignal;
  /** Keep own sheets the analyst has edited since they were written (renamed `… (已编辑)`) instead of replacing them. */
  keepEdited?: boolean;
  /**
   * An order file the analyst picked (in place of `choices.orders`): read and segmented off the workbook (the
   * pane's Web Worker); nothing of it is written into the workbook but the review.
   */
  orderFile?: OrderFileSource;
}

export interface OrderFileSource {
  /** The file's name, for the review's data-source line. */
  name: string;
  segment(choice: OrderColumnChoice, settings: SegmentationSettings, run: { onProgress: (progress: FileProgress) => void; signal?: CancelSignal }): Promise<PreparedOrders>;
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

/** The review's sheets the analyst has edited since the add-in wrote them (ask before regenerating). */
export function editedReviewSheets(context: Excel.RequestContext, capabilities: Capabilities = officeCapabilities): Promise<string[]> {
  return editedOwnSheets(context, capabilities);
}

export async function generateReview(context: Excel.RequestContext, choices: ReviewChoices, options: GenerateOptions = {}): Promise<GenerateResult> {
  const counts: GenerateCounts = { rowsRead: 0, rowsTotal: 0, sheetsWritten: 0, sheetsTotal: 0 };
  const report = options.onProgress ?? (() => undefined);
  const progress = (stage: GenerateStage, fraction: number) => report(stage, fraction, { ...counts });
  const between = () => throwIfCancelled(options.signal);
  progress("reading", 0);
  // The orders came from a file last time: without it (the ribbon, a colleague), ask for it rather than leave them out.
  if (choices.orderFile && !choices.orders && !options.orderFile) throw new InputError([issue("orderFileAgain", choices.orderFile)]);
  if (!choices.data && !choices.orders && !options.orderFile) throw new InputError([issue("noData", "")]);
  // Without monthly data the review is built from the order list alone.
  const monthlyGrid = choices.data ? await readGrid(context, choices.data, undefined, (done, total) => progress("reading", (0.5 * done) / total), { between }) : null;
  // The same reader as the command line: targets' 方向/汇总, the data's 目标X columns, cross-checks.
  const targetsGrid = choices.targets ? await readGrid(context, choices.targets, undefined, undefined, { between }) : undefined;
  const monthly = monthlyGrid ? readMonthlyInputs(monthlyGrid, targetsGrid, { overrides: choices.overrides }) : null;
  const targets = monthly ? { targets: monthly.targets, warnings: [] } : targetsGrid ? readTargetsGrid(targetsGrid) : { targets: [], warnings: [] };
  const warnings: Issue[] = [...(monthly?.warnings ?? targets.warnings)];
  let orders;
  if (choices.orders || options.orderFile) {
    const asOf = choices.asOf ? isoToDay(choices.asOf) ?? undefined : undefined;
    const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf, tiers: choices.tiers };
    let prepared: PreparedOrders;
    let name: string;
    if (options.orderFile) {
      name = options.orderFile.name;
      prepared = await options.orderFile.segment(choices.orderColumns ?? {}, settings, {
        signal: options.signal,
        onProgress: ({ done, total, unit }) => {
          if (unit === "rows") [counts.rowsRead, counts.rowsTotal] = [done, total];
          else [counts.bytesRead, counts.bytesTotal] = [done, total];
          // The worker segments once the last block is read.
          if (done >= total) progress("computing", 0);
          else progress("reading", 0.5 + (0.5 * done) / Math.max(1, total));
        },
      });
    } else {
      const columns = await readOrderColumns(context, choices.orders!, {
        choice: choices.orderColumns,
        between,
        onProgress: (done, total) => {
          counts.rowsRead = done;
          counts.rowsTotal = total;
          progress("reading", 0.5 + (0.5 * done) / total);
        },
      });
      progress("computing", 0);
      name = columns.sheet;
      prepared = options.segment ? await options.segment(columns, settings) : prepareOrders(columns, settings);
    }
    warnings.push(...prepared.read.rejected, ...prepared.read.warnings);
    // The data-source line names the sheet or file and the columns used (domain.md: the output always says which).
    const source = `${name} (${describeOrderColumns(prepared.read, choices.lang)})`;
    orders = { table: prepared.read.table, settings, rejectedRows: prepared.read.rejectedRows, source, segmentation: prepared.segmentation };
  }
  throwIfCancelled(options.signal);
  progress("computing", 0.5);
  const model = buildReview({
    table: monthly?.table,
    targets: targets.targets,
    period: periodOf(choices),
    thresholds: choices.thresholds,
    orders,
    nextTarget: choices.nextTarget ?? undefined,
    lang: choices.lang,
    source: monthlyGrid?.sheet ?? orders?.source ?? "",
    generatedAt: options.now ?? new Date(),
  });
  const spec = reviewWorkbook(model);
  counts.sheetsTotal = spec.sheets.length;
  progress("writing", 0);
  const write = await writeReviewWorkbook(context, spec, {
    lang: choices.lang,
    capabilities: options.capabilities,
    signal: options.signal,
    keepEdited: options.keepEdited,
    onProgress: (done, total, written) => {
      counts.sheetsWritten = written.sheetsWritten;
      progress("writing", done / total);
    },
  });
  await saveChoices(context, choices);
  return { write, model, warnings: [...warnings, ...model.scorecard.warnings] };
}
