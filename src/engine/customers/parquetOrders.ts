/**
 * Order lists in Parquet (what warehouses, DuckDB, pandas and Spark export) into the same typed order table as
 * the other readers: the header rules pick the columns from the schema's top-level names, then only those
 * columns are read, one row group at a time, and each row's values go through the rules every reader shares
 * (CellOrderRows: ids as text, DATE/TIMESTAMP columns as days, DECIMAL and DOUBLE amounts in their smallest
 * decimal unit, text dates and amounts as the text readers read them). Memory holds the typed columns and one
 * row group's values, never an object per order.
 *
 * hyparquet is pure JavaScript, so this runs in the pane's Web Worker on a File (`blobBuffer`) as well as in
 * Node; no Node or Office API here. Snappy-compressed and uncompressed files are read (hyparquet's own
 * codecs); other codecs are refused with a message naming the column and what to do.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import type { AsyncBuffer, FileMetaData, ParquetParsers, SchemaElement } from "hyparquet";
import { cellAddress, type Grid } from "../read/grid";
import type { CellInput } from "../read/cellValue";
import { InputError, issue } from "../../i18n/issues";
import { CellOrderRows, isBlankCell, type ReadOrderOptions } from "./orderTable";
import type { OrderColumnChoice } from "./orderColumns";
import type { ReadOrdersResult } from "./orderTableBuilder";
import { POW10, MAX_DECIMALS, readAmount, readDay, settleDecimal } from "./orderValues";

export type { AsyncBuffer } from "hyparquet";

export interface ParquetOrderOptions extends ReadOrderOptions {
  /** Header names chosen by the analyst; others are recognised. */
  choice?: OrderColumnChoice;
  /** The name used in addresses (`orders!C14`, row 1 being the header): the file name without its extension. */
  sheet: string;
  /** The file name, for messages about the file as a whole. */
  source: string;
  /** After each row group: rows read so far and rows in the file. */
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  /** Called between row groups; throws to stop (a cancelled job). */
  between?: () => void;
}

/** A File or Blob as hyparquet reads it: byte ranges on demand, never the whole file at once. */
export function blobBuffer(blob: Blob): AsyncBuffer {
  // An async function: its promise is this realm's Promise, which hyparquet's prefetch checks with instanceof.
  return { byteLength: blob.size, slice: async (start, end) => blob.slice(start, end).arrayBuffer() };
}

/** The first bytes of a Parquet file ("PAR1"). */
export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

interface OpenedParquet {
  metadata: FileMetaData;
  /** Top-level column names, in schema order: the "header row". */
  labels: string[];
  /** Which of them hold plain values (not a struct, list or map). */
  flat: boolean[];
  /** Their schema elements (types, DECIMAL scales). */
  elements: SchemaElement[];
  rows: number;
}

async function openParquet(file: AsyncBuffer, source: string): Promise<OpenedParquet> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new InputError([issue("parquetInvalid", source, { reason: error instanceof Error ? error.message : String(error) })]);
  }
  const children = parquetSchema(metadata).children;
  return { metadata, labels: children.map((c) => c.element.name), flat: children.map((c) => c.children.length === 0), elements: children.map((c) => c.element), rows: Number(metadata.num_rows) };
}

const READABLE_CODECS = new Set(["UNCOMPRESSED", "SNAPPY"]);

function checkCodecs(metadata: FileMetaData, columns: readonly string[], source: string): void {
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta && columns.includes(meta.path_in_schema[0]) && !READABLE_CODECS.has(meta.codec)) {
        throw new InputError([issue("parquetCodec", source, { column: meta.path_in_schema[0], codec: meta.codec })]);
      }
    }
  }
}

/**
 * A Parquet value as a cell: 64-bit integers as numbers where exact, else as their digits (an id of 17 digits
 * keeps them all); text, numbers, dates and booleans as they are; nested values and raw bytes as blanks.
 */
