/**
 * Which header of an order list holds which field (domain.md, "Customers"): the analyst's choice first, then
 * the recognised names in order of preference: the paid amount before gross amounts, a product id before a
 * product name. A header serves one field only.
 */
import { normaliseName } from "../metrics/catalog";
import { issue, InputError, type Issue } from "../../i18n/issues";
import { exactDecimal, readDayText } from "./orderValues";

export type OrderField = "customer" | "date" | "amount" | "order" | "product" | "category" | "quantity";

export const ORDER_FIELDS: readonly OrderField[] = ["customer", "date", "amount", "order", "product", "category", "quantity"];
export const REQUIRED_ORDER_FIELDS: readonly OrderField[] = ["customer", "date", "amount"];

/** Recognised header names per field, most preferred first (compared after normaliseName). */
export const ORDER_ALIASES: Record<OrderField, readonly string[]> = {
  customer: ["客户id", "会员id", "买家id", "用户id", "客户编号", "会员编号", "客户账号", "下单账号", "下单帐号", "用户账号", "买家会员名", "买家账号", "客户名称", "客户姓名", "会员名", "会员名称", "客户", "会员", "买家", "买家昵称", "用户", "customer_id", "customer id", "customerid", "customer number", "customer no", "customer", "customer name", "buyer_id", "buyer id", "buyer", "member_id", "member id", "user_id", "user id", "client_id", "customer email", "buyer email", "email"],
  date: ["下单时间", "付款时间", "支付时间", "成交时间", "订单创建时间", "订单付款时间", "创建时间", "提交时间", "支付完成时间", "下单日期", "订单日期", "付款日期", "支付日期", "交易时间", "交易日期", "购买时间", "购买日期", "日期", "时间", "date", "order_date", "order date", "orderdate", "order_time", "order time", "invoicedate", "invoice_date", "created_at", "created at", "purchase_date", "transaction date", "sale date", "sales date", "time"],
  amount: [
    // The paid amount first (what the customer actually paid) …
    "实付金额", "支付金额", "实收金额", "实付款", "买家实付", "买家实付金额", "买家实际支付金额", "实际支付金额", "用户实付金额", "用户实付", "实收款", "付款金额", "paid", "paid_amount", "paid amount", "amount_paid", "amount paid", "total paid", "payment", "payment_amount",
    // … then the deal amount, the order (gross) amount and the amount payable …
    "成交金额", "交易金额", "订单金额", "订单总额", "订单总金额", "应付金额", "买家应付货款", "总金额", "商品总价", "gross", "gross_amount", "gross amount",
    // … then generic names.
    "金额", "销售额", "销售金额", "amount", "dollar_value", "revenue", "sales", "net sales", "order_amount", "order amount", "total", "grand total", "total amount", "sales amount", "sale amount", "transaction amount", "subtotal",
  ],
  order: ["订单号", "订单id", "订单编号", "主订单号", "order_id", "order id", "orderid", "order_no", "order no", "order_number", "order number", "invoiceno", "invoice_no", "invoice no", "invoice number", "invoice", "order #", "amazon order id", "order"],
  product: [
    // Ids before names: two items can share a name.
    "商品id", "商品编码", "商品编号", "商家编码", "sku编码", "货号", "sku", "sku_id", "skuid", "product id", "product_id", "productid", "item_id", "item id", "product code", "item code", "stockcode", "lineitem sku",
    "商品", "商品名称", "商品标题", "宝贝标题", "宝贝名称", "product name", "product_name", "product", "item", "item_name", "lineitem name", "description",
  ],
  category: ["品类", "类目", "一级类目", "一级分类", "商品类目", "商品品类", "商品分类", "分类", "category", "product_category", "product category"],
  quantity: ["数量", "件数", "购买数量", "商品数量", "宝贝总数量", "宝贝数量", "订购数量", "销售数量", "销量", "quantity", "quantity ordered", "lineitem quantity", "qty", "number_of_cds", "units"],
};

export interface OrderColumnChoice {
  /** Header names chosen by the analyst (CLI flags, the pane's dropdowns); others are recognised. */
  [field: string]: string | undefined;
}

/**
 * The columns used: index and header text per field. An amount may be a line's unit price × its quantity
 * (`times`: the quantity column's index) where a list has no amount column; its header then reads
 * `UnitPrice×Quantity`, so the output says how the amount was made.
 */
export type OrderColumns = Partial<Record<OrderField, { index: number; header: string; times?: number }>>;

/** Unit-price headers: with a quantity column they make the line amount where no amount column exists. */
const UNIT_PRICE_ALIASES = ["单价", "商品单价", "成交单价", "销售单价", "unit price", "unit_price", "unitprice", "price"];

