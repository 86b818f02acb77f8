/**
 * The per-customer table (kpi_customers) with names, as analysts read it: written to Parquet/CSV with
 * `--customers-out`, never as JSON. Also `kpi_base` built from customer-level input (one row per customer, the
 * shape a warehouse returns) instead of from orders.
 */
import { class8Name, SEGMENTS, TIERS } from "../customers/segmentNames";
import type { Dialect } from "./dialects";
import { TABLES } from "./sqlTables";
import { decimalsOf } from "./segmentationSql";

function names(column: string, list: readonly string[]): string {
  return `CASE ${column} ${list.map((n, i) => `WHEN ${i} THEN '${n.replace(/'/g, "''")}'`).join(" ")} END`;
}

export const CUSTOMER_COLUMNS = ["customer_id", "last_order", "recency", "frequency", "monetary", "spend_365", "r", "f", "m", "rfm", "segment", "segment_zh", "class8", "tier", "tier_zh"];

/**
 * Rows of the per-customer table; `after` (a customer id) and `limit` page through it in id order. `asText`
 * sends dates and money as text (exact through any driver); otherwise they keep the engine's types.
 */
export function customerTableSql(d: Dialect, page?: { after: string | null; limit: number }, asText = true): string {
  const text = (x: string) => (asText ? d.text(x) : x);
  const class8 = Array.from({ length: 8 }, (_, bits) => class8Name(bits).nameZh);
  const where = page?.after != null ? `WHERE customer_id > '${page.after.replace(/'/g, "''")}'` : "";
  return [
    `SELECT customer_id, ${text(d.dateOfDay("last_day"))} AS last_order, recency, frequency,`,
    `       ${text("monetary")} AS monetary, ${text("spend365")} AS spend_365, r, f, m, r * 100 + f * 10 + m AS rfm,`,
    `       ${names("segment_index", SEGMENTS.map((s) => s.name))} AS segment, ${names("segment_index", SEGMENTS.map((s) => s.nameZh))} AS segment_zh,`,
    `       ${names("class8_bits", class8)} AS class8, ${names("tier_index", TIERS.map((t) => t.name))} AS tier, ${names("tier_index", TIERS.map((t) => t.nameZh))} AS tier_zh`,
    // Indexes renamed first: ClickHouse lets an output alias shadow a column of the same name.
    `FROM (SELECT customer_id, last_day, recency, frequency, monetary, spend365, r, f, m, segment AS segment_index, class8 AS class8_bits, tier AS tier_index`,
    `      FROM ${TABLES.customers}) c ${where}`,
    page ? `ORDER BY customer_id LIMIT ${page.limit}` : "",
  ].join("\n");
}

export interface CustomerSource {
  relation: string;
  customer: string;
  lastDate: string;
  orders: string;
  spend: string;
  spend365: string;
}

/** kpi_base from customer-level rows; as-of given or the latest last-order day + 1; first orders unknown. */
export function baseFromCustomersSql(d: Dialect, source: CustomerSource, asOf: number | undefined, moneyScale: number): string {
  const asOfSql = asOf !== undefined ? `SELECT ${asOf} AS as_of` : `SELECT max(last_day) + 1 AS as_of FROM ok`;
  const select = [
    `WITH ok AS (`,
    `  SELECT customer_id, last_day, frequency, monetary, spend365 FROM (`,
    `    SELECT ${d.trim(d.text(d.ident(source.customer)))} AS customer_id, ${d.dayNumber(d.date(d.ident(source.lastDate)))} AS last_day,`,
    `           CAST(${d.money(d.ident(source.orders), 0)} AS BIGINT) AS frequency, ${d.money(d.ident(source.spend), moneyScale)} AS monetary,`,
    `           ${d.money(d.ident(source.spend365), moneyScale)} AS spend365`,
    `    FROM ${source.relation}`,
    `  ) src WHERE customer_id IS NOT NULL AND customer_id <> '' AND last_day IS NOT NULL AND frequency > 0 AND monetary IS NOT NULL AND spend365 IS NOT NULL`,
    `), params AS (${asOfSql})`,
    `SELECT customer_id, as_of AS as_of_day, as_of - last_day AS recency, frequency, monetary, spend365, ${d.nullInteger} AS first_day, last_day,`,
    `       ${decimalsOf("monetary", moneyScale)} AS decimals`,
    `FROM ok CROSS JOIN params WHERE last_day < as_of`,
  ].join("\n");
  return d.createTemp(TABLES.base, select);
}
