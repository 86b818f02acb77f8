/**
 * A deterministic synthetic retail order list with products, categories, quantities and refunds, for tests and
 * the bench (CDNOW, the public log we have, has no products). How it is made:
 * - a seeded PRNG (mulberry32), so every run gives the same list;
 * - 8 categories, each with its own price level (log-normal unit prices around 25 元 for 食品 up to 900 元 for
 *   3C数码, so every default price band is used) and product count; product popularity is Zipf-like inside a
 *   category, so a few items carry most of a category's GMV (ABC);
 * - order days over two calendar years with retail seasonality (Spring Festival dip in February, 618 in June,
 *   双11 in November, 双12 in December) and about +20% growth from the first year to the second;
 * - customers join over time (about a third of orders are a new customer's first); returning orders favour
 *   earlier and heavier customers, so cohorts retain and repeat realistically;
 * - an order has 1 to 3 lines, quantities 1 to 3; about 3% of lines are refunded 3 to 20 days later by a
 *   negative line with the same order id and product.
 */

export interface SyntheticOptions {
  orders: number;
  seed?: number;
  /** First day of the two years, ISO; default 2024-01-01. */
  start?: string;
  years?: number;
}

export interface SyntheticOrders {
  rows: number;
  orderId: Int32Array;
  customer: Int32Array;
  customerIds: string[];
  day: Int32Array;
  product: Int32Array;
  productIds: string[];
  productNames: string[];
  category: Int32Array;
  categoryIds: string[];
  quantity: Float64Array;
  /** Paid amount of the line in 元 (two decimals); negative for a refund. */
  amount: Float64Array;
}

export const CATEGORIES: Array<{ name: string; price: number; products: number; weight: number }> = [
  { name: "3C数码", price: 900, products: 60, weight: 0.12 },
  { name: "服饰", price: 120, products: 160, weight: 0.2 },
  { name: "美妆", price: 95, products: 90, weight: 0.16 },
  { name: "食品", price: 25, products: 140, weight: 0.18 },
  { name: "家居", price: 70, products: 110, weight: 0.12 },
  { name: "母婴", price: 60, products: 70, weight: 0.09 },
  { name: "运动", price: 180, products: 50, weight: 0.08 },
  { name: "图书", price: 35, products: 80, weight: 0.05 },
];

/** Relative order volume by calendar month: Spring Festival dip, 618, 双11, 双12. */
const SEASON = [0.85, 0.6, 0.9, 0.9, 1.0, 1.35, 0.95, 0.9, 0.95, 1.0, 1.9, 1.3];

