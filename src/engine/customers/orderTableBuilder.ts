/**
 * Collects an order list row by row into typed columns, whichever reader produced the values (a grid of
 * cells or delimited bytes), and settles what needs the whole column: the amounts' decimal unit (rescaled
 * when a finer amount appears), slash dates day-first or month-first, and whether any row was usable.
 */
import { issue, InputError, type Issue, type IssueCode } from "../../i18n/issues";
import { orderColumnHeaders, orderColumnIndexes, type OrderColumns, type OrderField } from "./orderColumns";
import { MAX_DECIMALS, minorOfNumber, PENDING_SLASH, POW10, resolveSlash, slashEvidence, SlashEvidence, type DateFormat } from "./orderValues";
import { parseHeader } from "../metrics/headers";

/**
 * The power of ten a unit in the amount's header multiplies every amount by (domain.md, "Cells as analysts type
 * them": `实付金额(万元)` means ×10,000; `(千元)`, `(百万)` likewise); 0 without such a unit. A price × quantity
 * amount is never scaled (its header names two columns).
 */
export function amountUnitPower(columns: OrderColumns): number {
  const amount = columns.amount;
  if (!amount || amount.times !== undefined) return 0;
  const scale = parseHeader(amount.header).scale;
  const power = Math.round(Math.log10(scale));
  return scale > 1 && 10 ** power === scale ? power : 0;
}

/**
 * An order list as columns. Customers, order ids, products and categories are interned to integer indexes
 * into their `…Ids` arrays; dates are day numbers (days since 1970-01-01); amounts are integers in the data's
 * smallest decimal unit. Reading a million rows allocates no object per row.
 *
 * Columns for the other sections (products, categories, price bands, new vs returning customers):
 * - `product`: index into `productIds`, −1 where the row has no product; null without a product column
 *   (an id column such as 商品ID/SKU/Product ID is preferred to a name column).
 * - `category`: index into `categoryIds`, −1 where blank; null without a category column.
 * - `quantity`: units on the row (NaN where blank or unreadable); null without a quantity column.
 */
export interface OrderTable {
  rows: number;
  customer: Int32Array;
  customerIds: string[];
  day: Int32Array;
  /** Amounts in currency units: exactly amountMinor / amountScale, the double nearest the typed decimal. */
  amount: Float64Array;
  /** Amounts as integers in the data's smallest decimal unit (cents for 12.34); sums of these are exact. */
  amountMinor: Float64Array;
  /** 10^decimals of the amounts: 100 when the finest amount has two decimals. */
  amountScale: number;
  /** Interned order ids, or null when the list has no order-id column (then a row is an order). A row with a
   * blank order id gets an id of its own ("" in orderIds), so it counts as one order. */
  order: Int32Array | null;
  orderIds: string[] | null;
  product: Int32Array | null;
  productIds: string[] | null;
  /** A product's name by its index in productIds (the first row's), where the product column holds ids and a
   * name column (商品名称, Product Name) is beside it; null otherwise. */
  productNames?: string[] | null;
  category: Int32Array | null;
  categoryIds: string[] | null;
  quantity: Float64Array | null;
}

export interface ReadOrdersResult {
  table: OrderTable;
  rejectedRows: number;
  /** The first 20 rejected rows, each with the cell that made it unusable. */
  rejected: Issue[];
  /** What the reader inferred and the output must say (slash-date order, rows without an order id). */
  warnings: Issue[];
  /** The columns used, by field: index within the header row. */
  columns: Partial<Record<OrderField, number>>;
  /** The columns used, by field: the header as written (for the output's "columns used"). */
  headers: Partial<Record<OrderField, string>>;
  /** How slash dates were read, when there were any. */
  dateFormat: DateFormat | null;
  /** The file's text encoding when it was not UTF-8 (e.g. "GB18030/GBK"); null for grids and UTF-8. */
  encoding: string | null;
}

const MAX_REPORTED = 20;

/** A cell of the source by row and column (its address is made when a message needs it). */
interface SourceCell {
  row: number;
  col: number;
  text: string;
}

