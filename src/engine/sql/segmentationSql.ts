/**
 * The customer segmentation of domain.md ("Customers") as SQL, generated once for every dialect in dialects.ts.
 * It follows the TypeScript engine (engine/customers/rfm.ts) step by step, so that both give identical scores:
 *   - rows without a customer id, a readable date or a number as amount are left out (counted as rejected);
 *   - as-of defaults to the latest order day + 1; orders on or after it are left out of everything;
 *   - money is an exact decimal (`moneyScale` digits), summed exactly; R/F/M per customer as in rfm.ts,
 *     frequency = distinct order ids (a row without an order id is one order; no order-id column: rows);
 *   - breakpoints are PERCENTILE.INC computed in IEEE doubles with the very arithmetic of `percentileInc`
 *     (h = (n − 1)·p, lo = floor h, v[lo] + (h − lo)·(v[hi] − v[lo])), the order statistics v[i] read from a
 *     histogram of the distinct values (so recency and frequency need no sort of the customers);
 *   - scores as COUNTIF (a value equal to a breakpoint lands on the lower score), the 11 segments by code, the
 *     8-class bits against mean scores, the value tiers.
 * The statements create session tables (kpi_base, kpi_breaks, kpi_customers, kpi_months) and then read small
 * results: the overview, the groups, revenue per product, cohort cells and the monthly figures.
 */
import { SEGMENTS } from "../customers/segmentNames";
import type { TierSettings } from "../customers/rfm";
import type { Dialect } from "./dialects";
import { TABLES } from "./sqlTables";
import { baseFromCustomersSql, type CustomerSource } from "./customerTableSql";

export interface OrderSource {
  /** A table name, or any relation the dialect reads (`read_parquet('x')`, a subquery in parentheses). */
  relation: string;
  customer: string;
  date: string;
  amount: string;
  /** Order-id column; without it every row is an order. */
  order?: string;
  /** Product column, for ABC. */
  product?: string;
}

export interface SegmentationSqlSettings {
  /** Day number of the as-of date; default the latest order day + 1. */
  asOf?: number;
  tiers: TierSettings;
  abc: { a: number; b: number };
  /** Digits after the decimal point kept in money amounts (exact sums). */
  moneyScale: number;
}

export { TABLES };

const DIMENSIONS = [
  { key: "r", column: "recency" },
  { key: "f", column: "frequency" },
  { key: "m", column: "monetary" },
] as const;

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** Every row of the source with its parsed columns (NULL where unreadable). */
function parsedRows(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  const dayOf = d.dayNumber(d.date(d.ident(source.date)));
  const orderId = source.order ? `NULLIF(${d.trim(d.text(d.ident(source.order)))}, '')` : "NULL";
  const product = source.product ? `COALESCE(${d.trim(d.text(d.ident(source.product)))}, '')` : "''";
  return [
    `  SELECT ${d.trim(d.text(d.ident(source.customer)))} AS customer_id,`,
    `         ${dayOf} AS day,`,
    `         ${d.money(d.ident(source.amount), settings.moneyScale)} AS amount,`,
    `         ${orderId} AS order_id,`,
    `         ${product} AS product`,
    `  FROM ${source.relation}`,
  ].join("\n");
}

const VALID = `customer_id IS NOT NULL AND customer_id <> '' AND day IS NOT NULL AND amount IS NOT NULL`;

/** The usable rows: a customer id, a readable date and a number as amount (others are counted as rejected). */
export function validOrders(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  return [`SELECT customer_id, day, amount, order_id, product FROM (`, parsedRows(d, source, settings), `) src WHERE ${VALID}`].join("\n");
}

/** The latest usable order day (the default as-of is that + 1): a scan of its own, only when no as-of is given. */
export function lastDaySql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  return [`SELECT max(CASE WHEN ${VALID} THEN day END) AS last_day FROM (`, parsedRows(d, source, settings), `) src`].join("\n");
}

