/**
 * Reading an order list from a grid of cells (an Excel range, an xlsx sheet): header recognition, then each
 * row's cells into typed columns through OrderTableBuilder. Delimited text files take the fast byte path
 * (delimitedOrders.ts) into the same builder, so both give identical tables.
 */
import { isFormulaWithoutValue, readLabel, unwrapCell, type CellInput } from "../read/cellValue";
import { cellAddress, type Grid } from "../read/grid";
import { issue, InputError } from "../../i18n/issues";
import { findOrderColumns, orderColumnHeaders, rowColumns, orderColumnIndexes, type OrderColumnChoice, type OrderColumns, type OrderField } from "./orderColumns";
import { Interner, OrderTableBuilder, type BuilderOptions, type ReadOrdersResult } from "./orderTableBuilder";
import { isAsciiSpace, multiplyAmounts, unguardId, readAmount, readDay, readQuantity, type DateFormat, type MinorAmount } from "./orderValues";
import { ByteInterner } from "./byteInterner";

export type { OrderTable, ReadOrdersResult } from "./orderTableBuilder";
export { idCount, withExactAmounts } from "./orderTableBuilder";
export type { OrderField, OrderColumnChoice, OrderColumns } from "./orderColumns";
export { ORDER_ALIASES } from "./orderColumns";
export { dayFromParts, dayToIso, isoToDay, monthOfDay, readDay, type DateFormat } from "./orderValues";

export interface ReadOrderOptions {
  /** How to read slash dates such as 4/1/2025 (`--date-format`); otherwise the column's values decide. */
  dateFormat?: DateFormat;
}

/** A cell as an id: trimmed text, or a number's shortest decimal form. */
function keyOf(cell: CellInput): string {
  if (typeof cell === "string") return unguardId(cell.trim());
  if (typeof cell === "number") return String(cell);
  return readLabel(cell);
}

export function isBlankCell(cell: CellInput): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.trim() === "";
  return readLabel(cell) === "";
}

/** The text of a cell for messages. */
function textOf(cell: CellInput): string {
  return readLabel(cell);
}

/** Rows looked at for a header the order columns can be read from (titles and notes above it). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: among the first rows, the first from which the customer, date and amount columns can be read
 * (title and note rows above it are skipped, even a title merged across the columns, which a sheet repeats in
 * every cell, or a note with two cells); else the first row with two or more different filled cells, else the
 * first filled row (whose missing columns are then reported); −1 when every row is empty.
 */
export function orderHeaderRow(grid: Grid, choice: OrderColumnChoice = {}): number {
  let firstFilled = -1;
  let firstTwo = -1;
  for (let r = 0; r < grid.values.length && r < HEADER_SEARCH_ROWS; r++) {
    const kind = headerRowKind(grid.values[r].map((cell) => readLabel(cell)), choice);
    if (kind === "header") return r;
    if (kind !== "blank" && firstFilled < 0) firstFilled = r;
    if (kind === "twoCells" && firstTwo < 0) firstTwo = r;
  }
  if (firstTwo >= 0) return firstTwo;
  if (firstFilled >= 0) return firstFilled;
  // Only blank rows among the first: the first filled row further down, if any.
  for (let r = HEADER_SEARCH_ROWS; r < grid.values.length; r++) if (grid.values[r].some((cell) => readLabel(cell) !== "")) return r;
  return -1;
}

/**
 * What a row among the first could be (orderHeaderRow's rule, which the byte reader follows too): the header
 * (the customer, date and amount columns can be read from it), a row of two or more different filled cells, a
 * row of one, or blank.
 */
export function headerRowKind(labels: string[], choice: OrderColumnChoice): "header" | "twoCells" | "oneCell" | "blank" {
  const filled = new Set(labels.filter((l) => l !== ""));
  if (filled.size === 0) return "blank";
  if (filled.size < 2) return "oneCell";
  try {
    findOrderColumns(labels, choice, "");
    return "header";
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return "twoCells";
  }
}

/**
 * Only the columns of an order list (header in the first non-empty row; rows below are not needed): for
 * callers that read the rows elsewhere (the pane's block reader, SQL engines). Throws like readOrderGrid.
 */
export function readOrderHeader(grid: Grid, choice: OrderColumnChoice = {}): { columns: Partial<Record<OrderField, number>>; headers: Partial<Record<OrderField, string>> } {
  const headerRow = orderHeaderRow(grid, choice);
  if (headerRow < 0) throw new InputError([issue("ordersEmpty", grid.sheet)]);
  const columns = findOrderColumns(grid.values[headerRow].map((h) => readLabel(h)), choice, cellAddress(grid, headerRow, 0));
  return { columns: orderColumnIndexes(columns), headers: orderColumnHeaders(columns) };
}