/** mulberry32: a small seeded generator, the one every synthetic list (bench and tests) draws from. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86400000;

export function syntheticOrders(options: SyntheticOptions): SyntheticOrders {
  const next = random(options.seed ?? 20251122);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const startDay = Date.parse(`${options.start ?? "2024-01-01"}T00:00:00Z`) / DAY_MS;
  const years = options.years ?? 2;

  // Products: per category, Zipf popularity and a fixed unit price around the category's level.
  const productIds: string[] = [];
  const productNames: string[] = [];
  const productCategory: number[] = [];
  const productPrice: number[] = [];
  const cumulative: number[][] = [];
  CATEGORIES.forEach((c, k) => {
    const weights: number[] = [];
    for (let p = 0; p < c.products; p++) {
      productIds.push(`SKU${String(productIds.length + 1).padStart(5, "0")}`);
      productNames.push(`${c.name}商品${p + 1}`);
      productCategory.push(k);
      productPrice.push(Math.max(1, Math.round(c.price * Math.exp(0.45 * normal()) * 10) / 10));
      weights.push(1 / (p + 1) ** 1.1);
    }
    let sum = 0;
    const total = weights.reduce((s, w) => s + w, 0);
    cumulative.push(weights.map((w) => (sum += w / total)));
  });
  const firstProduct = CATEGORIES.map((_, k) => productCategory.indexOf(k));
  const categoryCumulative: number[] = [];
  CATEGORIES.reduce((s, c) => (categoryCumulative.push(s + c.weight), s + c.weight), 0);
  const pick = (cum: number[]) => {
    const u = next() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Order days: seasonality by month, growth over the years, sorted so that customers join in time order.
  const days = years * 365 + Math.floor(years / 4);
  const dayWeight: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date((startDay + d) * DAY_MS);
    dayWeight.push(SEASON[date.getUTCMonth()] * (1 + (0.2 * d) / 365) * (date.getUTCDate() === 11 && date.getUTCMonth() === 10 ? 6 : 1));
  }
  let acc = 0;
  const dayCumulative = dayWeight.map((w) => (acc += w));
  const orderDays = Int32Array.from({ length: options.orders }, () => pick(dayCumulative)).sort();

  const capacity = Math.ceil(options.orders * 2.2) + 16;
  const out = {
    orderId: new Int32Array(capacity),
    customer: new Int32Array(capacity),
    day: new Int32Array(capacity),
    product: new Int32Array(capacity),
    category: new Int32Array(capacity),
    quantity: new Float64Array(capacity),
    amount: new Float64Array(capacity),
  };
  let n = 0;
  let customers = 0;
  const refunds: Array<[number, number]> = []; // [line index, refund day]
  for (let o = 0; o < options.orders; o++) {
    const d = startDay + orderDays[o];
    // A new customer, or a returning one favouring earlier (lower-id) customers.
    const c = customers === 0 || next() < 0.34 ? customers++ : Math.floor(customers * next() ** 1.6);
    const lines = 1 + (next() < 0.35 ? 1 : 0) + (next() < 0.12 ? 1 : 0);
    for (let l = 0; l < lines; l++) {
      const k = pick(categoryCumulative);
      const p = firstProduct[k] + pick(cumulative[k]);
      const q = next() < 0.72 ? 1 : next() < 0.7 ? 2 : 3;
      out.orderId[n] = o;
      out.customer[n] = c;
      out.day[n] = d;
      out.product[n] = p;
      out.category[n] = k;
      out.quantity[n] = q;
      out.amount[n] = Math.round(productPrice[p] * q * (next() < 0.3 ? 0.9 : 1) * 100) / 100;
      if (next() < 0.03) refunds.push([n, d + 3 + Math.floor(next() * 18)]);
      n++;
    }
  }
  const lastDay = startDay + days - 1;
  for (const [i, d] of refunds) {
    if (d > lastDay) continue;
    out.orderId[n] = out.orderId[i];
    out.customer[n] = out.customer[i];
    out.day[n] = d;
    out.product[n] = out.product[i];
    out.category[n] = out.category[i];
    out.quantity[n] = out.quantity[i];
    out.amount[n] = -out.amount[i];
    n++;
  }
  const cut = <T extends Int32Array | Float64Array>(a: T) => a.subarray(0, n) as T;
  return {
    rows: n,
    orderId: cut(out.orderId),
    customer: cut(out.customer),
    customerIds: Array.from({ length: customers }, (_, c) => `C${String(c + 1).padStart(7, "0")}`),
    day: cut(out.day),
    product: cut(out.product),
    productIds,
    productNames,
    category: cut(out.category),
    categoryIds: CATEGORIES.map((c) => c.name),
    quantity: cut(out.quantity),
    amount: cut(out.amount),
  };
}

/** The list as an export from a shop back office: a header and one row per line, as text. */
export function syntheticOrderCsv(list: SyntheticOrders): string {
  const lines = ["订单号,客户ID,下单时间,商品ID,商品名称,品类,数量,实付金额"];
  for (let i = 0; i < list.rows; i++) {
    const date = new Date(list.day[i] * DAY_MS).toISOString().slice(0, 10);
    lines.push(`O${String(list.orderId[i] + 1).padStart(8, "0")},${list.customerIds[list.customer[i]]},${date},${list.productIds[list.product[i]]},${list.productNames[list.product[i]]},${list.categoryIds[list.category[i]]},${list.quantity[i]},${list.amount[i].toFixed(2)}`);
  }
  return lines.join("\n") + "\n";
}