/** Digits after the point an amount needs (0 to `scale`): the data's smallest unit is 10^-max of these. */
export function decimalsOf(amount: string, scale: number): string {
  const whole = `CAST(${amount} * ${10 ** scale} AS BIGINT)`;
  const cases = Array.from({ length: scale }, (_, k) => `WHEN ${whole} % ${10 ** (k + 1)} <> 0 THEN ${scale - k}`).join(" ");
  return `CASE ${cases} ELSE 0 END`;
}

/**
 * Statement 1: one row per customer with orders before as-of: recency, frequency, monetary, spend in 365 days.
 * Grouped first by customer and order id, then by customer: plain aggregates, which every engine can spill to disk
 * (a grouped count(DISTINCT) cannot in DuckDB). A row without an order id (NULL) is one order each.
 */
export function baseSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  const asOf = settings.asOf !== undefined ? `SELECT ${numberLiteral(settings.asOf)} AS as_of` : `SELECT max(day) + 1 AS as_of FROM ok`;
  const select = [
    `WITH ok AS (`,
    validOrders(d, source, settings),
    `), params AS (${asOf}), per_order AS (`,
    `  SELECT customer_id AS o_cid, order_id AS o_oid, max(as_of) AS o_asof, max(day) AS o_last, min(day) AS o_first, count(*) AS o_lines,`,
    `         sum(amount) AS o_amount, sum(CASE WHEN day >= as_of - 365 THEN amount ELSE 0 END) AS o_spend, max(${decimalsOf("amount", settings.moneyScale)}) AS o_dec`,
    `  FROM ok CROSS JOIN params WHERE day < as_of GROUP BY customer_id, order_id`,
    `)`,
    `SELECT o_cid AS customer_id, max(o_asof) AS as_of_day, max(o_asof) - max(o_last) AS recency,`,
    `       sum(CASE WHEN o_oid IS NULL THEN o_lines ELSE 1 END) AS frequency, sum(o_amount) AS monetary, sum(o_spend) AS spend365,`,
    `       min(o_first) AS first_day, max(o_last) AS last_day, max(o_dec) AS decimals`,
    `FROM per_order GROUP BY o_cid`,
  ].join("\n");
  return d.createTemp(TABLES.base, select);
}

/** Statement 2: one row: as-of, customers, and the 4 breakpoints of R, F and M as PERCENTILE.INC. */
export function breaksSql(d: Dialect, settings: SegmentationSqlSettings): string {
  const asOf = settings.asOf !== undefined ? numberLiteral(settings.asOf) : null;
  // Ranks as in quintileBreaks: (n − 1)·k split exactly into whole ranks and fifths, no binary noise.
  const positions = [1, 2, 3, 4].map((k, i) => {
    const lo = `floor(${d.double(`(n - 1) * ${k}`)} / ${d.double("5")})`;
    return `${lo} AS lo${i}, ${d.double(`(n - 1) * ${k}`)} - 5 * ${lo} AS fifths${i}, least(${lo} + 1, ${d.double("n - 1")}) AS hi${i}`;
  });
  // Money in the data's smallest unit (10^decimals), exact integers as the TypeScript engine scores it.
  const units = Array.from({ length: settings.moneyScale + 1 }, (_, k) => `WHEN ${k} THEN ${10 ** k}`).join(" ");
  const ctes = [
    `pos AS (SELECT n, ${positions.join(",\n       ")},\n       CASE md ${units} END AS unit\n  FROM (SELECT count(*) AS n, max(decimals) AS md FROM ${TABLES.base}) t)`,
  ];
  const columns: string[] = [];
  for (const { key, column } of DIMENSIONS) {
    ctes.push(
      `hist_${key} AS (SELECT v, sum(cnt) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum\n` +
        `  FROM (SELECT ${column} AS v, count(*) AS cnt FROM ${TABLES.base} GROUP BY ${column}) g)`,
    );
    const stats = [0, 1, 2, 3].map((k) => `min(CASE WHEN cum > lo${k} THEN v END) AS a${k}, min(CASE WHEN cum > hi${k} THEN v END) AS z${k}`);
    ctes.push(`os_${key} AS (SELECT ${stats.join(", ")} FROM hist_${key} CROSS JOIN pos)`);
    for (let k = 0; k < 4; k++) {
      const at = (x: string) => (key === "m" ? d.double(`os_m.${x}${k} * unit`) : d.double(`os_${key}.${x}${k}`));
      const value = `CASE WHEN fifths${k} = 0 THEN ${at("a")} ELSE ${at("a")} + (fifths${k} / ${d.double("5")}) * (${at("z")} - ${at("a")}) END`;
      if (key === "m") columns.push(`${value} AS mu${k + 1}`, `(${value}) / ${d.double("unit")} AS mb${k + 1}`);
      else columns.push(`${value} AS ${key}b${k + 1}`);
    }
  }
  const asOfColumn = asOf ?? `(SELECT max(as_of_day) FROM ${TABLES.base})`;
  const select = [
    `WITH ${ctes.join(",\n")}`,
    `SELECT ${asOfColumn} AS as_of, n, unit,`,
    `       ${columns.join(",\n       ")}`,
    `FROM pos CROSS JOIN os_r CROSS JOIN os_f CROSS JOIN os_m`,
  ].join("\n");
  return d.createTemp(TABLES.breaks, select);
}