interface RejectedRow extends SourceCell {
  code: IssueCode;
}

/** What a builder read from one part of a list (OrderTableBuilder.part), in arrays that can be transferred. */
export interface OrderTablePart {
  rows: number;
  customer: Int32Array;
  day: Int32Array;
  minor: Float64Array;
  decimals: number;
  order: Int32Array | null;
  product: Int32Array | null;
  category: Int32Array | null;
  quantity: Float64Array | null;
  pendingSlash: number;
  dayFirstAt: SourceCell | null;
  monthFirstAt: SourceCell | null;
  blankOrderIds: number;
  roundedAmounts: number;
  firstRounded: SourceCell | null;
  rejectedRows: number;
  dataRows: number;
  rejected: RejectedRow[];
}
const INITIAL_CAPACITY = 1 << 12;

export interface BuilderOptions {
  /** Slash dates read this way, as the analyst chose; otherwise the column's values decide. */
  dateFormat?: DateFormat;
  /** The address of a cell (row and column within the source), for messages. */
  addressOf: (row: number, col: number) => string;
  /** Where the header sits, for messages about the list as a whole. */
  headerAddress: string;
  /** Rows are expected up to about this many (grows as needed). */
  capacity?: number;
}

export class OrderTableBuilder {
  rows = 0;
  customer: Int32Array;
  day: Int32Array;
  minor: Float64Array;
  order: Int32Array | null;
  product: Int32Array | null;
  category: Int32Array | null;
  quantity: Float64Array | null;
  private capacity: number;
  private decimals = 0;
  /** Amounts are ×10^unitPower (a unit such as 万元 in the amount's header). */
  private readonly unitPower: number;
  private pendingSlash = 0;
  private dayFirstAt: SourceCell | null = null;
  private monthFirstAt: SourceCell | null = null;
  private blankOrderIds = 0;
  private roundedAmounts = 0;
  private firstRounded: SourceCell | null = null;
  private rejectedRows = 0;
  private dataRows = 0;
  /** The first rejected rows, with the cell that made each unusable (addresses made in finish). */
  private rejected: RejectedRow[] = [];

