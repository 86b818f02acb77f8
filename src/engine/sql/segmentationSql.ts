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
  /**
   * Every column is text as typed in a file (a CSV read as text): the profile then counts the values the SQL reads
   * differently from the TypeScript reader, or not at all where it reads them (orderProfile.ts).
   */
  asText?: boolean;
  /** Every column of a text source: a row blank in all of them is no row at all, as the TypeScript reader skips it. */
  columns?: string[];
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

/**
 * What a profile of the source proved (orderProfile.ts), letting the engines run simpler SQL with the same results.
 * Without it (the script printed for the analyst's warehouse) the SQL assumes nothing.
 */
export interface SourceFacts {
  /** Some customer id / order id starts or ends with a space: only then are they trimmed. */
  trimCustomer: boolean;
  trimOrder: boolean;
  /** No order id is on two usable rows before as-of: every row is an order of its own. */
  oneRowPerOrder: boolean;
  /** Every usable amount before as-of is above zero (no refund or zero rows): every row is a sale. */
  allSales: boolean;
  /** Digits after the point of the finest usable amount before as-of (the data's smallest unit). */
  decimals: number;
}

/** True where every column of a text source is blank (spaces at most). */
function blankRow(d: Dialect, source: OrderSource): string {
  const columns = source.columns ?? [source.customer, source.date, source.amount];
  return `(${columns.map((c) => `COALESCE(${d.trim(d.text(d.ident(c)))}, '') = ''`).join(" AND ")})`;
}

/** Every row of the source with its parsed columns (NULL where unreadable). */
export function parsedRows(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: Pick<SourceFacts, "trimCustomer" | "trimOrder">, withText = false): string {
  const dayOf = d.dayNumber(d.date(d.ident(source.date)));
  const text = (column: string, trim: boolean) => (trim ? d.trim(d.text(d.ident(column))) : d.text(d.ident(column)));
  const orderId = source.order ? `NULLIF(${text(source.order, facts?.trimOrder ?? true)}, '')` : "NULL";
  const product = source.product ? `COALESCE(${d.trim(d.text(d.ident(source.product)))}, '')` : "''";
  return [
    `  SELECT ${text(source.customer, facts?.trimCustomer ?? true)} AS customer_id,`,
    `         ${dayOf} AS day,`,
    `         ${d.money(d.ident(source.amount), settings.moneyScale)} AS amount,`,
    `         ${orderId} AS order_id,`,
    `         ${product} AS product${withText ? "," : ""}`,
    ...(withText ? [`         ${d.trim(d.text(d.ident(source.date)))} AS date_text, ${d.trim(d.text(d.ident(source.amount)))} AS amount_text,`] : []),
    ...(withText ? [`         ${blankRow(d, source)} AS blank_row`] : []),
    `  FROM ${source.relation}`,
  ].join("\n");
}

export const VALID = `customer_id IS NOT NULL AND customer_id <> '' AND day IS NOT NULL AND amount IS NOT NULL`;