function segmentCase(code: string): string {
  const whens = SEGMENTS.map((s, index) => `WHEN ${code} IN (${s.codes.join(", ")}) THEN ${index}`);
  return `CASE ${whens.join(" ")} ELSE -1 END`;
}

function countAbove(breaks: string[], value: string, direction: "<" | ">"): string {
  return `1 + ${breaks.map((b) => `(CASE WHEN ${b} ${direction} ${value} THEN 1 ELSE 0 END)`).join(" + ")}`;
}

/** Statement 3: the scored customers: R, F, M, segment (index into SEGMENTS), 8-class bits, tier (index into TIERS). */
export function customersSql(d: Dialect, settings: SegmentationSqlSettings): string {
  const b = (key: string) => [1, 2, 3, 4].map((k) => `${key}b${k}`);
  const { tiers } = settings;
  const tier = [
    `CASE WHEN recency > ${numberLiteral(tiers.lostDays)} THEN 4`,
    `WHEN recency > ${numberLiteral(tiers.dormantDays)} THEN 3`,
    `WHEN spend365 >= ${numberLiteral(tiers.highValue)} THEN 0`,
    `WHEN spend365 >= ${numberLiteral(tiers.potential)} THEN 1 ELSE 2 END`,
  ].join(" ");
  const select = [
    `WITH s AS (`,
    `  SELECT customer_id, recency, frequency, monetary, spend365, first_day, last_day,`,
    `         ${countAbove(b("r"), d.double("recency"), ">")} AS r,`,
    `         ${countAbove(b("f"), d.double("frequency"), "<")} AS f,`,
    `         ${countAbove(["mu1", "mu2", "mu3", "mu4"], d.double("monetary * unit"), "<")} AS m`,
    `  FROM ${TABLES.base} CROSS JOIN ${TABLES.breaks}`,
    `), means AS (`,
    `  SELECT ${d.double("sum(r)")} / ${d.double("count(*)")} AS mean_r, ${d.double("sum(f)")} / ${d.double("count(*)")} AS mean_f,`,
    `         ${d.double("sum(m)")} / ${d.double("count(*)")} AS mean_m FROM s`,
    `)`,
    `SELECT customer_id, recency, frequency, monetary, spend365, first_day, last_day, r, f, m,`,
    `       ${segmentCase("(r * 100 + f * 10 + m)")} AS segment,`,
    `       (CASE WHEN ${d.double("r")} >= mean_r THEN 4 ELSE 0 END) + (CASE WHEN ${d.double("f")} >= mean_f THEN 2 ELSE 0 END)` +
      ` + (CASE WHEN ${d.double("m")} >= mean_m THEN 1 ELSE 0 END) AS class8,`,
    `       ${tier} AS tier`,
    `FROM s CROSS JOIN means`,
  ].join("\n");
  return d.createTemp(TABLES.customers, select);
}

