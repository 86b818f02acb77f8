/**
 * Reading a range, an Excel table or a named range into the engine's Grid, in blocks sized by bytes and capped
 * by cell count so that no request comes near Excel on the web's 5 MB limit, up to Excel's 1,048,576 rows. A selection of whole
 * columns is clipped to the sheet's used range. One sync resolves the range; then one sync per block.
 */
import type { Grid } from "../engine/read/grid";
import { readBlocks } from "./blockReader";

export type DataSource =
  | { kind: "selection" }
  | { kind: "table"; name: string }
  | { kind: "name"; name: string }
  | { kind: "range"; sheet: string; address: string };

/** About 100,000 cells per request: a few MB of values at most, far below the 5 MB cap. */
export const CELLS_PER_BLOCK = 100_000;

function resolve(context: Excel.RequestContext, source: DataSource): Excel.Range {
  switch (source.kind) {
    case "selection":
      return context.workbook.getSelectedRange();
    case "table":
      return context.workbook.tables.getItem(source.name).getRange();
    case "name":
      return context.workbook.names.getItem(source.name).getRange();
    case "range":
      return context.workbook.worksheets.getItem(source.sheet).getRange(source.address);
  }
}

export interface ReadProgress {
  (rowsRead: number, rowsTotal: number): void;
}

/** Where a source lies on its sheet, clipped to the used range (a selection of whole columns reads only data). */
export interface SourceBounds {
  sheet: Excel.Worksheet;
  sheetName: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export async function resolveBounds(context: Excel.RequestContext, source: DataSource): Promise<SourceBounds> {
  const range = resolve(context, source);
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  const sheet = range.worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { sheet, sheetName: sheet.name, top: range.rowIndex, left: range.columnIndex, rows: 0, cols: 0 };
  const top = Math.max(range.rowIndex, used.rowIndex);
  const bottom = Math.min(range.rowIndex + range.rowCount, used.rowIndex + used.rowCount);
  const left = Math.max(range.columnIndex, used.columnIndex);
  const right = Math.min(range.columnIndex + range.columnCount, used.columnIndex + used.columnCount);
  return { sheet, sheetName: sheet.name, top, left, rows: Math.max(0, bottom - top), cols: Math.max(0, right - left) };
}

export interface ReadOptions {
  /** Called between blocks; throw to stop (cancellation). */
  between?: () => void;
  budget?: number;
}

export async function readGrid(context: Excel.RequestContext, source: DataSource, cellsPerBlock = CELLS_PER_BLOCK, onProgress?: ReadProgress, options: ReadOptions = {}): Promise<Grid> {
  const bounds = await resolveBounds(context, source);
  const values: unknown[][] = [];
  if (bounds.rows > 0 && bounds.cols > 0) {
    await readBlocks(context, bounds.sheet, bounds.top, bounds.rows, [[bounds.left, bounds.cols]], "values", (block) => {
      for (const line of block[0]) values.push(line);
    }, { maxCells: cellsPerBlock, onBlock: onProgress, between: options.between, budget: options.budget });
  }
  return { values, sheet: bounds.sheetName, origin: { row: bounds.top, col: bounds.left } };
}