  constructor(
    readonly columns: OrderColumns,
    private readonly options: BuilderOptions,
  ) {
    this.capacity = Math.max(16, options.capacity ?? INITIAL_CAPACITY);
    this.customer = new Int32Array(this.capacity);
    this.day = new Int32Array(this.capacity);
    this.minor = new Float64Array(this.capacity);
    this.order = columns.order ? new Int32Array(this.capacity) : null;
    this.product = columns.product ? new Int32Array(this.capacity) : null;
    this.category = columns.category ? new Int32Array(this.capacity) : null;
    this.quantity = columns.quantity ? new Float64Array(this.capacity) : null;
    this.unitPower = amountUnitPower(columns);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Int32Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(capacity);
      next.set(array);
      return next;
    };
    this.customer = widen(this.customer);
    this.day = widen(this.day);
    this.minor = widen(this.minor);
    if (this.order) this.order = widen(this.order);
    if (this.product) this.product = widen(this.product);
    if (this.category) this.category = widen(this.category);
    if (this.quantity) this.quantity = widen(this.quantity);
    this.capacity = capacity;
  }

  /** A used row whose order id was blank (the reader gave it an id of its own). */
  noteBlankOrderId(): void {
    this.blankOrderIds++;
  }

  /** A used row whose amount had more than MAX_DECIMALS decimals (rounded to them); `col` is the amount's column. */
  noteRoundedAmount(row: number, col: number): void {
    this.roundedAmounts++;
    if (!this.firstRounded) this.firstRounded = { row, col, text: "" };
  }

  /** A non-blank row below the header (used or rejected). */
  countDataRow(): void {
    this.dataRows++;
  }

  /**
   * Adds a usable row. `day` may be a pending slash code (≥ PENDING_SLASH), `dayText` its text for messages;
   * `order` is an interned index (a blank id gets one of its own), `product`/`category` interned indexes (−1 blank).
   */
  add(row: number, customer: number, day: number, minor: number, decimals: number, order: number, product: number, category: number, quantity: number, dayText?: () => string): void {
    if (this.rows === this.capacity) this.grow();
    const n = this.rows++;
    this.customer[n] = customer;
    if (day >= PENDING_SLASH) this.notePendingSlash(row, day, dayText);
    this.day[n] = day;
    if (this.unitPower > 0) {
      // Exactly: 1.5 (15, 1 decimal) in 万元 is 15000 (15 × 10³, no decimals).
      if (decimals >= this.unitPower) decimals -= this.unitPower;
      else {
        minor *= 10 ** (this.unitPower - decimals);
        decimals = 0;
      }
    }
    if (decimals > this.decimals) {
      const factor = POW10[decimals - this.decimals];
      for (let i = 0; i < n; i++) this.minor[i] *= factor;
      this.decimals = decimals;
    } else if (decimals < this.decimals) {
      minor *= POW10[this.decimals - decimals];
    }
    this.minor[n] = minor;
    if (this.order) this.order[n] = order;
    if (this.product) this.product[n] = product;
    if (this.category) this.category[n] = category;
    if (this.quantity) this.quantity[n] = quantity;
  }

  private notePendingSlash(row: number, code: number, dayText?: () => string): void {
    this.pendingSlash++;
    const evidence = slashEvidence(Math.floor(code / 100) % 100, code % 100, Math.floor(code / 10000));
    if (evidence === SlashEvidence.DayFirst && !this.dayFirstAt) this.dayFirstAt = { row, col: this.columns.date!.index, text: dayText?.() ?? "" };
    if (evidence === SlashEvidence.MonthFirst && !this.monthFirstAt) this.monthFirstAt = { row, col: this.columns.date!.index, text: dayText?.() ?? "" };
  }

  /** A row left out for the cell of `field` (or column `col`, e.g. the quantity an amount is multiplied by). */
  reject(row: number, field: OrderField, code: IssueCode, text: string, col = this.columns[field]!.index): void {
    this.rejectedRows++;
    if (this.rejected.length < MAX_REPORTED) this.rejected.push({ row, col, code, text });
  }

  /** The rows and notes so far, for another builder to absorb (one part of a file read in several). */
  part(): OrderTablePart {
    const n = this.rows;
    const cut = <T extends Int32Array | Float64Array>(a: T | null): T | null => (a ? (a.subarray(0, n) as T) : null);
    return {
      rows: n,
      customer: this.customer.subarray(0, n),
      day: this.day.subarray(0, n),
      minor: this.minor.subarray(0, n),
      decimals: this.decimals,
      order: cut(this.order),
      product: cut(this.product),
      category: cut(this.category),
      quantity: cut(this.quantity),
      pendingSlash: this.pendingSlash,
      dayFirstAt: this.dayFirstAt,
      monthFirstAt: this.monthFirstAt,
      blankOrderIds: this.blankOrderIds,
      roundedAmounts: this.roundedAmounts,
      firstRounded: this.firstRounded,
      rejectedRows: this.rejectedRows,
      dataRows: this.dataRows,
      rejected: this.rejected,
    };
  }

  /**
   * Appends the rows of a part read after this builder's rows, as if this builder had read them: ids through
   * `maps` (the part's index → this table's), row numbers moved by `rowOffset`, amounts in the finer unit.
   */
  absorb(part: OrderTablePart, maps: { customer: Int32Array; order: Int32Array | null; product: Int32Array | null; category: Int32Array | null }, rowOffset: number): void {
    while (this.capacity < this.rows + part.rows) this.grow();
    if (part.decimals > this.decimals) {
      const factor = POW10[part.decimals - this.decimals];
      for (let i = 0; i < this.rows; i++) this.minor[i] *= factor;
      this.decimals = part.decimals;
    }
    const scale = POW10[this.decimals - part.decimals];
    const at = this.rows;
    const remap = (to: Int32Array | null, from: Int32Array | null, map: Int32Array | null) => {
      if (!to || !from || !map) return;
      for (let i = 0; i < part.rows; i++) to[at + i] = from[i] < 0 ? -1 : map[from[i]];
    };
    remap(this.customer, part.customer, maps.customer);
    remap(this.order, part.order, maps.order);
    remap(this.product, part.product, maps.product);
    remap(this.category, part.category, maps.category);
    this.day.set(part.day, at);
    for (let i = 0; i < part.rows; i++) this.minor[at + i] = part.minor[i] * scale;
    if (this.quantity && part.quantity) this.quantity.set(part.quantity, at);
    this.rows += part.rows;
    const moved = <T extends SourceCell>(cell: T): T => ({ ...cell, row: cell.row + rowOffset });
    this.pendingSlash += part.pendingSlash;
    if (!this.dayFirstAt && part.dayFirstAt) this.dayFirstAt = moved(part.dayFirstAt);
    if (!this.monthFirstAt && part.monthFirstAt) this.monthFirstAt = moved(part.monthFirstAt);
    this.blankOrderIds += part.blankOrderIds;
    this.roundedAmounts += part.roundedAmounts;
    if (!this.firstRounded && part.firstRounded) this.firstRounded = moved(part.firstRounded);
    this.rejectedRows += part.rejectedRows;
    this.dataRows += part.dataRows;
    for (const r of part.rejected) if (this.rejected.length < MAX_REPORTED) this.rejected.push(moved(r));
  }

  /** Settles the columns and returns the table; throws InputError when no row is usable or dates are ambiguous. */
  finish(ids: { customers: IdSource; orders: IdSource; products: IdSource; categories: IdSource; productNames?: string[] | null }, encoding: string | null = null): ReadOrdersResult {
    const n = this.rows;
    const warnings: Issue[] = [];
    const dateColumn = this.columns.date!;
    const dateHeader = dateColumn.header;
    if (this.dataRows === 0) throw new InputError([issue("ordersNoRows", this.options.headerAddress)]);
    const addressOf = this.options.addressOf;
    const rejected = this.rejected.map((r) => issue(r.code, addressOf(r.row, r.col), { text: r.text }));
    if (n === 0) throw new InputError([issue("ordersNoUsableRows", this.options.headerAddress, { rows: this.dataRows }), ...rejected]);

    let dateFormat: DateFormat | null = this.options.dateFormat ?? null;
    if (this.pendingSlash > 0) {
      if (this.dayFirstAt && this.monthFirstAt) {
        const dmy = `${addressOf(this.dayFirstAt.row, this.dayFirstAt.col)} "${this.dayFirstAt.text}"`;
        const mdy = `${addressOf(this.monthFirstAt.row, this.monthFirstAt.col)} "${this.monthFirstAt.text}"`;
        throw new InputError([issue("dateOrderMixed", this.options.headerAddress, { column: dateHeader, dmy, mdy })]);
      }
      const settledBy = this.dayFirstAt ?? this.monthFirstAt;
      if (!settledBy) throw new InputError([issue("dateOrderAmbiguous", this.options.headerAddress, { column: dateHeader })]);
      dateFormat = this.dayFirstAt ? "dmy" : "mdy";
      warnings.push(issue(dateFormat === "dmy" ? "dateOrderDayFirst" : "dateOrderMonthFirst", addressOf(settledBy.row, settledBy.col), { column: dateHeader, text: settledBy.text }));
      for (let i = 0; i < n; i++) if (this.day[i] >= PENDING_SLASH) this.day[i] = resolveSlash(this.day[i], dateFormat)!;
    }
    if (this.unitPower > 0) warnings.push(issue("orderAmountUnit", this.options.headerAddress, { column: this.columns.amount!.header, scale: (10 ** this.unitPower).toLocaleString("en-US") }));
    if (this.firstRounded) warnings.push(issue("amountsRounded", addressOf(this.firstRounded.row, this.firstRounded.col), { rows: this.roundedAmounts, digits: MAX_DECIMALS }));
    if (this.blankOrderIds > 0) warnings.push(issue("blankOrderIds", this.options.headerAddress, { rows: this.blankOrderIds, column: this.columns.order!.header }));

    const amountScale = POW10[this.decimals];
    const amountMinor = this.minor.subarray(0, n);
    const table: OrderTable = {
      rows: n,
      customer: this.customer.subarray(0, n),
      customerIds: [],
      day: this.day.subarray(0, n),
      // Made on first use (the segmentation works on amountMinor alone), then kept.
      get amount(): Float64Array {
        const amount = new Float64Array(n);
        for (let i = 0; i < n; i++) amount[i] = amountMinor[i] / amountScale;
        Object.defineProperty(this, "amount", { value: amount, enumerable: true, writable: true });
        return amount;
      },
      amountMinor,
      amountScale,
      order: this.order ? this.order.subarray(0, n) : null,
      orderIds: null,
      product: this.product ? this.product.subarray(0, n) : null,
      productIds: null,
      productNames: this.product ? (ids.productNames ?? null) : null,
      category: this.category ? this.category.subarray(0, n) : null,
      categoryIds: null,
      quantity: this.quantity ? this.quantity.subarray(0, n) : null,
    };
    // The ids' texts are made on first use: a segmentation without the customer list never needs them.
    idsOnFirstUse(table, "customerIds", ids.customers);
    if (this.order) idsOnFirstUse(table, "orderIds", ids.orders);
    if (this.product) idsOnFirstUse(table, "productIds", ids.products);
    if (this.category) idsOnFirstUse(table, "categoryIds", ids.categories);
    return { table, rejectedRows: this.rejectedRows, rejected, warnings, columns: orderColumnIndexes(this.columns), headers: orderColumnHeaders(this.columns), dateFormat: this.pendingSlash > 0 || this.options.dateFormat ? dateFormat : null, encoding };
  }
}

