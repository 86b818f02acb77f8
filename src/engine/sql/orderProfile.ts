/**
 * One scan of the orders before the segmentation: the rows left out (a blank customer id, an unreadable date or
 * amount), the latest usable day (the default as-of is the next day), the data's finest amount, and facts that let
 * the statements skip work without changing a result: whether any id needs trimming, and whether every order id is
 * on one row only, so that each row is an order and no grouping by order is needed (an id shared by customers, which
 * counts once for each, only sends the statements the longer way, as any repeated id does).
 */
import type { Dialect } from "./dialects";
import { decimalsOf, parsedRows, VALID, type OrderSource, type SegmentationSqlSettings, type SourceFacts } from "./segmentationSql";
import { toNumber, type SqlSession } from "./sqlSession";

/**
 * Text a CSV holds, in the forms the SQL reads exactly as the TypeScript reader does (engine/customers/orderValues.ts):
 * dates as 2025-01-05 or 2025/1/5 (with a time or not) or 20250105 in the years it accepts, amounts as plain decimals
 * of at most 15 digits and 6 decimals. Written without backslashes, for every dialect's regular expressions.
 */
const DATE_TEXT = "^(19|2[0-9])[0-9][0-9](-[0-9][0-9]?-[0-9][0-9]?|/[0-9][0-9]?/[0-9][0-9]?)([ T][0-9][0-9]?:[0-9][0-9](:[0-9][0-9])?)?$|^(19|2[0-9])[0-9]{6}$";
const AMOUNT_TEXT = "^[-+]?[0-9]{1,9}([.][0-9]{1,6})?$";
/** Whitespace JavaScript's trim() removes besides the space (which the SQL trims), as characters. */
const SPACES = "\t\n\u000b\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** An id the TypeScript reader changes and the SQL does not: other whitespace at an end, or an ="…" guard. */
const ODD_ID = `^[${SPACES}]|[${SPACES}]$|^=".+"$`;

/** Values of a CSV the SQL would read otherwise than the TypeScript reader (counted only for text sources). */
export interface OddValues {
  dates: number;
  amounts: number;
  ids: number;
}

export type OddKind = keyof OddValues;

function oddCondition(d: Dialect, source: OrderSource, kind: OddKind): string {
  if (kind === "dates") return `date_text <> '' AND NOT ${d.regexMatch("date_text", DATE_TEXT)}`;
  if (kind === "amounts") return `amount_text <> '' AND NOT ${d.regexMatch("amount_text", AMOUNT_TEXT)}`;
  const ids = ["customer_id", ...(source.order ? ["order_id"] : []), ...(source.product ? ["product"] : [])];
  return `(${ids.map((id) => d.regexMatch(id, ODD_ID)).join(" OR ")})`;
}

/** One value of that kind, for the message. */
export function oddValueSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, facts: SourceFacts, kind: OddKind): string {
  const value = kind === "dates" ? "date_text" : kind === "amounts" ? "amount_text" : "customer_id";
  return [`SELECT ${value} AS value FROM (`, parsedRows(d, source, settings, facts, true), `) src WHERE ${oddCondition(d, source, kind)} LIMIT 1`].join("\n");
}

export interface OrderProfile {
  facts: SourceFacts;
  /** Text sources only: values the SQL would read otherwise than the TypeScript reader (zeros otherwise). */
  odd: OddValues;
  /** Every row read, and those left out: a blank customer id, an unreadable date or amount. */
  rows: number;
  rejectedRows: number;
  /** The latest usable order day; NaN when there is none. */
  lastDay: number;
}

function spaced(column: string): string {
  return `(${column} LIKE ' %' OR ${column} LIKE '% ')`;
}

/** The profile's one row; ids are read as they are (untrimmed) unless `trim` says otherwise. */
export function orderProfileSql(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings, trim: { trimCustomer: boolean; trimOrder: boolean }): string {
  const before = settings.asOf !== undefined ? `${VALID} AND day < ${settings.asOf}` : VALID;
  const withOrder = `${before} AND order_id IS NOT NULL`;
  const orders = source.order
    ? [`sum(CASE WHEN ${withOrder} THEN 1 ELSE 0 END) AS order_rows`, `${d.distinctCount("order_id", withOrder)} AS distinct_orders`, `max(CASE WHEN ${spaced("order_id")} THEN 1 ELSE 0 END) AS order_spaces`]
    : [`0 AS order_rows`, `0 AS distinct_orders`, `0 AS order_spaces`];
  const odd = source.asText ? (["dates", "amounts", "ids"] as const).map((kind) => `sum(CASE WHEN ${oddCondition(d, source, kind)} THEN 1 ELSE 0 END) AS odd_${kind}`) : [];
  return [
    `SELECT count(*) AS total_rows, sum(CASE WHEN ${VALID} THEN 0 ${source.asText ? "WHEN blank_row THEN 0 " : ""}ELSE 1 END) AS rejected, max(CASE WHEN ${VALID} THEN day END) AS last_day,`,
    ...odd.map((column) => `       ${column},`),
    `       max(CASE WHEN ${before} THEN ${decimalsOf("amount", settings.moneyScale)} END) AS decimals, min(CASE WHEN ${before} THEN amount END) AS least_amount,`,
    `       max(CASE WHEN ${spaced("customer_id")} THEN 1 ELSE 0 END) AS customer_spaces,`,
    `       ${orders.join(",\n       ")}`,
    `FROM (`,
    parsedRows(d, source, settings, trim, source.asText),
    `) src`,
  ].join("\n");
}

/**
 * Profiles the source, first reading ids as they are; where some id starts or ends with a space, again with that
 * column trimmed (the counts and the order-id check must see the ids the statements will group by).
 */
export async function profileOrders(session: SqlSession, source: OrderSource, settings: SegmentationSqlSettings): Promise<OrderProfile> {
  let trim = { trimCustomer: false, trimOrder: false };
  let [row] = await session.query(orderProfileSql(session.dialect, source, settings, trim));
  const spaces = { trimCustomer: toNumber(row.customer_spaces) === 1, trimOrder: toNumber(row.order_spaces) === 1 };
  if (spaces.trimCustomer || spaces.trimOrder) {
    trim = spaces;
    [row] = await session.query(orderProfileSql(session.dialect, source, settings, trim));
  }
  const decimals = toNumber(row.decimals);
  return {
    facts: {
      ...trim,
      oneRowPerOrder: toNumber(row.distinct_orders) === toNumber(row.order_rows),
      allSales: toNumber(row.least_amount) > 0,
      decimals: Number.isFinite(decimals) ? decimals : 0,
    },
    odd: { dates: toNumber(row.odd_dates) || 0, amounts: toNumber(row.odd_amounts) || 0, ids: toNumber(row.odd_ids) || 0 },
    rows: toNumber(row.total_rows) || 0,
    rejectedRows: toNumber(row.rejected) || 0,
    lastDay: toNumber(row.last_day),
  };
}
