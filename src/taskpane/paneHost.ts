/** Everything the pane asks of Excel, in one place; `officeHost` does it through Office.js. */
import { readGrid, type DataSource } from "../office/readGrid";
import { generateReview, type GenerateResult, type GenerateStage } from "../office/generateReview";
import { loadChoices, type ReviewChoices } from "../office/choices";
import { segmentInWorker } from "../office/segmentInWorker";
import type { Grid } from "../engine/read/grid";
import { runInExcel } from "../office/capabilities";

export interface PaneHost {
  /** The selected range as a source that stays valid when the selection moves. */
  selection(): Promise<{ source: DataSource; label: string }>;
  tables(): Promise<string[]>;
  read(source: DataSource): Promise<Grid>;
  generate(choices: ReviewChoices, onProgress: (stage: GenerateStage, fraction: number) => void): Promise<GenerateResult>;
  activate(sheet: string): Promise<void>;
  savedChoices(): Promise<ReviewChoices | null>;
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
  generate: (choices, onProgress) => runInExcel((context) => generateReview(context, choices, { onProgress, segment: segmentInWorker })),
  activate: (sheet) =>
    runInExcel(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    }),
  savedChoices: () => runInExcel((context) => loadChoices(context)),
};
