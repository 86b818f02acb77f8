/**
 * Reading an order list from a grid of cells (an Excel range, an xlsx sheet): header recognition, then each
 * row's cells into typed columns through OrderTableBuilder. Delimited text files take the fast byte path
 * (delimitedOrders.ts) into the same builder, so both give identical tables.
 */
import { isFormulaWithoutValue, readLabel, unwrapCell, type CellInput } from "../read/cellValue";
import { cellAddress, type Grid } from "../read/grid";
import { issue, InputError } from "../../i18n/issues";
import { findOrderColumns, findProductNameColumn, orderColumnHeaders, orderColumnIndexes, type OrderColumnChoice, type OrderField } from "./orderColumns";
import { Interner, OrderTableBuilder, type ReadOrdersResult } from "./orderTableBuilder";
import { multiplyAmounts, unguardId, readAmount, readDay, readQuantity, type DateFormat } from "./orderValues";

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

function isBlankCell(cell: CellInput): boolean {
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
  const headerAddress = cellAddress(grid, headerRow, 0);
  const columns = findOrderColumns(grid.values[headerRow].map((h) => readLabel(h)), choice, headerAddress);
  const builder = new OrderTableBuilder(columns, {
    dateFormat: options.dateFormat,
    addressOf: (row, col) => cellAddress(grid, row, col),
    headerAddress,
    capacity: grid.values.length - headerRow,
  });
  const customers = new Interner();
  const orders = new Interner();
  const products = new Interner();
  const categories = new Interner();
  const cCol = columns.customer!.index;
  const dCol = columns.date!.index;
  const aCol = columns.amount!.index;
  const tCol = columns.amount!.times ?? -1;
  const oCol = columns.order?.index ?? -1;
  const pCol = columns.product?.index ?? -1;
  const gCol = columns.category?.index ?? -1;
  const qCol = columns.quantity?.index ?? -1;
  const nameCol = findProductNameColumn(grid.values[headerRow].map((h) => readLabel(h)), columns);
  const productNames: string[] | null = nameCol >= 0 ? [] : null;

  const usedColumns: Array<[OrderField, number]> = (Object.entries(columns) as Array<[OrderField, { index: number; times?: number }]>).flatMap(([field, c]) => (c.times !== undefined ? [[field, c.index], [field, c.times]] : [[field, c.index]]));

  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (row.length === 0 || row.every(isBlankCell)) continue;
    builder.countDataRow();
    // A formula saved without its value is neither blank nor text: the row is left out, and the message says why.
    const uncalculated = usedColumns.find(([, col]) => isFormulaWithoutValue(row[col]));
    if (uncalculated) {
      builder.reject(r, uncalculated[0], "formulaWithoutValue", "", uncalculated[1]);
      continue;
    }
    const id = keyOf(unwrapCell(row[cCol]));
    if (id === "") {
      builder.reject(r, "customer", "badCustomer", "");
      continue;
    }
    const day = readDay(row[dCol], options.dateFormat);
    if (day === null) {
      builder.reject(r, "date", "badDate", textOf(row[dCol]));
      continue;
    }
    const price = readAmount(row[aCol]);
    const times = tCol >= 0 ? readAmount(row[tCol]) : null;
    if (price === null || (tCol >= 0 && times === null)) {
      if (price === null) builder.reject(r, "amount", "badAmount", textOf(row[aCol]));
      else builder.reject(r, "amount", "badAmount", textOf(row[tCol]), tCol);
      continue;
    }
    const amount = times ? multiplyAmounts(price, times) : price;
    if (price.rounded || times?.rounded || amount.rounded) builder.noteRoundedAmount(r, aCol);
    let order = -1;
    if (oCol >= 0) {
      const key = keyOf(unwrapCell(row[oCol]));
      if (key === "") {
        order = orders.unique();
        builder.noteBlankOrderId();
      } else order = orders.intern(key);
    }
    let product = -1;
    if (pCol >= 0) {
      const key = keyOf(unwrapCell(row[pCol]));
      if (key !== "") {
        product = products.intern(key);
        if (productNames && productNames.length < products.ids.length) productNames.push(keyOf(unwrapCell(row[nameCol])));
      }
    }
    let category = -1;
    if (gCol >= 0) {
      const key = keyOf(unwrapCell(row[gCol]));
      if (key !== "") category = categories.intern(key);
    }
    const quantity = qCol >= 0 ? readQuantity(row[qCol]) : NaN;
    builder.add(r, customers.intern(id), day, amount.minor, amount.decimals, order, product, category, quantity, () => textOf(row[dCol]));
  }
  return builder.finish({ customers, orders, products, categories, productNames });
}
