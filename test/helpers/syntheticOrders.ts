/**
 * Seeded order lists for the engine comparisons: multi-line orders (one order id on several rows), rows without
 * an order id (each its own order, "" in orderIds as the reader records it), refunds, same-day orders, products.
 */
import { withExactAmounts, type OrderTable } from "../../src/engine/customers/orderTable";
import { random } from "../../bench/syntheticOrders";

export interface SyntheticOptions {
  orders: number;
  customers: number;
  firstDay: number;
  days: number;
  /** Amounts in steps of this (0.25 keeps double sums exact; 0.01 does not). */
  step: number;
  seed: number;
  /** Share of orders without an order id (default 3%). */
  blankShare?: number;
}

export function syntheticOrders(o: SyntheticOptions): OrderTable {
  const next = random(o.seed); // bench/syntheticOrders.ts's seeded generator: the same list every run
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const order: number[] = [];
  const product: number[] = [];
  const orderIds: string[] = [];
  const productIds = Array.from({ length: 500 }, (_, p) => `P${String(p).padStart(3, "0")}`);
  for (let placed = 0; placed < o.orders; ) {
    const c = placed < o.customers ? placed : Math.floor(o.customers * next() ** 2);
    const d = o.firstDay + Math.floor(next() * o.days);
    const blank = next() < (o.blankShare ?? 0.03);
    const lines = blank ? 1 : 1 + Math.floor(next() * next() * 4);
    const id = orderIds.length;
    orderIds.push(blank ? "" : `O${id}`);
    for (let l = 0; l < lines && placed < o.orders; l++, placed++) {
      customer.push(c);
      day.push(d);
      const refund = next() < 0.02 ? -1 : 1;
      amount.push(refund * Math.round(Math.exp(3 + next() * 3) / o.step) * o.step);
      order.push(id);
      product.push(Math.floor(productIds.length * next() ** 3));
    }
  }
  const customerIds = Array.from({ length: o.customers }, (_, c) => `C${String(c).padStart(7, "0")}`);
  return withExactAmounts({
    rows: customer.length,
    customer: Int32Array.from(customer),
    customerIds,
    day: Int32Array.from(day),
    amount: Float64Array.from(amount),
    order: Int32Array.from(order),
    orderIds,
    product: Int32Array.from(product),
    productIds,
  });
}

/** A small list built row by row: [customer, ISO date, amount, order id ("" = none), product]. */
export function ordersOf(rows: Array<[string, string, number, string?, string?]>): OrderTable {
  const customerIds: string[] = [];
  const orderIds: string[] = [];
  const productIds: string[] = [];
  const intern = (ids: string[], key: string, own = false) => {
    const i = own ? -1 : ids.indexOf(key);
    if (i >= 0) return i;
    ids.push(key);
    return ids.length - 1;
  };
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
  return withExactAmounts({
    rows: rows.length,
    customer: Int32Array.from(rows.map((r) => intern(customerIds, r[0]))),
    customerIds,
    day: Int32Array.from(rows.map((r) => day(r[1]))),
    amount: Float64Array.from(rows.map((r) => r[2])),
    order: Int32Array.from(rows.map((r) => intern(orderIds, r[3] ?? "", (r[3] ?? "") === ""))),
    orderIds,
    product: Int32Array.from(rows.map((r) => intern(productIds, r[4] ?? "X"))),
    productIds,
  });
}