export function parquetCell(value: unknown): CellInput {
  switch (typeof value) {
    case "bigint":
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(-Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      return value instanceof Date ? value : undefined;
    default:
      return undefined;
  }
}

/** The named columns of rows [start, end), each as one array of `end − start` values. */
async function readColumns(file: AsyncBuffer, metadata: FileMetaData, names: readonly string[], start: number, end: number, source: string, parsers?: Partial<ParquetParsers>): Promise<Map<string, ArrayLike<unknown>>> {
  const count = end - start;
  const out = new Map<string, ArrayLike<unknown>>();
  const pieces = new Map<string, unknown[]>();
  const read = parquetRead({
    file,
    metadata,
    columns: [...names],
    rowStart: start,
    rowEnd: end,
    parsers,
    onChunk: ({ columnName, columnData, rowStart }) => {
      // A chunk that is exactly the rows asked for is used as it is; others are copied into place.
      if (rowStart === start && columnData.length === count && !out.has(columnName) && !pieces.has(columnName)) {
        out.set(columnName, columnData as ArrayLike<unknown>);
        return;
      }
      let target = pieces.get(columnName);
      if (!target) {
        const first = out.get(columnName);
        target = first ? Array.from(first) : new Array<unknown>(count);
        out.delete(columnName);
        pieces.set(columnName, target);
      }
      for (let j = 0; j < columnData.length; j++) {
        const at = rowStart + j - start;
        if (at >= 0 && at < count) target[at] = columnData[j];
      }
    },
  });
  try {
    await read;
  } catch (error) {
    // A damaged page or an encoding hyparquet cannot decode: a message naming the file, never a stack trace.
    throw new InputError([issue("parquetInvalid", source, { reason: error instanceof Error ? error.message : String(error) })]);
  }
  for (const [name, values] of pieces) out.set(name, values);
  return out;
}

/** A DATE or TIMESTAMP column (INT96 included). */
function isTemporal(element: SchemaElement): boolean {
  const converted = element.converted_type;
  const logical = element.logical_type?.type;
  return converted === "DATE" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS" || logical === "DATE" || logical === "TIMESTAMP" || (!converted && element.type === "INT96");
}

const DAY_MS = 86400000;

/** Temporal values as day numbers (UTC days of the value), without a Date object per value. */
const DAY_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => days,
  timestampFromMilliseconds: (ms) => Math.floor(Number(ms) / DAY_MS),
  timestampFromMicroseconds: (us) => Math.floor(Number(us) / (DAY_MS * 1000)),
  timestampFromNanoseconds: (ns) => Math.floor(Number(ns) / (DAY_MS * 1e6)),
};

/** Text columns as their UTF-8 bytes: ids are interned from them, other text is decoded where read. */
const BYTES_PARSER: Partial<ParquetParsers> = { stringFromBytes: (bytes) => bytes as unknown as string };

// Made on first use, not when the module loads (a bare script context may lack it until then).
let utf8: TextDecoder | null = null;

/** Bytes that are all ASCII white space (a blank cell, as isBlankCell reads text). */
function allSpace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 32 && (bytes[i] < 9 || bytes[i] > 13)) return false;
  return true;
}

/**
 * Reads an order list from a Parquet file, row group by row group. Rows it cannot use are counted and reported.
 * Fast paths where the schema settles a value's type (the rules stay those of every reader): ids interned from
 * their bytes; a DATE/TIMESTAMP date column read as day numbers; a DECIMAL amount column (scale up to six)
 * taken at its exact scale.
 */
