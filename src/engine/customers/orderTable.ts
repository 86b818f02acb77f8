/**
 * An order list as columns: customers, order ids and products interned to integer indexes, dates as day
 * numbers (days since 1970-01-01), amounts as doubles. Reading a million rows allocates no object per row.
 */
import { readLabel, readNumber, unwrapCell, type CellInput } from "../read/cellValue";
import { cellAddress, type Grid } from "../read/grid";
import { excelSerialToDay } from "../read/month";
import { normaliseName } from "../metrics/catalog";
import { issue, InputError, type Issue } from "../../i18n/issues";

export interface OrderTable {
  rows: number;
  customer: Int32Array;
  customerIds: string[];
  day: Int32Array;
  amount: Float64Array;
  /** Interned order ids, or null when the list has no order-id column (then a row is an order). */
  order: Int32Array | null;
  orderIds: string[] | null;
  product: Int32Array | null;
  productIds: string[] | null;
}

export type OrderField = "customer" | "date" | "amount" | "order" | "product" | "category";

const ALIASES: Record<OrderField, string[]> = {
  customer: ["客户id", "会员id", "买家id", "用户id", "客户", "会员", "买家", "customer_id", "customer id", "customerid", "customer", "buyer_id", "member_id", "user_id"],
  date: ["下单时间", "付款时间", "支付时间", "下单日期", "订单日期", "日期", "date", "order_date", "order date", "order_time", "created_at", "time"],
  amount: ["实付金额", "支付金额", "订单金额", "成交金额", "金额", "amount", "dollar_value", "revenue", "sales", "payment", "paid"],
  order: ["订单号", "订单id", "订单编号", "order_id", "order id", "orderid", "order_no", "order"],
  product: ["商品", "商品id", "商品名称", "商品编码", "sku", "product", "product_id", "item", "item_id"],
  category: ["品类", "类目", "category"],
};

export interface OrderColumnChoice {
  /** Header names chosen by the analyst (CLI flags, the pane's dropdowns); others are recognised. */
  [field: string]: string | undefined;
}

export interface ReadOrdersResult {
  table: OrderTable;
  rejectedRows: number;
  /** The first 20 rejected rows, each with the cell that made it unusable. */
  rejected: Issue[];
  columns: Partial<Record<OrderField, number>>;
}

const MAX_REPORTED = 20;
const DAY_MS = 86400000;

function findColumns(header: CellInput[], choice: OrderColumnChoice, grid: Grid, headerRow: number) {
  const labels = header.map((h) => normaliseName(readLabel(h)));
  const columns: Partial<Record<OrderField, number>> = {};
  const errors: Issue[] = [];
  for (const field of Object.keys(ALIASES) as OrderField[]) {
    const chosen = choice[field];
    if (chosen !== undefined) {
      const index = labels.indexOf(normaliseName(chosen));
      if (index < 0) errors.push(issue("orderColumnNotFound", cellAddress(grid, headerRow, 0), { column: chosen, field }));
      else columns[field] = index;
      continue;
    }
    const index = labels.findIndex((label) => ALIASES[field].includes(label));
    if (index >= 0 && !Object.values(columns).includes(index)) columns[field] = index;
  }
  for (const field of ["customer", "date", "amount"] as const) {
    if (columns[field] === undefined && choice[field] === undefined) errors.push(issue("orderColumnMissing", cellAddress(grid, headerRow, 0), { field }));
  }
  if (errors.length > 0) throw new InputError(errors);
  return columns;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil), or null if the date does not exist. */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Digits of text[start, end) as a number, or -1 if any is not a digit. No allocation. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Exactly `1997-01-01` or `1997/01/01`, read without regex or Date objects: the common case in large lists. */
function fastIsoDay(text: string): number | null | undefined {
  if (text.length !== 10) return undefined;
  const sep = text.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || text.charCodeAt(7) !== sep) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return undefined;
  return dayFromParts(year, month, day);
}