/** The amount header made of a price and a quantity column. */
export const TIMES = "×";

/** A header without a trailing unit in brackets: `实付金额(元)`, `实付金额（元）`, `Amount (USD)` match as the name. */
function withoutUnit(label: string): string {
  return label.replace(/\s*[(（][^()（）]*[)）]$/, "");
}

/**
 * A header as it is compared with the names: without a trailing unit, case-folded, and without spaces, line
 * breaks (Alt+Enter), `_` and `-` (domain.md: line breaks and spaces are ignored when matching names), so
 * `客户\nID`, `Customer ID`, `customer_id` and `purchase-date` match their names.
 */
export function headerKey(label: string): string {
  return withoutUnit(normaliseName(label)).replace(/[\s_-]+/g, "");
}

/**
 * Words an export puts before a field's name without changing what the column holds (`订单实付金额`, `买家实付金额`,
 * `订单应付金额`, `买家付款时间`, `主订单编号`, `Order Total`): such a header counts as the name after the word, at that name's
 * place in the order of preference. Only for the amount, the date and the order id (a `子订单编号` is not matched),
 * and never for a header that is itself one of the field's names (`订单付款时间` keeps its own place, after
 * `订单创建时间`).
 */
const ALIAS_KEYS = Object.fromEntries(ORDER_FIELDS.map((f) => [f, new Set(ORDER_ALIASES[f].map(headerKey))])) as Record<OrderField, Set<string>>;
const QUALIFIERS = ["订单", "买家", "用户", "客户", "会员", "主"];
/** The same for English names (compared without spaces): `Order Total`, `Order Time`, `Order Created At`. */
const ENGLISH_QUALIFIERS = ["order", "customer", "buyer"];
const QUALIFIED_FIELDS: ReadonlySet<OrderField> = new Set(["amount", "date", "order"]);
const HAS_CJK = /[\u3400-\u9fff]/;

/** The column whose key is the alias, else (for qualified fields) a qualifier followed by the alias; −1 if none. */
function findAlias(keys: readonly string[], alias: string, field: OrderField, taken: ReadonlySet<number>): number {
  const key = headerKey(alias);
  const exact = keys.findIndex((k, i) => k === key && !taken.has(i));
  if (exact >= 0 || !QUALIFIED_FIELDS.has(field)) return exact;
  const named = ALIAS_KEYS[field];
  const qualifiers = HAS_CJK.test(key) ? QUALIFIERS : ENGLISH_QUALIFIERS;
  return keys.findIndex((k, i) => !taken.has(i) && !named.has(k) && k.endsWith(key) && qualifiers.includes(k.slice(0, k.length - key.length)));
}

/**
 * Finds the columns in a header row (`labels` already read as text). `address` names the header row in
 * messages. Throws InputError when a chosen column is missing or a required field is not found.
 */
export function findOrderColumns(labels: readonly string[], choice: OrderColumnChoice, address: string): OrderColumns {
  const normalised = labels.map(headerKey);
  const columns: OrderColumns = {};
  const taken = new Set<number>();
  const errors: Issue[] = [];
  // Chosen columns first, so that recognition never takes a column the analyst assigned elsewhere.
  for (const field of ORDER_FIELDS) {
    const chosen = choice[field];
    if (chosen === undefined) continue;
    const index = findChosen(labels, normalised, chosen);
    const product = index < 0 && field === "amount" ? findChosenProduct(labels, normalised, chosen) : null;
    if (product) {
      columns.amount = product;
      taken.add(product.index).add(product.times!);
    } else if (index < 0) errors.push(issue("orderColumnNotFound", address, { column: chosen, field }));
    else {
      columns[field] = { index, header: labels[index] };
      taken.add(index);
    }
  }
  for (const field of ORDER_FIELDS) {
    if (choice[field] !== undefined) continue;
    for (const alias of ORDER_ALIASES[field]) {
      const index = findAlias(normalised, alias, field, taken);
      if (index >= 0) {
        columns[field] = { index, header: labels[index] };
        taken.add(index);
        break;
      }
    }
  }
  if (!columns.amount && choice.amount === undefined) {
    const amount = priceTimesQuantity(labels, normalised, taken, columns.quantity?.index);
    if (amount) columns.amount = amount;
  }
  // `--amount "Price×Units"` names the quantity too, where no other column holds it (price bands use it).
  const times = columns.amount?.times;
  if (times !== undefined && !columns.quantity) columns.quantity = { index: times, header: labels[times] };
  for (const field of REQUIRED_ORDER_FIELDS) {
    if (columns[field] === undefined && choice[field] === undefined) errors.push(issue("orderColumnMissing", address, { field }));
  }
  // An order row where the header should be (CDNOW_master.txt as first published has none): naming columns
  // would take that row's values as names and lose the order, so the message asks for a header row instead.
  if (errors.length > 0 && Object.keys(choice).every((f) => choice[f] === undefined) && looksLikeOrderRow(labels)) throw new InputError([issue("orderHeaderIsData", address, { row: labels.join(" ") })]);
  if (errors.length > 0) throw new InputError(errors);
  return columns;
}

