/**
 * `--customers-out FILE.parquet|.csv`: the per-customer table written by DuckDB's COPY. On DuckDB the table is
 * copied where it is; from chDB, ClickHouse or Postgres it is read in pages (by customer id) into an embedded
 * DuckDB first. Written to a temporary file beside the target and renamed into place when complete.
 */
import { renameSync, rmSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { CUSTOMER_COLUMNS, customerTableSql } from "../engine/sql/customerTableSql";
import type { SqlSession } from "../engine/sql/sqlSession";
import { issue, InputError } from "../i18n/issues";
import { openDuckdb, type DuckdbSession } from "./duckdbSession";

const PAGE = 200_000;

export function customersOutFormat(path: string): "parquet" | "csv" {
  const ext = extname(path).toLowerCase();
  if (ext === ".parquet") return "parquet";
  if (ext === ".csv") return "csv";
  throw new InputError([issue("customersOutFormat", path)]);
}

/** Refuses an output path that is one of the inputs; returns the format. */
export function checkCustomersOut(path: string, inputs: string[]): "parquet" | "csv" {
  if (inputs.some((input) => resolve(input) === resolve(path))) throw new InputError([issue("outputIsInput", path)]);
  return customersOutFormat(path);
}

function quoted(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

async function copyInto(duck: DuckdbSession, select: string, temp: string, format: "parquet" | "csv"): Promise<void> {
  const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
  await duck.exec(`COPY (${select}) TO ${quoted(temp)} (${options})`);
}

/** Writes the session's kpi_customers to `path`; returns the number of customers written. */
export async function writeCustomersOut(session: SqlSession, path: string, inputs: string[]): Promise<number> {
  const format = checkCustomersOut(path, inputs);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (session.dialect.name === "duckdb" && "connection" in session) {
      await copyInto(session as DuckdbSession, customerTableSql(session.dialect, undefined, false), temp, format);
    } else {
      const duck = await openDuckdb({ threads: 2 });
      try {
        await duck.exec(`CREATE TABLE customers_out (${CUSTOMER_COLUMNS.map((c) => `${c} VARCHAR`).join(", ")})`);
        const appender = await duck.connection.createAppender("customers_out");
        let after: string | null = null;
        for (;;) {
          const rows = await session.query(customerTableSql(session.dialect, { after, limit: PAGE }));
          for (const row of rows) {
            for (const column of CUSTOMER_COLUMNS) {
              const value = row[column];
              if (value === null || value === undefined) appender.appendNull();
              else appender.appendVarchar(String(value));
            }
            appender.endRow();
          }
          if (rows.length < PAGE) break;
          after = String(rows[rows.length - 1].customer_id);
        }
        appender.closeSync();
        const typed = CUSTOMER_COLUMNS.map((c) =>
          ["recency", "frequency", "r", "f", "m", "rfm"].includes(c) ? `CAST(${c} AS BIGINT) AS ${c}` : ["monetary", "spend_365"].includes(c) ? `CAST(${c} AS DECIMAL(38, 6)) AS ${c}` : c === "last_order" ? `CAST(${c} AS DATE) AS ${c}` : c,
        );
        await copyInto(duck, `SELECT ${typed.join(", ")} FROM customers_out ORDER BY customer_id`, temp, format);
      } finally {
        await duck.close();
      }
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof InputError) throw error;
    throw new InputError([issue("outputNotWritable", path, { reason: (error as Error).message.split("\n")[0] })]);
  }
  const [count] = await session.query(`SELECT count(*) AS n FROM kpi_customers`);
  return Number(count.n);
}
