/**
 * Step ⑤'s check of an order range when it is chosen: the engine's reader runs on its first rows and says
 * which column it takes for each field (or what is missing), so that a wrong range is caught at once and the
 * analyst can name the columns with dropdowns, as in step ②.
 */
import { readOrderGrid, type OrderField } from "../engine/customers/orderTable";
import { readLabel } from "../engine/read/cellValue";
import type { Grid } from "../engine/read/grid";
import { InputError } from "../i18n/issues";

export const ORDER_FIELDS: readonly OrderField[] = ["customer", "date", "amount", "order", "product", "category"];

/** Rows read to check a range when it is chosen (the whole list is read at Generate). */
export const CHECK_ROWS = 500;

export type OrderColumns = Partial<Record<OrderField, string>>;

export interface OrdersCheck {
  /** The header row's labels, for the dropdowns. */
  headers: string[];
  /** The column the reader uses for each field. */
  used: OrderColumns;
  /** Fields the reader found no column for (known only when that is why the check failed, or when it passed). */
  missing: OrderField[];
  checkedRows: number;
  usableRows: number;
  rejectedRows: number;
  error: unknown | null;
}

export function checkOrders(grid: Grid, chosen: OrderColumns): OrdersCheck {
  const headerRow = grid.values.find((row) => row.some((c) => readLabel(c) !== "")) ?? [];
  const headers = headerRow.map((c) => readLabel(c)).filter((h) => h !== "");
  const checkedRows = Math.max(0, grid.values.length - 1);
  try {
    const read = readOrderGrid(grid, chosen);
    const used: OrderColumns = {};
    for (const field of ORDER_FIELDS) {
      const index = read.columns[field];
      // The reader's header, which says how an amount was made (UnitPrice×Quantity) where no column holds it.
      if (index !== undefined) used[field] = read.headers[field] ?? readLabel(headerRow[index]);
    }
    // A range none of whose rows can be used (dates or amounts in the wrong columns) is a problem now, not at Generate.
    const error = read.table.rows === 0 && read.rejected.length > 0 ? new InputError(read.rejected.slice(0, 3)) : null;
    const missing = ORDER_FIELDS.filter((f) => used[f] === undefined);
    return { headers, used, missing, checkedRows, usableRows: read.table.rows, rejectedRows: read.rejectedRows, error };
  } catch (error) {
    const missing = error instanceof InputError ? error.issues.filter((i) => i.code === "orderColumnMissing").map((i) => String(i.params.field) as OrderField) : [];
    return { headers, used: {}, missing, checkedRows, usableRows: 0, rejectedRows: 0, error };
  }
}
