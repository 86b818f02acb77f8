/**
 * Reads an order list file: delimited text through the fast byte reader, a block at a time (memory does not
 * grow with the file's text), large files in two parts at once (orderFileParts.ts); xlsx sheets through the
 * grid reader. All give the same table.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename, extname } from "node:path";
import { readOrderGrid, type OrderColumnChoice, type ReadOrdersResult, type DateFormat } from "../engine/customers/orderTable";
import { DelimitedOrderReader } from "../engine/customers/delimitedOrders";
import { pushRange, readOrderFileInParts } from "./orderFileParts";
import { isLegacyXls, isZip } from "../engine/read/decodeText";
import { InputError, issue } from "../i18n/issues";

/** Bytes enough to tell a workbook (zip, legacy .xls) from text by its signature. */
const SIGNATURE_BYTES = 8;

export interface OrderFileOptions {
  sheet?: string;
  choice?: OrderColumnChoice;
  dateFormat?: DateFormat;
  /** Delimited text with more records than this ends in RowLimitExceeded (a sheet holds no more). */
  maxRecords?: number;
}

/** A file that cannot be opened or read, in the analyst's language (InputError is formatted in zh or en). */
function openError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError([issue("fileNotFound", path)]);
  if (code === "EISDIR") return new InputError([issue("inputIsFolder", path)]);
  return new InputError([issue("fileUnreadable", path, { reason: code ?? (error as Error).message })]);
}

/**
 * Reads the order list from an xlsx sheet. When the first sheet was taken by default and cannot be read as an
 * order list (a 说明 sheet before the orders), the error also names the other sheets and how to choose one.
 */
async function readOrderSheet(path: string, options: OrderFileOptions): Promise<ReadOrdersResult> {
  // The grid reader (papaparse, exceljs) is loaded only for files the byte reader does not take.
  const { readGridFile } = await import("./inputFiles");
  const grid = await readGridFile(path, options.sheet);
  const otherSheets = grid.otherSheets ?? [];
  const sheetNote = issue("firstSheetOnly", basename(path), { sheet: grid.sheet, sheets: otherSheets.join(", ") });
  let read: ReadOrdersResult;
  try {
    read = readOrderGrid(grid, options.choice, { dateFormat: options.dateFormat });
  } catch (error) {
    if (error instanceof InputError && otherSheets.length > 0) throw new InputError([...error.issues, sheetNote]);
    throw error;
  }
  if (otherSheets.length > 0) read.warnings.push(sheetNote);
  return { ...read, encoding: grid.encoding };
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
    const block = Buffer.allocUnsafe(SIGNATURE_BYTES);
    let read: number;
    try {
      read = readSync(fd, block, 0, SIGNATURE_BYTES, 0);
    } catch (error) {
      throw openError(path, error);
    }
    const first = block.subarray(0, read);
    if (isLegacyXls(first)) throw new InputError([issue("legacyXls", path)]);
    if (ext === ".xlsx" || ext === ".xlsm" || isZip(first)) return await readOrderSheet(path, options);
    const readerOptions = { choice: options.choice, dateFormat: options.dateFormat, sheet: basename(path, extname(path)), source: basename(path), expectedBytes: fstatSync(fd).size, maxRecords: options.maxRecords };
    const inParts = await readOrderFileInParts(path, fd, readerOptions);
    if (inParts) return inParts;
    const reader = new DelimitedOrderReader(readerOptions);
    pushRange(fd, reader, 0, readerOptions.expectedBytes);
    return reader.finish();
  } finally {
    closeSync(fd);
  }
}