/** Breakpoints, as-of, customers, orders, revenue and the score sums (for the means): one row. */
export function overviewSql(d: Dialect): string {
  const breaks = ["r", "f", "m"].flatMap((key) => [1, 2, 3, 4].map((k) => `${key}b${k}`));
  return [
    `SELECT max(k.as_of) AS as_of, count(*) AS customers, sum(c.frequency) AS orders, ${d.text("sum(c.monetary)")} AS revenue,`,
    `       sum(c.r) AS sum_r, sum(c.f) AS sum_f, sum(c.m) AS sum_m,`,
    `       ${breaks.map((b) => `max(k.${b}) AS ${b}`).join(", ")}`,
    `FROM ${TABLES.customers} c CROSS JOIN ${TABLES.breaks} k`,
  ].join("\n");
}

/** Customers, revenue and repeat customers per segment, 8-class and tier (group = the index or bits). */
export function groupsSql(d: Dialect): string {
  const part = (grouping: string, column: string) =>
    `SELECT '${grouping}' AS grouping, ${column} AS grp, count(*) AS customers, ${d.text("sum(monetary)")} AS revenue,` +
    ` sum(CASE WHEN frequency > 1 THEN 1 ELSE 0 END) AS repeaters FROM ${TABLES.customers} GROUP BY ${column}`;
  return [part("segment", "segment"), part("class8", "class8"), part("tier", "tier")].join("\nUNION ALL\n");
}

/** Revenue per product before as-of (ABC); the classes follow from the order by revenue desc, then id. */
export function productsSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  return [
    `WITH ok AS (`,
    validOrders(d, source, settings),
    `)`,
    `SELECT product, ${d.text("sum(amount)")} AS revenue FROM ok CROSS JOIN ${TABLES.breaks}`,
    `WHERE day < as_of GROUP BY product`,
    `ORDER BY sum(amount) DESC, ${d.binaryOrder("product")}`,
  ].join("\n");
}

/**
 * Statement 4 (orders only): per customer and month before as-of (month = year × 12 + month − 1): revenue of all
 * rows, refunds, and the sales (rows with amount > 0) and their orders. Unusable rows are gathered in one row with a
 * NULL customer, whose `lines` is the number of rows left out.
 */
export function monthsSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  const select = [
    `WITH src AS (`,
    parsedRows(d, source, settings),
    `), per_order AS (`,
    `  SELECT cid AS p_cid, mon AS p_mon, oid AS p_oid, sum(CASE WHEN amt > 0 THEN 1 ELSE 0 END) AS p_sales, sum(amt) AS p_gmv,`,
    `         sum(CASE WHEN amt < 0 THEN -amt ELSE 0 END) AS p_refunds, count(*) AS p_lines`,
    `  FROM (SELECT CASE WHEN ${VALID} THEN customer_id END AS cid, CASE WHEN ${VALID} THEN ${d.monthIndex(d.dateOfDay("day"))} END AS mon,`,
    `               order_id AS oid, amount AS amt, day AS dd FROM src) t CROSS JOIN ${TABLES.breaks}`,
    `  WHERE cid IS NULL OR dd < as_of`,
    `  GROUP BY cid, mon, oid`,
    `)`,
    `SELECT p_cid AS customer_id, p_mon AS month, sum(CASE WHEN p_sales = 0 THEN 0 WHEN p_oid IS NULL THEN p_sales ELSE 1 END) AS orders,`,
    `       sum(p_sales) AS sales, sum(p_gmv) AS gmv, sum(p_refunds) AS refunds, sum(p_lines) AS lines`,
    `FROM per_order GROUP BY p_cid, p_mon`,
  ].join("\n");
  return d.createTemp(TABLES.months, select);
}

