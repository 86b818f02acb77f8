/**
 * An order list with its line columns: category and quantity beside what OrderTable already holds.
 *
 * Local adapter (issue 12): the order reader (customers/orderTable.ts) is being extended with typed optional
 * category and quantity columns in parallel; until that lands, `readOrderLines` reads them (and product names
 * beside product IDs) here by running the reader again with that column in the product slot. Row acceptance does not depend on
 * the product column, so the lines stay aligned. When OrderTable carries the columns itself, they are used.
 */
import { readLabel, readNumber } from "../read/cellValue";
import type { Grid } from "../read/grid";
import { normaliseName } from "../metrics/catalog";
import { readOrderGrid, type OrderColumnChoice, type OrderTable, type ReadOrdersResult } from "../customers/orderTable";

export interface OrderLines {
  orders: OrderTable;
  /** Interned category per row, or null without a category column. */
  category: Int32Array | null;
  categoryIds: string[] | null;
  /** Quantity per row (NaN where unreadable), or null without a quantity column. */
  quantity: Float64Array | null;
  /** A product's name by its index in `orders.productIds`, where the product column is an ID and a name column exists. */
  productNames?: string[] | null;
}

const CATEGORY_ALIASES = ["品类", "类目", "一级类目", "商品类目", "category", "product_category", "category_name"];
const NAME_ALIASES = ["商品名称", "商品名", "商品标题", "宝贝名称", "宝贝标题", "product name", "product_name", "item name", "item_name", "name"];
const QUANTITY_ALIASES = ["数量", "件数", "购买数量", "商品数量", "销量", "quantity", "qty", "units", "number_of_cds"];

/** The lines of an OrderTable that already carries category/quantity (the reader's own columns), else none. */
export function linesOf(orders: OrderTable): OrderLines {
  const extra = orders as OrderTable & { category?: Int32Array | null; categoryIds?: string[] | null; quantity?: Float64Array | null; productNames?: string[] | null };
  return { orders, category: extra.category ?? null, categoryIds: extra.categoryIds ?? null, quantity: extra.quantity ?? null, productNames: extra.productNames ?? null };
}

function headerRowOf(grid: Grid): number {
  let r = 0;
  while (r < grid.values.length && grid.values[r].every((c) => readLabel(c) === "")) r++;
  return r;
}

function findHeader(labels: string[], chosen: string | undefined, aliases: string[]): string | undefined {
  if (chosen !== undefined) return labels.find((l) => normaliseName(l) === normaliseName(chosen));
  return labels.find((l) => aliases.includes(normaliseName(l)));
}

/** Reads the order list and, where the columns exist, its category and quantity per row. */
export function readOrderLines(grid: Grid, choice: OrderColumnChoice = {}): ReadOrdersResult & { lines: OrderLines } {
  const read = readOrderGrid(grid, choice);
  const own = linesOf(read.table);
  if (own.category || own.quantity) return { ...read, lines: own };
  const headerRow = headerRowOf(grid);
  const labels = (grid.values[headerRow] ?? []).map((c) => readLabel(c));
  const used = (["customer", "date", "amount", "order", "product"] as const).map((f) => read.columns[f]).filter((i): i is number => i !== undefined);
  const taken = new Set(used.map((i) => labels[i]));
  const categoryHeader = findHeader(labels, choice.category, CATEGORY_ALIASES);
  const quantityHeader = findHeader(labels, choice.quantity, QUANTITY_ALIASES);
  const asProduct = (header: string | undefined) => (header === undefined || taken.has(header) ? null : readOrderGrid(grid, { ...choice, product: header }).table);
  const nameHeader = read.columns.product === undefined ? undefined : findHeader(labels, undefined, NAME_ALIASES);
  const byName = asProduct(nameHeader);
  let productNames: string[] | null = null;
  if (byName?.product && byName.productIds && read.table.product && read.table.productIds) {
    productNames = new Array<string>(read.table.productIds.length).fill("");
    for (let i = 0; i < read.table.rows; i++) {
      const p = read.table.product[i];
      if (productNames[p] === "") productNames[p] = byName.productIds[byName.product[i]];
    }
  }
  const byCategory = asProduct(categoryHeader);
  const byQuantity = asProduct(quantityHeader);
  let quantity: Float64Array | null = null;
  if (byQuantity?.product && byQuantity.productIds) {
    const values = byQuantity.productIds.map((text) => {
      const n = readNumber(text);
      return n.kind === "number" ? n.value : NaN;
    });
    quantity = Float64Array.from(byQuantity.product, (k) => values[k]);
  }
  return {
    ...read,
    lines: { orders: read.table, category: byCategory?.product ?? null, categoryIds: byCategory?.productIds ?? null, quantity, productNames },
  };
}
