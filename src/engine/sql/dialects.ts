/**
 * The few SQL spellings that differ between DuckDB, ClickHouse and PostgreSQL (Hologres, Greenplum). Everything
 * else in the generated segmentation SQL is written once, in the subset the three engines share.
 */
export type DialectName = "duckdb" | "clickhouse" | "postgres";

export const DIALECTS: readonly DialectName[] = ["duckdb", "clickhouse", "postgres"];

export interface Dialect {
  name: DialectName;
  /** A column or table name, quoted. */
  ident(name: string): string;
  /** Any value as text. */
  text(x: string): string;
  /** Text with spaces trimmed. */
  trim(x: string): string;
  /** IEEE double: every breakpoint and mean is computed in doubles, exactly as the TypeScript engine does. */
  double(x: string): string;
  /** A double literal such as 0.2, read as the nearest double (not a decimal). */
  doubleLiteral(text: string): string;
  /** A money amount as an exact decimal with `scale` digits after the point; NULL where it is not a number. */
  money(x: string, scale: number): string;
  /** A date or timestamp (or ISO text) as a calendar date. */
  date(x: string): string;
  /** Days since 1970-01-01 of a date. */
  dayNumber(date: string): string;
  /** The date of a day number. */
  dateOfDay(day: string): string;
  /** year × 12 + month − 1 of a date. */
  monthIndex(date: string): string;
  /** A NULL integer (the unknown first order of customer-level input). */
  nullInteger: string;
  /** A table that lives for the session, filled by a query. */
  createTemp(name: string, select: string): string;
  dropTemp(name: string): string;
  /** Text sorted by code points, as JavaScript sorts (ABC ties are ordered by id). */
  binaryOrder(x: string): string;
  /**
   * An aggregate: the number of distinct values of `x` among the rows where `where` holds. A hash may merge two
   * values, never split one, so the count is never above the truth: equal to the number of rows, it proves them unique.
   */
  distinctCount(x: string, where: string): string;
  /** True where text `x` holds a match of `pattern` (anchor it with ^ and $); patterns are written without backslashes. */
  regexMatch(x: string, pattern: string): string;
}

const duckdb: Dialect = {
  name: "duckdb",
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  text: (x) => `CAST(${x} AS VARCHAR)`,
  trim: (x) => `trim(${x})`,
  double: (x) => `CAST(${x} AS DOUBLE)`,
  doubleLiteral: (t) => `CAST('${t}' AS DOUBLE)`,
  money: (x, s) => `TRY_CAST(${x} AS DECIMAL(18, ${s}))`,
  date: (x) => `COALESCE(TRY_CAST(${x} AS DATE), CAST(try_strptime(CAST(${x} AS VARCHAR), '%Y%m%d') AS DATE))`,
  dayNumber: (d) => `CAST(${d} - DATE '1970-01-01' AS INTEGER)`,
  dateOfDay: (n) => `(DATE '1970-01-01' + CAST(${n} AS INTEGER))`,
  monthIndex: (d) => `(CAST(year(${d}) AS INTEGER) * 12 + CAST(month(${d}) AS INTEGER) - 1)`,
  nullInteger: "CAST(NULL AS INTEGER)",
  createTemp: (n, s) => `CREATE OR REPLACE TEMP TABLE ${n} AS\n${s}`,
  dropTemp: (n) => `DROP TABLE IF EXISTS ${n}`,
  binaryOrder: (x) => x,
  // A 64-bit hash per value: a hash table of integers, smaller and faster than one of the texts.
  distinctCount: (x, where) => `count(DISTINCT hash(${x})) FILTER (WHERE ${where})`,
  regexMatch: (x, p) => `regexp_matches(${x}, '${p.replace(/'/g, "''")}')`,
};

const clickhouse: Dialect = {
  name: "clickhouse",
  ident: (n) => `\`${n.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``,
  text: (x) => `toString(${x})`,
  trim: (x) => `trim(BOTH ' ' FROM ${x})`,
  double: (x) => `toFloat64(${x})`,
  doubleLiteral: (t) => `toFloat64('${t}')`,
  money: (x, s) => `toDecimal64OrNull(trim(BOTH ' ' FROM toString(${x})), ${s})`,
  date: (x) => `toDate32OrNull(toString(${x}))`,
  dayNumber: (d) => `toInt32(${d})`,
  dateOfDay: (n) => `addDays(toDate32('1970-01-01'), ${n})`,
  monthIndex: (d) => `(toInt32(toYear(${d})) * 12 + toInt32(toMonth(${d})) - 1)`,
  nullInteger: "CAST(NULL AS Nullable(Int32))",
  createTemp: (n, s) => `CREATE TEMPORARY TABLE ${n} ENGINE = Memory AS\n${s}`,
  dropTemp: (n) => `DROP TEMPORARY TABLE IF EXISTS ${n}`,
  binaryOrder: (x) => x,
  distinctCount: (x, where) => `uniqExactIf(${x}, ${where})`,
  regexMatch: (x, p) => `match(${x}, '${p.replace(/'/g, "\\'")}')`,
};

const postgres: Dialect = {
  name: "postgres",
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  text: (x) => `CAST(${x} AS TEXT)`,
  trim: (x) => `trim(${x})`,
  double: (x) => `CAST(${x} AS DOUBLE PRECISION)`,
  doubleLiteral: (t) => `CAST('${t}' AS DOUBLE PRECISION)`,
  money: (x, s) => `round(CAST(${x} AS NUMERIC), ${s})`,
  date: (x) => `CAST(${x} AS DATE)`,
  dayNumber: (d) => `(${d} - DATE '1970-01-01')`,
  dateOfDay: (n) => `(DATE '1970-01-01' + CAST(${n} AS INTEGER))`,
  monthIndex: (d) => `(CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM ${d}) AS INTEGER) - 1)`,
  nullInteger: "CAST(NULL AS INTEGER)",
  createTemp: (n, s) => `DROP TABLE IF EXISTS ${n};\nCREATE TEMP TABLE ${n} AS\n${s}`,
  dropTemp: (n) => `DROP TABLE IF EXISTS ${n}`,
  binaryOrder: (x) => `${x} COLLATE "C"`,
  distinctCount: (x, where) => `count(DISTINCT ${x}) FILTER (WHERE ${where})`,
  regexMatch: (x, p) => `(${x} ~ '${p.replace(/'/g, "''")}')`,
};

export const DIALECT: Record<DialectName, Dialect> = { duckdb, clickhouse, postgres };

export function dialectOf(name: string): Dialect | undefined {
  return (DIALECT as Record<string, Dialect>)[name];
}