/** How many ids an index column refers to (its largest index + 1), without reading the ids' texts. */
export function idCount(index: Int32Array): number {
  let count = 0;
  for (let i = 0; i < index.length; i++) if (index[i] >= count) count = index[i] + 1;
  return count;
}

/** Where a table's ids come from: an interner, whose texts may be made only when read. */
export interface IdSource {
  readonly ids: string[];
}

/** Defines table[key] as the source's ids, read when first used and then kept as a plain property. */
function idsOnFirstUse(table: OrderTable, key: "customerIds" | "orderIds" | "productIds" | "categoryIds", source: IdSource): void {
  Object.defineProperty(table, key, {
    configurable: true,
    enumerable: true,
    get(this: OrderTable) {
      const ids = source.ids;
      Object.defineProperty(this, key, { value: ids, enumerable: true, writable: true, configurable: true });
      return ids;
    },
  });
}

/**
 * A table from amounts given as doubles (tests, generated data): the exact columns are derived by the reader's
 * rule, each amount in its smallest decimal unit and all in the finest unit among them.
 */
export function withExactAmounts(table: Omit<OrderTable, "amountMinor" | "amountScale" | "category" | "categoryIds" | "quantity"> & Partial<OrderTable>): OrderTable {
  const parts = Array.from(table.amount.subarray(0, table.rows), (a) => minorOfNumber(a));
  const decimals = parts.reduce((max, p) => Math.max(max, p.decimals), 0);
  const amountScale = POW10[decimals];
  const amountMinor = Float64Array.from(parts, (p) => p.minor * POW10[decimals - p.decimals]);
  const amount = amountMinor.map((m) => m / amountScale);
  return { category: null, categoryIds: null, quantity: null, ...table, amount, amountMinor, amountScale };
}

/** Strings interned to dense integer indexes (the grid reader's; the byte reader has its own over bytes). */
export class Interner {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  intern(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(key, i);
      this.ids.push(key);
    }
    return i;
  }
  /** An id of its own for a row without one (never equal to another). */
  unique(): number {
    this.ids.push("");
    return this.ids.length - 1;
  }
}