/** The usable rows: a customer id, a readable date and a number as amount (others are counted as rejected). */
export function validOrders(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: SourceFacts): string {
  return [`SELECT customer_id, day, amount, order_id, product FROM (`, parsedRows(d, source, settings, facts), `) src WHERE ${VALID}`].join("\n");
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
 * (a grouped count(DISTINCT) cannot in DuckDB). A row without an order id (NULL) is one order each. Where the
 * profile proved every row an order of its own, one grouping by customer gives the same.
 */
export function baseSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: SourceFacts): string {
  const asOf = settings.asOf !== undefined ? `SELECT ${numberLiteral(settings.asOf)} AS as_of` : `SELECT max(day) + 1 AS as_of FROM ok`;
  const decimals = facts ? numberLiteral(facts.decimals) : `max(${decimalsOf("amount", settings.moneyScale)})`;
  const spend = `sum(CASE WHEN day >= as_of - 365 THEN amount ELSE 0 END)`;
  const ok = [`WITH ok AS (`, validOrders(d, source, settings, facts)];
  if (facts?.oneRowPerOrder && settings.asOf !== undefined) {
    // The as-of a literal: a filter and comparisons on constants, no join with a one-row table.
    const at = numberLiteral(settings.asOf);
    return d.createTemp(
      TABLES.base,
      [
        ...ok,
        `)`,
        `SELECT customer_id AS customer_id, ${at} AS as_of_day, ${at} - max(day) AS recency, count(*) AS frequency, sum(amount) AS monetary,`,
        `       sum(CASE WHEN day >= ${numberLiteral(settings.asOf - 365)} THEN amount ELSE 0 END) AS spend365, min(day) AS first_day, max(day) AS last_day,`,
        `       ${decimals} AS decimals`,
        `FROM ok WHERE day < ${at} GROUP BY customer_id`,
      ].join("\n"),
    );
  }
  const select = [
    ...ok,
    `), params AS (${asOf}), per_order AS (`,
    `  SELECT customer_id AS o_cid, order_id AS o_oid, max(as_of) AS o_asof, max(day) AS o_last, min(day) AS o_first, count(*) AS o_lines,`,
    `         sum(amount) AS o_amount, ${spend} AS o_spend, ${facts ? "0" : decimals} AS o_dec`,
    `  FROM ok CROSS JOIN params WHERE day < as_of GROUP BY customer_id, order_id`,
    `)`,
    `SELECT o_cid AS customer_id, max(o_asof) AS as_of_day, max(o_asof) - max(o_last) AS recency,`,
    `       sum(CASE WHEN o_oid IS NULL THEN o_lines ELSE 1 END) AS frequency, sum(o_amount) AS monetary, sum(o_spend) AS spend365,`,
    `       min(o_first) AS first_day, max(o_last) AS last_day, ${facts ? decimals : "max(o_dec)"} AS decimals`,
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

/** The rows before as-of: a literal where it is known, else the one kpi_breaks holds. */
function beforeAsOf(settings: SegmentationSqlSettings): string {
  return settings.asOf !== undefined ? `WHERE day < ${numberLiteral(settings.asOf)}` : `CROSS JOIN ${TABLES.breaks} WHERE day < as_of`;
}

/** Revenue per product before as-of (ABC); the classes follow from the order by revenue desc, then id. */
export function productsSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: SourceFacts): string {
  return [
    `WITH ok AS (`,
    validOrders(d, source, settings, facts),
    `)`,
    `SELECT product, ${d.text("sum(amount)")} AS revenue FROM ok ${beforeAsOf(settings)} GROUP BY product`,
    `ORDER BY sum(amount) DESC, ${d.binaryOrder("product")}`,
  ].join("\n");
}

/**
 * Statement 4 (orders only, after kpi_base): per customer and month before as-of (month = year × 12 + month − 1):
 * revenue of all rows, refunds, the orders with a sale (amount > 0), and the customer's first month (of kpi_base's
 * first order), for cohorts and new customers. Where every row is an order of its own, the orders are the sale rows.
 */
export function monthsSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: SourceFacts): string {
  const month = d.monthIndex(d.dateOfDay("day"));
  // Where every row is an order and a sale, the orders are the rows and there are no refunds: two aggregates fewer.
  const sales = facts?.allSales ? ["count(*)", "0"] : ["sum(CASE WHEN amount > 0 THEN 1 ELSE 0 END)", "sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END)"];
  const perMonth = facts?.oneRowPerOrder
    ? [
        `per_month AS (`,
        `  SELECT customer_id AS p_cid, ${month} AS p_mon, ${sales[0]} AS p_orders, sum(amount) AS p_gmv, ${sales[1]} AS p_refunds`,
        `  FROM ok ${beforeAsOf(settings)} GROUP BY customer_id, ${month}`,
        `)`,
      ]
    : [
        `per_order AS (`,
        `  SELECT customer_id AS o_cid, ${month} AS o_mon, order_id AS o_oid, sum(CASE WHEN amount > 0 THEN 1 ELSE 0 END) AS o_sales, sum(amount) AS o_gmv,`,
        `         sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS o_refunds`,
        `  FROM ok ${beforeAsOf(settings)} GROUP BY customer_id, ${month}, order_id`,
        `), per_month AS (`,
        `  SELECT o_cid AS p_cid, o_mon AS p_mon, sum(CASE WHEN o_sales = 0 THEN 0 WHEN o_oid IS NULL THEN o_sales ELSE 1 END) AS p_orders,`,
        `         sum(o_gmv) AS p_gmv, sum(o_refunds) AS p_refunds`,
        `  FROM per_order GROUP BY o_cid, o_mon`,
        `)`,
      ];
  const select = [
    `WITH ok AS (`,
    validOrders(d, source, settings, facts),
    `), ${perMonth.join("\n")}, firsts AS (`,
    `  SELECT customer_id AS f_cid, ${d.monthIndex(d.dateOfDay("first_day"))} AS f_mon FROM ${TABLES.base}`,
    `)`,
    `SELECT p_cid AS customer_id, p_mon AS month, p_orders AS orders, p_gmv AS gmv, p_refunds AS refunds, f_mon AS first_month`,
    `FROM per_month JOIN firsts ON f_cid = p_cid`,
  ].join("\n");
  return d.createTemp(TABLES.months, select);
}

/** Cohort cells: customers of cohort month c (first order) with an order in month c + k. */
export function cohortsSql(): string {
  return [
    `SELECT first_month AS cohort, month - first_month AS k, count(*) AS customers`,
    `FROM ${TABLES.months}`,
    `GROUP BY first_month, month - first_month`,
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
    `SELECT m.month AS month, ${d.text("sum(m.gmv)")} AS gmv, sum(m.orders) AS orders, sum(CASE WHEN m.orders > 0 THEN 1 ELSE 0 END) AS buyers,`,
    `       sum(CASE WHEN m.orders >= 2 THEN 1 ELSE 0 END) AS repeat_buyers,`,
    `       sum(CASE WHEN m.month = m.first_month THEN 1 ELSE 0 END) AS new_customers,`,
    `       ${d.text("sum(CASE WHEN m.month = m.first_month THEN m.gmv ELSE 0 END)")} AS new_customer_gmv,`,
    `       ${d.text("sum(m.refunds)")} AS refunds`,
    `FROM ${TABLES.months} m`,
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

/** The statements for orders; `facts` (a profile of the source) let the engines skip work it proved needless. */
export function segmentationStatements(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts?: SourceFacts): SegmentationStatements {
  return {
    setup: [baseSql(d, source, settings, facts), breaksSql(d, settings), customersSql(d, settings), monthsSql(d, source, settings, facts)],
    overview: overviewSql(d),
    groups: groupsSql(d),
    products: source.product ? productsSql(d, source, settings, facts) : null,
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