/** Day number of a date cell: Excel date or serial, `1997-01-01`, `1997/1/1`, `19970101`, with or without a time. */
export function readDay(cell: CellInput): number | null {
  const raw = unwrapCell(cell);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : Math.floor(raw.getTime() / DAY_MS);
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 29991231) return dayFromParts(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
    if (raw >= 1 && raw < 2958466) return excelSerialToDay(raw);
    return null;
  }
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  const fast = fastIsoDay(text);
  if (fast !== undefined) return fast;
  if (text.length === 8) {
    const year = digits(text, 0, 4);
    if (year >= 0 && digits(text, 4, 8) >= 0) return dayFromParts(year, digits(text, 4, 6), digits(text, 6, 8));
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) return dayFromParts(+match[1], +match[2], +match[3]);
  if (/^\d+(\.\d+)?$/.test(text)) return readDay(Number(text));
  return null;
}

/** Amounts: the common plain-number case without regex work, everything else through the cell reader. */
function readAmount(cell: CellInput): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") {
    const quick = Number(cell);
    if (cell !== "" && Number.isFinite(quick)) return quick;
  }
  const read = readNumber(cell);
  return read.kind === "number" ? read.value : null;
}

class Interner {
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
}

function keyOf(cell: CellInput): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return String(cell);
  return readLabel(cell);
}

/** Reads an order list grid (header in the first non-empty row). Rows it cannot use are counted and reported. */
export function readOrderGrid(grid: Grid, choice: OrderColumnChoice = {}): ReadOrdersResult {
  let headerRow = 0;
  while (headerRow < grid.values.length && grid.values[headerRow].every((c) => readLabel(c) === "")) headerRow++;
  if (headerRow >= grid.values.length) throw new InputError([issue("noData", cellAddress(grid, 0, 0))]);
  const columns = findColumns(grid.values[headerRow], choice, grid, headerRow);
  const capacity = grid.values.length - headerRow - 1;
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const order = columns.order !== undefined ? new Int32Array(capacity) : null;
  const product = columns.product !== undefined ? new Int32Array(capacity) : null;
  const customers = new Interner();
  const orders = new Interner();
  const products = new Interner();
  const rejected: Issue[] = [];
  let rejectedRows = 0;
  let n = 0;
  const reject = (r: number, col: number, code: "badCustomer" | "badDate" | "badAmount", text: string) => {
    rejectedRows++;
    if (rejected.length < MAX_REPORTED) rejected.push(issue(code, cellAddress(grid, r, col), { text }));
  };

  const cCol = columns.customer!;
  const dCol = columns.date!;
  const aCol = columns.amount!;
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (row.length === 0) continue;
    const id = keyOf(row[cCol]);
    if (id === "") {
      if (row.every((c) => c === null || c === undefined || c === "")) continue;
      reject(r, cCol, "badCustomer", "");
      continue;
    }
    const d = readDay(row[dCol]);
    if (d === null) {
      reject(r, dCol, "badDate", readLabel(row[dCol]));
      continue;
    }
    const a = readAmount(row[aCol]);
    if (a === null) {
      reject(r, aCol, "badAmount", readLabel(row[aCol]));
      continue;
    }
    customer[n] = customers.intern(id);
    day[n] = d;
    amount[n] = a;
    if (order) order[n] = orders.intern(keyOf(row[columns.order!]));
    if (product) product[n] = products.intern(keyOf(row[columns.product!]));
    n++;
  }
  const table: OrderTable = {
    rows: n,
    customer: customer.subarray(0, n),
    customerIds: customers.ids,
    day: day.subarray(0, n),
    amount: amount.subarray(0, n),
    order: order ? order.subarray(0, n) : null,
    orderIds: order ? orders.ids : null,
    product: product ? product.subarray(0, n) : null,
    productIds: product ? products.ids : null,
  };
  return { table, rejectedRows, rejected, columns };
}

/** Month index (year × 12 + month − 1) of a day number, without a Date object. */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoToDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayFromParts(+match[1], +match[2], +match[3]) : null;
}
