/**
 * An order list in a file the analyst picked in the pane (a File, read in the Web Worker; a Blob in tests):
 * Parquet by its first bytes ("PAR1"), otherwise delimited text. Its head (the header and the first rows) as
 * a grid, checked like a range's first rows when the file is picked; then the whole file into the typed order
 * table: text through the fast byte reader in 1 MB blocks, Parquet through the row-group reader. Only web APIs
 * (Blob.slice, arrayBuffer, TextDecoder): no Node or Office API.
 */
import { decodeText, isLegacyXls, isZip } from "../read/decodeText";
import { parseDelimitedText } from "../read/delimitedText";
import type { Grid } from "../read/grid";
import { InputError, issue } from "../../i18n/issues";
import { DelimitedOrderReader } from "./delimitedOrders";
import { blobBuffer, isParquet, readParquetHead, readParquetOrders } from "./parquetOrders";
import type { OrderColumnChoice } from "./orderColumns";
import type { ReadOrdersResult } from "./orderTableBuilder";
import { orderHeaderRow } from "./orderTable";
import type { DateFormat } from "./orderValues";

export type OrderFileKind = "parquet" | "text";

/** Bytes read at a time from a text file (as the command line reads files). */
const BLOCK = 1 << 20;
/** Bytes of a text file looked at for its head: far more than a header and the rows checked take. */
const HEAD_BYTES = 1 << 20;

export interface OrderFileHead {
  kind: OrderFileKind;
  /** The header and up to the asked rows below it, as cells (text for text files, typed values for Parquet). */
  grid: Grid;
  /** Rows in the file where the file says (Parquet); null for text. */
  rowsTotal: number | null;
}

export interface OrderFileOptions {
  choice?: OrderColumnChoice;
  dateFormat?: DateFormat;
  /** Progress: bytes read of a text file, or rows of a Parquet file, with the total of the same unit. */
  onProgress?: (done: number, total: number, unit: "bytes" | "rows") => void;
  /** Called between blocks and row groups; throws to stop (a cancelled job). */
  between?: () => void;
}

/** The name used in addresses (`orders!C14`): the file name without its extension. */
export function sheetOfFile(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

async function bytesOf(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

async function kindOf(file: Blob, name: string): Promise<OrderFileKind> {
  const first = await bytesOf(file, 0, 8);
  if (isParquet(first)) return "parquet";
  if (isZip(first) || isLegacyXls(first)) throw new InputError([issue("orderFileWorkbook", name)]);
  return "text";
}

/** The end of the last whole line within `bytes` (UTF-16 keeps its byte pairs whole). */
function lastLineEnd(bytes: Uint8Array): number {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    for (let i = bytes.length - 2; i >= 2; i--) if (bytes[i] === 0x0a && bytes[i + 1] === 0 && i % 2 === 0) return i + 2;
    return bytes.length - (bytes.length % 2);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    for (let i = bytes.length - 1; i >= 3; i--) if (bytes[i] === 0x0a && bytes[i - 1] === 0 && i % 2 === 1) return i + 1;
    return bytes.length - (bytes.length % 2);
  }
  const end = bytes.lastIndexOf(0x0a);
  return end < 0 ? bytes.length : end + 1;
}

/** The header and the first `rows` rows below it (a title line above the header is kept, as in a range). */
export async function readOrderFileHead(file: Blob, name: string, rows: number): Promise<OrderFileHead> {
  const sheet = sheetOfFile(name);
  if ((await kindOf(file, name)) === "parquet") {
    const head = await readParquetHead(blobBuffer(file), rows, sheet, name);
    return { kind: "parquet", grid: { sheet, values: head.values }, rowsTotal: head.rowsTotal };
  }
  let bytes = await bytesOf(file, 0, HEAD_BYTES);
  // Cut at a line's end, so that no row (nor a character) is read half.
  if (file.size > HEAD_BYTES) bytes = bytes.subarray(0, lastLineEnd(bytes));
  const values = parseDelimitedText(decodeText(bytes, name).text);
  // The header may sit below title lines: keep the rows asked for below the header, found as the readers find it.
  const header = Math.max(0, orderHeaderRow({ sheet, values }));
  return { kind: "text", grid: { sheet, values: values.slice(0, header + 1 + rows) }, rowsTotal: null };
}

/** The whole file into the typed order table. */
export async function readOrderFile(file: Blob, name: string, options: OrderFileOptions = {}): Promise<ReadOrdersResult> {
  const sheet = sheetOfFile(name);
  const kind = await kindOf(file, name);
  if (kind === "parquet") {
    return readParquetOrders(blobBuffer(file), {
      choice: options.choice,
      dateFormat: options.dateFormat,
      sheet,
      source: name,
      between: options.between,
      onProgress: options.onProgress && ((done, total) => options.onProgress!(done, total, "rows")),
    });
  }
  const reader = new DelimitedOrderReader({ choice: options.choice, dateFormat: options.dateFormat, sheet, source: name, expectedBytes: file.size });
  for (let at = 0; at < file.size; at += BLOCK) {
    reader.push(await bytesOf(file, at, Math.min(file.size, at + BLOCK)));
    options.onProgress?.(Math.min(file.size, at + BLOCK), file.size, "bytes");
    options.between?.();
  }
  return reader.finish();
}
