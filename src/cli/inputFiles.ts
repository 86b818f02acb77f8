/**
 * Input files as grids: CSV (comma, tab, semicolon or whitespace separated; UTF-8 with or without BOM,
 * UTF-16 with BOM, GB18030/GBK; see engine/read/decodeText) and xlsx sheets (through exceljs). The engine
 * then reads the grid exactly as it reads an Excel range.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Grid } from "../engine/read/grid";
import { decodeText, encodingNote, isLegacyXls, isZip } from "../engine/read/decodeText";
import { InputError, issue } from "../i18n/issues";
import { parseDelimitedText } from "../engine/read/delimitedText";

import { InputFileError } from "./cliErrors";

export { InputFileError, parseDelimitedText };

/** Text cells that are plain numbers become numbers, as Excel stores a CSV it opens (for sample workbooks and tests). */
export function typedCells(rows: string[][]): Array<Array<string | number>> {
  return rows.map((row) => row.map((cell) => (cell.trim() !== "" && Number.isFinite(Number(cell)) ? Number(cell) : cell)));
}

async function readXlsxGrid(path: string, sheetName?: string): Promise<Grid & { otherSheets: string[] }> {
  // Loaded on demand: exceljs takes longer to load than a million-row CSV takes to read.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    // A zip that exceljs cannot open (truncated download, damaged file): a message, never a stack trace.
    throw new InputError([issue("damagedXlsx", path)]);
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(", ");
    throw new InputError([issue("noSuchSheet", path, { sheet: sheetName ?? "", sheets: names })]);
  }
  const values: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value;
    });
    values[rowNumber - 1] = cells;
  });
  for (let r = 0; r < values.length; r++) values[r] = values[r] ?? [];
  // The first sheet taken by default: the others are named, so that a reader can say it left them (Online Retail II).
  return { values, sheet: sheet.name, otherSheets: sheetName ? [] : workbook.worksheets.slice(1).map((w) => w.name) };
}

/** A grid read from a file, with the file's text encoding named when it was not UTF-8 (e.g. "GB18030/GBK"). */
export interface FileGrid extends Grid {
  encoding: string | null;
  /** The workbook's other sheets when the first was taken by default (no sheet named). */
  otherSheets?: string[];
}

/** Reads a CSV/TXT or xlsx file as a grid. For xlsx, `sheet` picks the sheet (default: the first). */
export async function readGridFile(path: string, sheet?: string): Promise<FileGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([code === "ENOENT" ? issue("fileNotFound", path) : issue("fileUnreadable", path, { reason: code ?? (error as Error).message })]);
  }
  if (isLegacyXls(bytes)) throw new InputError([issue("legacyXls", path)]);
  const ext = extname(path).toLowerCase();
  if (isZip(bytes)) return { ...(await readXlsxGrid(path, sheet)), encoding: null };
  if (ext === ".xlsx" || ext === ".xlsm") throw new InputError([issue("notXlsx", path, { ext })]);
  const decoded = decodeText(bytes, basename(path));
  return { values: parseDelimitedText(decoded.text), sheet: basename(path, extname(path)), encoding: encodingNote(decoded) };
}
