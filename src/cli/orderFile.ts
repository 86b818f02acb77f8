/**
 * Reads an order list file: delimited text through the fast byte reader, a block at a time (memory does not
 * grow with the file), xlsx sheets through the grid reader. Both give the same table.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename, extname } from "node:path";
import { InputFileError } from "./cliErrors";
import { readOrderGrid, type OrderColumnChoice, type ReadOrdersResult, type DateFormat } from "../engine/customers/orderTable";
import { DelimitedOrderReader } from "../engine/customers/delimitedOrders";
import { isLegacyXls, isZip } from "../engine/read/decodeText";
import { issue } from "../i18n/issues";

const BLOCK = 1 << 20;

export interface OrderFileOptions {
  sheet?: string;
  choice?: OrderColumnChoice;
  dateFormat?: DateFormat;
  /** Delimited text with more records than this ends in RowLimitExceeded (a sheet holds no more). */
  maxRecords?: number;
}

function openError(path: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
  return new InputFileError(`${path}: ${reason}`);
}

export async function readOrderFile(path: string, options: OrderFileOptions = {}): Promise<ReadOrdersResult> {
  const ext = extname(path).toLowerCase();
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const block = Buffer.allocUnsafe(BLOCK);
    let read: number;
    try {
      read = readSync(fd, block, 0, BLOCK, null);
    } catch (error) {
      throw openError(path, error);
    }
    const first = block.subarray(0, read);
    if (isLegacyXls(first)) throw new InputFileError(`${path}: a legacy Excel .xls file; open it in Excel and save it as .xlsx (or CSV UTF-8), then try again`);
    if (ext === ".xlsx" || ext === ".xlsm" || isZip(first)) {
      // The grid reader (papaparse, exceljs) is loaded only for files the byte reader does not take.
      const { readGridFile } = await import("./inputFiles");
      const grid = await readGridFile(path, options.sheet);
      const read = readOrderGrid(grid, options.choice, { dateFormat: options.dateFormat });
      if (grid.otherSheets && grid.otherSheets.length > 0) read.warnings.push(issue("firstSheetOnly", basename(path), { sheet: grid.sheet, sheets: grid.otherSheets.join(", ") }));
      return { ...read, encoding: grid.encoding };
    }
    const reader = new DelimitedOrderReader({ choice: options.choice, dateFormat: options.dateFormat, sheet: basename(path, extname(path)), source: basename(path), expectedBytes: fstatSync(fd).size, maxRecords: options.maxRecords });
    while (read > 0) {
      reader.push(block.subarray(0, read));
      read = readSync(fd, block, 0, BLOCK, null);
    }
    return reader.finish();
  } finally {
    closeSync(fd);
  }
}