export async function readParquetOrders(file: AsyncBuffer, options: ParquetOrderOptions): Promise<ReadOrdersResult> {
  const opened = await openParquet(file, options.source);
  const { metadata, labels, elements } = opened;
  const grid: Grid = { sheet: options.sheet, values: [] };
  const header = new CellOrderRows(labels, options.choice ?? {}, { headerAddress: cellAddress(grid, 0, 0), addressOf: () => "" });
  const needed = header.neededColumns();
  const columns = header.columns;
  // Day numbers only where no other needed column is temporal (the parsers apply to every column read).
  const dateColumn = columns.date!.index;
  const daysDirect = isTemporal(elements[dateColumn]) && needed.every((i) => i === dateColumn || !isTemporal(elements[i]));
  const amountElement = elements[columns.amount!.index];
  const scale = amountElement.converted_type === "DECIMAL" ? amountElement.scale ?? 0 : -1;
  const rows = new CellOrderRows(labels, options.choice ?? {}, {
    dateFormat: options.dateFormat,
    addressOf: (row, col) => cellAddress(grid, row, col),
    headerAddress: cellAddress(grid, 0, 0),
    capacity: opened.rows,
    byteIds: true,
    dayOf: daysDirect ? (cell, format) => (typeof cell === "number" ? cell : readDay(cell, format)) : undefined,
    amountOf: scale >= 0 && scale <= MAX_DECIMALS ? (cell) => (typeof cell === "number" ? decimalAmount(cell, scale) : readAmount(cell)) : undefined,
  });
  const ids = new Set([columns.customer, columns.order, columns.product, columns.category].filter((c) => c !== undefined).map((c) => c!.index));
  const names = needed.map((i) => labels[i]);
  checkCodecs(metadata, names, options.source);
  const parsers = { ...BYTES_PARSER, ...(daysDirect ? DAY_PARSERS : {}) };
  const row: CellInput[] = new Array(labels.length);
  let start = 0;
  for (const group of metadata.row_groups) {
    const count = Number(group.num_rows);
    const data = await readColumns(file, metadata, names, start, start + count, options.source, parsers);
    const values = names.map((name) => data.get(name) ?? []);
    const isId = needed.map((i) => ids.has(i));
    for (let i = 0; i < count; i++) {
      let blank = true;
      for (let k = 0; k < needed.length; k++) {
        let cell = values[k][i];
        // Text of other columns is decoded here (ids stay bytes).
        if (cell instanceof Uint8Array) {
          if (!isId[k]) cell = (utf8 ??= new TextDecoder()).decode(cell);
          else if (blank && !allSpace(cell)) blank = false;
        } else cell = parquetCell(cell);
        row[needed[k]] = cell;
        if (blank && !(cell instanceof Uint8Array) && !isBlankCell(cell)) blank = false;
      }
      // Row 1 is the header, as in a CSV of the same list: the first row of data is row 2.
      if (!blank) rows.add(start + i + 1, row);
    }
    start += count;
    options.onProgress?.(start, opened.rows);
    options.between?.();
  }
  return rows.finish();
}

/** A DECIMAL value (hyparquet's raw integer × 10^−scale) back at its exact scale, trailing zeros dropped. */
function decimalAmount(value: number, scale: number): ReturnType<typeof readAmount> {
  const minor = Math.round(value * POW10[scale]);
  return Number.isSafeInteger(minor) ? settleDecimal(Math.abs(minor), scale, minor < 0) : readAmount(value);
}

/**
 * The header and the first `rows` rows of a Parquet file as a grid (every plain column), for checking the
 * columns when the file is picked, as a range's first rows are checked.
 */
export async function readParquetHead(file: AsyncBuffer, rows: number, sheet: string, source: string): Promise<Grid & { rowsTotal: number }> {
  const opened = await openParquet(file, source);
  const { metadata, labels } = opened;
  const names = labels.filter((_, i) => opened.flat[i]);
  checkCodecs(metadata, names, source);
  const end = Math.min(rows, opened.rows);
  const data = end > 0 ? await readColumns(file, metadata, names, 0, end, source) : new Map<string, ArrayLike<unknown>>();
  const columns = labels.map((name, i) => (opened.flat[i] ? data.get(name) : undefined));
  const values: CellInput[][] = [labels];
  for (let r = 0; r < end; r++) values.push(columns.map((column) => (column ? parquetCell(column[r]) : undefined)));
  return { sheet, values, rowsTotal: opened.rows };
}
