/**
 * Reading a range, an Excel table or a named range into the engine's Grid, in blocks sized by cell count so
 * that no request comes near Excel on the web's 5 MB limit, up to Excel's 1,048,576 rows. A selection of whole
 * columns is clipped to the sheet's used range. One sync resolves the range; then one sync per block.
 */
import type { Grid } from "../engine/read/grid";

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

export async function readGrid(context: Excel.RequestContext, source: DataSource, cellsPerBlock = CELLS_PER_BLOCK, onProgress?: ReadProgress): Promise<Grid> {
  const range = resolve(context, source);
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  const sheet = range.worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();

  if (used.isNullObject) return { values: [], sheet: sheet.name, origin: { row: range.rowIndex, col: range.columnIndex } };
  const top = Math.max(range.rowIndex, used.rowIndex);
  const bottom = Math.min(range.rowIndex + range.rowCount, used.rowIndex + used.rowCount);
  const left = Math.max(range.columnIndex, used.columnIndex);
  const right = Math.min(range.columnIndex + range.columnCount, used.columnIndex + used.columnCount);
  const columns = right - left;
  const values: unknown[][] = [];
  if (bottom > top && columns > 0) {
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / columns));
    for (let row = top; row < bottom; row += rowsPerBlock) {
      const block = sheet.getRangeByIndexes(row, left, Math.min(rowsPerBlock, bottom - row), columns);
      block.load("values");
      await context.sync();
      for (const line of block.values) values.push(line);
      onProgress?.(Math.min(row + rowsPerBlock, bottom) - top, bottom - top);
    }
  }
  return { values, sheet: sheet.name, origin: { row: top, col: left } };
}