/** A row holding a date (not a bare small number, which could be an id) and an amount: data, not names. */
function looksLikeOrderRow(labels: readonly string[]): boolean {
  const date = labels.findIndex((l) => l !== "" && !/^\d{1,7}(\.\d+)?$/.test(l) && readDayText(l) !== null);
  return date >= 0 && labels.some((l, i) => i !== date && l !== "" && exactDecimal(l) !== null);
}

function findChosen(labels: readonly string[], normalised: readonly string[], chosen: string): number {
  const index = labels.findIndex((l) => normaliseName(l) === normaliseName(chosen));
  return index >= 0 ? index : normalised.indexOf(headerKey(chosen));
}

/** `--amount "UnitPrice×Quantity"` (or `*`): the amount as one column times another. */
function findChosenProduct(labels: readonly string[], normalised: readonly string[], chosen: string): { index: number; header: string; times: number } | null {
  const parts = chosen.split(/[×*]/);
  if (parts.length !== 2) return null;
  const price = findChosen(labels, normalised, parts[0].trim());
  const quantity = findChosen(labels, normalised, parts[1].trim());
  if (price < 0 || quantity < 0 || price === quantity) return null;
  return { index: price, header: `${labels[price]}${TIMES}${labels[quantity]}`, times: quantity };
}

/** No amount column: a unit-price column times the quantity column (recognised, or any quantity name left). */
function priceTimesQuantity(labels: readonly string[], normalised: readonly string[], taken: Set<number>, quantity: number | undefined): { index: number; header: string; times: number } | null {
  if (quantity === undefined) return null;
  for (const alias of UNIT_PRICE_ALIASES) {
    const index = normalised.findIndex((label, i) => label === headerKey(alias) && !taken.has(i));
    if (index >= 0) {
      taken.add(index);
      return { index, header: `${labels[index]}${TIMES}${labels[quantity]}`, times: quantity };
    }
  }
  return null;
}

export function orderColumnIndexes(columns: OrderColumns): Partial<Record<OrderField, number>> {
  return Object.fromEntries(Object.entries(columns).map(([field, c]) => [field, c!.index]));
}

export function orderColumnHeaders(columns: OrderColumns): Partial<Record<OrderField, string>> {
  return Object.fromEntries(Object.entries(columns).map(([field, c]) => [field, c!.header]));
}

/** Names of a product beside its id (商品名称 beside 商品ID): shown with the id, never used to tell products apart. */
const PRODUCT_NAME_ALIASES = ["商品名称", "商品名", "商品标题", "宝贝名称", "宝贝标题", "product name", "product_name", "item name", "item_name", "lineitem name", "description"];

/** The index of each column a row is read from (−1 where the list has none); `times`: the quantity a unit price is multiplied by. */
export interface RowColumns {
  customer: number;
  date: number;
  amount: number;
  times: number;
  order: number;
  product: number;
  category: number;
  quantity: number;
  /** Product names beside product ids (findProductNameColumn). */
  productName: number;
}

/** The columns a row is read from, for the readers of rows (cells or bytes). */
export function rowColumns(labels: readonly string[], columns: OrderColumns): RowColumns {
  const at = (field: OrderField) => columns[field]?.index ?? -1;
  return { customer: at("customer"), date: at("date"), amount: at("amount"), times: columns.amount?.times ?? -1, order: at("order"), product: at("product"), category: at("category"), quantity: at("quantity"), productName: findProductNameColumn(labels, columns) };
}

/** The column of product names when the product column holds ids and a name column exists beside it; −1 otherwise. */
export function findProductNameColumn(labels: readonly string[], columns: OrderColumns): number {
  const product = columns.product;
  const nameKeys = PRODUCT_NAME_ALIASES.map(headerKey);
  if (!product || nameKeys.includes(headerKey(product.header))) return -1;
  const taken = new Set(Object.values(columns).map((c) => c!.index));
  const normalised = labels.map(headerKey);
  for (const alias of nameKeys) {
    const index = normalised.findIndex((label, i) => label === alias && !taken.has(i));
    if (index >= 0) return index;
  }
  return -1;
}
