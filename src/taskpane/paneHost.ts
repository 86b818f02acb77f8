/** Everything the pane asks of Excel, in one place; `officeHost` does it through Office.js. */
import { readGrid, type DataSource } from "../office/readGrid";
import { editedReviewSheets, generateReview, type GenerateResult, type GenerateStage } from "../office/generateReview";
import { loadChoices, type ReviewChoices } from "../office/choices";
import { readOrderFileHeadInWorker, segmentFileInWorker, segmentInWorker } from "../office/segmentInWorker";
import type { OrderFileHead } from "../engine/customers/orderFile";
import type { Grid } from "../engine/read/grid";
import { columnIndex, columnLetter } from "../engine/read/grid";
import { runInExcel } from "../office/capabilities";

export interface GenerateProgress {
  stage: GenerateStage;
  /** 0..1 within the stage. */
  fraction: number;
  /** Counts, where the job reports them. */
  rowsRead?: number;
  sheetsWritten?: number;
  /** Bytes of a text order file read, and its size. */
  bytesRead?: number;
  bytesTotal?: number;
}

export interface GenerateRequest {
  /** Aborted by the pane's Cancel button: the job stops after the current block and leaves the workbook as it was. */
  signal: AbortSignal;
  /** Keep the review sheets the analyst edited (renamed) instead of replacing them. */
  keepEdited: boolean;
  /** An order file picked in the pane, used in place of an order range: read in the Web Worker, never written into the workbook. */
  orderFile?: File;
}

export interface PaneHost {
  /** The selected range as a source that stays valid when the selection moves. */
  selection(): Promise<{ source: DataSource; label: string }>;
  tables(): Promise<string[]>;
  read(source: DataSource): Promise<Grid>;
  /** The first `rows` rows of a source (all of it where it cannot be cut), to check a range when it is chosen. */
  readTop(source: DataSource, rows: number): Promise<Grid>;
  /** The header and first `rows` rows of an order file (read in the Web Worker), to check it when it is picked. */
  readOrderFileHead(file: File, rows: number): Promise<OrderFileHead>;
  generate(choices: ReviewChoices, onProgress: (progress: GenerateProgress) => void, request: GenerateRequest): Promise<GenerateResult>;
  /**
   * The add-in's own sheets the analyst edited since they were written, to ask before replacing them; absent
   * where the host cannot tell.
   */
  editedSheets?(): Promise<string[]>;
  activate(sheet: string): Promise<void>;
  savedChoices(): Promise<ReviewChoices | null>;
}

/** `A1:D601` cut to its first `rows` rows: `A1:D500`. Null when the address is not a plain block. */
export function topOfAddress(address: string, rows: number): string | null {
  const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!match) return null;
  const first = Number(match[2]);
  const last = Math.min(Number(match[4]), first + rows - 1);
  return `${match[1]}${first}:${columnLetter(columnIndex(match[3]))}${last}`;
}

export const officeHost: PaneHost = {
  selection: () =>
    runInExcel(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      const [sheet, address] = range.address.includes("!") ? [range.address.slice(0, range.address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'"), range.address.slice(range.address.lastIndexOf("!") + 1)] : ["", range.address];
      return { source: { kind: "range", sheet, address }, label: range.address };
    }),
  tables: () =>
    runInExcel(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      return tables.items.map((t) => t.name);
    }),
  read: (source) => runInExcel((context) => readGrid(context, source)),
  readTop: (source, rows) => {
    const address = source.kind === "range" ? topOfAddress(source.address, rows) : null;
    return runInExcel((context) => readGrid(context, address && source.kind === "range" ? { ...source, address } : source));
  },
  readOrderFileHead: (file, rows) => readOrderFileHeadInWorker(file, rows),
  generate: (choices, onProgress, { signal, keepEdited, orderFile }) =>
    runInExcel((context) =>
      generateReview(context, choices, {
        onProgress: (stage, fraction, counts) =>
          onProgress({ stage, fraction, rowsRead: counts.bytesTotal === undefined ? counts.rowsRead : undefined, sheetsWritten: counts.sheetsWritten, bytesRead: counts.bytesRead, bytesTotal: counts.bytesTotal }),
        segment: segmentInWorker,
        orderFile: orderFile && { name: orderFile.name, segment: (choice, settings, run) => segmentFileInWorker(orderFile, choice, settings, run) },
        signal,
        keepEdited,
      }),
    ),
  editedSheets: () => runInExcel((context) => editedReviewSheets(context)),
  activate: (sheet) =>
    runInExcel(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    }),
  savedChoices: () => runInExcel((context) => loadChoices(context)),
};