/** Rows left out for a blank customer id, an unreadable date or amount (after statement 4). */
export function rejectedRowsSql(): string {
  return `SELECT sum(lines) AS rejected FROM ${TABLES.months} WHERE customer_id IS NULL`;
}

const FIRSTS = `firsts AS (SELECT customer_id, min(month) AS first_month FROM ${TABLES.months} WHERE customer_id IS NOT NULL GROUP BY customer_id)`;

/** Cohort cells: customers of cohort month c (first order) with an order in month c + k. */
export function cohortsSql(): string {
  return [
    `WITH ${FIRSTS}`,
    `SELECT firsts.first_month AS cohort, m.month - firsts.first_month AS k, count(*) AS customers`,
    `FROM ${TABLES.months} m JOIN firsts ON m.customer_id = firsts.customer_id`,
    `GROUP BY firsts.first_month, m.month - firsts.first_month`,
    `ORDER BY cohort, k`,
  ].join("\n");
}

/**
 * The monthly figures of an order list (domain.md, "The review from an order list", as engine/orders/
 * monthlyFromOrders.ts computes them): GMV (refunds included), orders and buyers of sales (amount > 0), repeat
 * buyers (two or more orders in the month), new customers (first order in the data in that month) and their GMV,
 * refunds. Months without any row are not listed. Orders are counted per customer: an order id that two customers
 * share counts for each.
 */
export function monthlySql(d: Dialect): string {
  return [
    `WITH ${FIRSTS}`,
    `SELECT m.month AS month, ${d.text("sum(m.gmv)")} AS gmv, sum(m.orders) AS orders, sum(CASE WHEN m.sales > 0 THEN 1 ELSE 0 END) AS buyers,`,
    `       sum(CASE WHEN m.orders >= 2 THEN 1 ELSE 0 END) AS repeat_buyers,`,
    `       sum(CASE WHEN m.month = firsts.first_month THEN 1 ELSE 0 END) AS new_customers,`,
    `       ${d.text("sum(CASE WHEN m.month = firsts.first_month THEN m.gmv ELSE 0 END)")} AS new_customer_gmv,`,
    `       ${d.text("sum(m.refunds)")} AS refunds`,
    `FROM ${TABLES.months} m JOIN firsts ON m.customer_id = firsts.customer_id`,
    `GROUP BY m.month`,
    `ORDER BY month`,
  ].join("\n");
}

export interface SegmentationStatements {
  /** Statements that fill the session tables, in order. */
  setup: string[];
  overview: string;
  groups: string;
  products: string | null;
  /** Null for customer-level input (first orders unknown). */
  cohorts: string | null;
  /** Monthly figures; null for customer-level input. */
  monthly: string | null;
  cleanup: string[];
}

export function segmentationStatements(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): SegmentationStatements {
  return {
    setup: [baseSql(d, source, settings), breaksSql(d, settings), customersSql(d, settings), monthsSql(d, source, settings)],
    overview: overviewSql(d),
    groups: groupsSql(d),
    products: source.product ? productsSql(d, source, settings) : null,
    cohorts: cohortsSql(),
    monthly: monthlySql(d),
    cleanup: [TABLES.months, TABLES.customers, TABLES.breaks, TABLES.base].map((t) => d.dropTemp(t)),
  };
}

/** The same segmentation from customer-level rows (id, last order date, orders, spend, spend in 365 days). */
export function customerStatements(d: Dialect, source: CustomerSource, settings: SegmentationSqlSettings): SegmentationStatements {
  return {
    setup: [baseFromCustomersSql(d, source, settings.asOf, settings.moneyScale), breaksSql(d, settings), customersSql(d, settings)],
    overview: overviewSql(d),
    groups: groupsSql(d),
    products: null,
    cohorts: null,
    monthly: null,
    cleanup: [TABLES.customers, TABLES.breaks, TABLES.base].map((t) => d.dropTemp(t)),
  };
}