/** Reads an order list grid (header in the first non-empty row). Rows it cannot use are counted and reported. */
export function readOrderGrid(grid: Grid, choice: OrderColumnChoice = {}, options: ReadOrderOptions = {}): ReadOrdersResult {
  const headerRow = orderHeaderRow(grid, choice);
  if (headerRow < 0) throw new InputError([issue("ordersEmpty", grid.sheet)]);
  const rows = new CellOrderRows(grid.values[headerRow].map((h) => readLabel(h)), choice, {
    dateFormat: options.dateFormat,
    addressOf: (row, col) => cellAddress(grid, row, col),
    headerAddress: cellAddress(grid, headerRow, 0),
    capacity: grid.values.length - headerRow,
  });
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (row.length === 0 || row.every(isBlankCell)) continue;
    rows.add(r, row);
  }
  return rows.finish();
}

/**
 * Rows of cells into the order table, one at a time, by the header's columns: a grid's rows, or the rows of a
 * file read in column blocks (a Parquet row group) put into one reused row array. Every reader of cells shares
 * these rules, so the same values give the same table whatever held them.
 */
export class CellOrderRows {
  readonly columns: OrderColumns;
  /** The column of product names beside the product ids (−1 without one): read it too. */
  readonly nameCol: number;
  private readonly builder: OrderTableBuilder;
  private readonly customers: IdKeys;
  private readonly orders: IdKeys;
  private readonly products: IdKeys;
  private readonly categories: IdKeys;
  private readonly amountOf: (cell: CellInput) => MinorAmount | null;
  private readonly dayOf: (cell: CellInput, format?: DateFormat) => number | null;
  private readonly productNames: string[] | null;
  private readonly cCol: number;
  private readonly dCol: number;
  private readonly aCol: number;
  private readonly tCol: number;
  private readonly oCol: number;
  private readonly pCol: number;
  private readonly gCol: number;
  private readonly qCol: number;
  /** Every column a field is read from (an amount's quantity column too), for cells that cannot be read at all. */
  private readonly usedColumns: Array<[OrderField, number]>;

  /** `labels`: the header row as text; throws InputError when a needed column is missing (at `options.headerAddress`). */
  constructor(labels: readonly string[], choice: OrderColumnChoice, private readonly options: CellOrderRowsOptions) {
    const columns = findOrderColumns(labels, choice, options.headerAddress);
    this.columns = columns;
    this.builder = new OrderTableBuilder(columns, options);
    const ids = (expected: number): IdKeys => (options.byteIds ? new ByteIds(expected) : new TextIds());
    const rows = options.capacity ?? 0;
    this.customers = ids(rows / 8);
    this.orders = ids(rows / 2);
    this.products = ids(1024);
    this.categories = ids(64);
    this.amountOf = options.amountOf ?? readAmount;
    this.dayOf = options.dayOf ?? readDay;
    ({ customer: this.cCol, date: this.dCol, amount: this.aCol, times: this.tCol, order: this.oCol, product: this.pCol, category: this.gCol, quantity: this.qCol, productName: this.nameCol } = rowColumns(labels, columns));
    this.productNames = this.nameCol >= 0 ? [] : null;
    this.usedColumns = (Object.entries(columns) as Array<[OrderField, { index: number; times?: number }]>).flatMap(([field, c]) => (c.times !== undefined ? [[field, c.index], [field, c.times]] : [[field, c.index]]));
  }

  /** The indexes of every column the rows need (the fields', the product names'), in header order. */
  neededColumns(): number[] {
    const needed = new Set<number>([this.cCol, this.dCol, this.aCol, this.tCol, this.oCol, this.pCol, this.gCol, this.qCol, this.nameCol]);
    needed.delete(-1);
    return [...needed].sort((a, b) => a - b);
  }

