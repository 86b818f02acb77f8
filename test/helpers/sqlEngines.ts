/**
 * The same order list on every SQL engine the tests reach: embedded DuckDB, chDB (in-process ClickHouse, from
 * KPI_REVIEW_CHDB) and PGlite (Postgres in WebAssembly). Orders are written as a CSV of text exactly as the
 * TypeScript engine read them (amounts as their shortest decimal text), then segmented by the generated SQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dayToIso, type OrderTable } from "../../src/engine/customers/orderTable";
import type { SegmentationSettings } from "../../src/engine/customers/rfm";
import type { DialectName } from "../../src/engine/sql/dialects";
import { openPglite, type PgliteSession } from "./pgliteSession";
import { runSegmentationSql } from "../../src/engine/sql/runSegmentationSql";
import type { OrderSource } from "../../src/engine/sql/segmentationSql";
import type { SegmentationSummary } from "../../src/engine/sql/segmentationSummary";
import { toNumber, type SqlSession } from "../../src/engine/sql/sqlSession";
import { openChdb } from "../../src/warehouse/chdbSession";
import { openDuckdb } from "../../src/warehouse/duckdbSession";

export interface SqlCustomer {
  recency: number;
  frequency: number;
  /** Exact decimal text. */
  monetary: string;
  r: number;
  f: number;
  m: number;
  segment: number;
  class8: number;
  tier: number;
}

export interface EngineRun {
  summary: SegmentationSummary;
  customers: Map<string, SqlCustomer>;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeOrdersCsv(table: OrderTable, file: string): void {
  const lines = ["customer_id,order_date,amount,order_id,product"];
  for (let i = 0; i < table.rows; i++) {
    lines.push(
      [
        csvCell(table.customerIds[table.customer[i]]),
        dayToIso(table.day[i]),
        String(table.amount[i]),
        table.order ? csvCell(table.orderIds![table.order[i]]) : "",
        table.product ? csvCell(table.productIds![table.product[i]]) : "",
      ].join(","),
    );
  }
  writeFileSync(file, lines.join("\n") + "\n");
}

/** One PGlite for the whole test file (starting one takes seconds); closed by `closeEngines`. */
let pglite: PgliteSession | undefined;

export async function closeEngines(): Promise<void> {
  await pglite?.close();
  pglite = undefined;
}

async function loadPglite(session: PgliteSession, table: OrderTable): Promise<void> {
  await session.exec("DROP TABLE IF EXISTS orders; CREATE TABLE orders (customer_id TEXT, order_date DATE, amount NUMERIC, order_id TEXT, product TEXT)");
  const batch = 5000;
  for (let start = 0; start < table.rows; start += batch) {
    const params: unknown[] = [];
    const values: string[] = [];
    for (let i = start; i < Math.min(table.rows, start + batch); i++) {
      const p = params.length;
      values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`);
      params.push(
        table.customerIds[table.customer[i]],
        dayToIso(table.day[i]),
        String(table.amount[i]),
        table.order ? table.orderIds![table.order[i]] : null,
        table.product ? table.productIds![table.product[i]] : null,
      );
    }
    await session.queryWith(`INSERT INTO orders VALUES ${values.join(", ")}`, params);
  }
}

/** Segments `table` on `engine` with the generated SQL; returns the summaries and every customer's scores. */
export async function segmentOnEngine(engine: DialectName, table: OrderTable, settings: SegmentationSettings): Promise<EngineRun> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-sql-"));
  const file = join(dir, "orders.csv");
  let session: SqlSession | undefined;
  try {
    let relation: string;
    if (engine === "postgres") {
      pglite ??= openPglite();
      await loadPglite(pglite, table);
      session = { ...pglite, close: async () => undefined };
      relation = "orders";
    } else {
      writeOrdersCsv(table, file);
      if (engine === "duckdb") {
        session = await openDuckdb({ threads: 2 });
        relation = `read_csv('${file}', header = true, all_varchar = true)`;
      } else {
        session = await openChdb();
        relation = `file('${file}', 'CSVWithNames', 'customer_id String, order_date String, amount String, order_id Nullable(String), product Nullable(String)')`;
      }
    }
    const source: OrderSource = {
      relation,
      customer: "customer_id",
      date: "order_date",
      amount: "amount",
      order: table.order ? "order_id" : undefined,
      product: table.product ? "product" : undefined,
    };
    const { summary } = await runSegmentationSql(session, source, { asOf: settings.asOf, tiers: settings.tiers, abc: settings.abc, moneyScale: 6 });
    const d = session.dialect;
    const rows = await session.query(`SELECT customer_id, recency, frequency, ${d.text("monetary")} AS monetary, r, f, m, segment, class8, tier FROM kpi_customers`);
    const customers = new Map<string, SqlCustomer>();
    for (const row of rows) {
      customers.set(String(row.customer_id), {
        recency: toNumber(row.recency),
        frequency: toNumber(row.frequency),
        monetary: String(row.monetary),
        r: toNumber(row.r),
        f: toNumber(row.f),
        m: toNumber(row.m),
        segment: toNumber(row.segment),
        class8: toNumber(row.class8),
        tier: toNumber(row.tier),
      });
    }
    return { summary, customers };
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