  /** A data row that is not blank; `r` is its row within the source (for addresses), `row` its cells by column. */
  add(r: number, row: readonly CellInput[]): void {
    const builder = this.builder;
    builder.countDataRow();
    // A formula saved without its value is neither blank nor text: the row is left out, and the message says why.
    for (const [field, col] of this.usedColumns) {
      if (isFormulaWithoutValue(row[col])) {
        builder.reject(r, field, "formulaWithoutValue", "", col);
        return;
      }
    }
    // The customer is interned only once the row is known to be usable.
    if (!this.customers.key(row[this.cCol])) {
      builder.reject(r, "customer", "badCustomer", "");
      return;
    }
    const day = this.dayOf(row[this.dCol], this.options.dateFormat);
    if (day === null) {
      builder.reject(r, "date", "badDate", textOf(row[this.dCol]));
      return;
    }
    const tCol = this.tCol;
    const price = this.amountOf(row[this.aCol]);
    const times = tCol >= 0 ? this.amountOf(row[tCol]) : null;
    if (price === null || (tCol >= 0 && times === null)) {
      if (price === null) builder.reject(r, "amount", "badAmount", textOf(row[this.aCol]));
      else builder.reject(r, "amount", "badAmount", textOf(row[tCol]), tCol);
      return;
    }
    const amount = times ? multiplyAmounts(price, times) : price;
    if (price.rounded || times?.rounded || amount.rounded) builder.noteRoundedAmount(r, this.aCol);
    let order = -1;
    if (this.oCol >= 0) {
      if (this.orders.key(row[this.oCol])) order = this.orders.intern();
      else {
        order = this.orders.unique();
        builder.noteBlankOrderId();
      }
    }
    let product = -1;
    if (this.pCol >= 0 && this.products.key(row[this.pCol])) {
      product = this.products.intern();
      if (this.productNames && this.productNames.length < this.products.size) this.productNames.push(keyOf(unwrapCell(row[this.nameCol])));
    }
    const category = this.gCol >= 0 && this.categories.key(row[this.gCol]) ? this.categories.intern() : -1;
    const quantity = this.qCol >= 0 ? readQuantity(row[this.qCol]) : NaN;
    builder.add(r, this.customers.intern(), day, amount.minor, amount.decimals, order, product, category, quantity, () => textOf(row[this.dCol]));
  }

  finish(encoding: string | null = null): ReadOrdersResult {
    return this.builder.finish({ customers: this.customers, orders: this.orders, products: this.products, categories: this.categories, productNames: this.productNames }, encoding);
  }
}

export interface CellOrderRowsOptions extends BuilderOptions, ReadOrderOptions {
  /**
   * Id cells (customer, order, product, category) may hold UTF-8 bytes, as a Parquet reader gives its text
   * columns: the ids are then interned from their bytes (the byte reader's interner) and become strings only
   * when a list needs them. Other cells are read as usual.
   */
  byteIds?: boolean;
  /** How an amount cell is read, where the source knows better (a DECIMAL column's scale); readAmount by default. */
  amountOf?: (cell: CellInput) => MinorAmount | null;
  /** How a date cell is read, where the source knows better (day numbers of a DATE column); readDay by default. */
  dayOf?: (cell: CellInput, format?: DateFormat) => number | null;
}

/** The ids of one field: `key(cell)` reads a cell's id by keyOf's rule (false when blank), `intern()` interns the last key read. */
interface IdKeys {
  readonly ids: string[];
  readonly size: number;
  key(cell: CellInput): boolean;
  intern(): number;
  unique(): number;
}

class TextIds implements IdKeys {
  private readonly interner = new Interner();
  private last = "";
  get ids(): string[] {
    return this.interner.ids;
  }
  get size(): number {
    return this.interner.ids.length;
  }
  key(cell: CellInput): boolean {
    this.last = keyOf(unwrapCell(cell));
    return this.last !== "";
  }
  intern(): number {
    return this.interner.intern(this.last);
  }
  unique(): number {
    return this.interner.unique();
  }
}

// Made on first use, not when the module loads (a bare script context may lack them until then).
let coders: { encoder: TextEncoder; decoder: TextDecoder } | null = null;
const textCoders = () => (coders ??= { encoder: new TextEncoder(), decoder: new TextDecoder() });

/** Ids from UTF-8 bytes as keyOf reads text: trimmed, Excel's ="…" guard undone; other cells through keyOf. */
class ByteIds implements IdKeys {
  private readonly interner: ByteInterner;
  private bytes: Uint8Array = new Uint8Array(0);
  private start = 0;
  private end = 0;
  constructor(expected: number) {
    this.interner = new ByteInterner(Math.max(1024, expected));
  }
  get ids(): string[] {
    return this.interner.ids;
  }
  get size(): number {
    return this.interner.size;
  }
  key(cell: CellInput): boolean {
    if (cell instanceof Uint8Array) {
      let s = 0;
      let e = cell.length;
      while (s < e && isAsciiSpace(cell[s])) s++;
      while (e > s && isAsciiSpace(cell[e - 1])) e--;
      // Non-ASCII at an edge may be a Unicode space, which String.trim removes: the text route decides.
      if (s === e || (cell[s] < 0x80 && cell[e - 1] < 0x80)) {
        if (e - s > 3 && cell[s] === 61 && cell[s + 1] === 34 && cell[e - 1] === 34) [s, e] = [s + 2, e - 1];
        [this.bytes, this.start, this.end] = [cell, s, e];
        return e > s;
      }
      cell = textCoders().decoder.decode(cell);
    }
    const text = keyOf(unwrapCell(cell));
    this.bytes = textCoders().encoder.encode(text);
    [this.start, this.end] = [0, this.bytes.length];
    return text !== "";
  }
  intern(): number {
    return this.interner.intern(this.bytes, this.start, this.end);
  }
  unique(): number {
    return this.interner.unique();
  }
}
