/**
 * `kpi-review segment` through its engines: the same order list as CSV (TypeScript engine), Parquet, a folder of
 * Parquet files and .csv.gz (DuckDB by default), Parquet on chDB; customer-level input; the per-customer table
 * written with --customers-out; the printed `sql segment` script run on DuckDB and PGlite.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { dayToIso, type OrderTable } from "../src/engine/customers/orderTable";
import { runCli } from "./helpers/cli";
import { startPostgres } from "./helpers/postgresServer";
import { Client } from "pg";
import { syntheticOrders } from "./helpers/syntheticOrders";
import { writeOrdersCsv } from "./helpers/sqlEngines";
import { openPglite } from "./helpers/pgliteSession";

type Json = Record<string, unknown> & { customerList?: Array<Record<string, unknown>> };

const dir = mkdtempSync(join(tmpdir(), "kpi-engines-"));
const csv = join(dir, "orders.csv");
const parquet = join(dir, "orders.parquet");
const folder = join(dir, "parts");
const gz = join(dir, "orders.csv.gz");
const AS_OF = "2026-01-01";
let orders: OrderTable;
let ts: Json;

async function duck<T>(work: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function segmentJson(args: string[]): Promise<Json> {
  const out = await runCli(["segment", ...args, "--as-of", AS_OF, "--json"]);
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

/** The summaries both engines report; revenue compared to the cent apart, everything else exactly. */
function expectSameSummaries(sql: Json, reference: Json, keys = ["asOf", "customers", "orders", "rejectedRows", "breaks", "segments", "class8", "tiers", "abc", "cohorts"]): void {
  const round = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(round) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)])) : typeof value === "number" ? Number(value.toPrecision(12)) : value;
  for (const key of keys) expect([key, round(sql[key])]).toEqual([key, round(reference[key])]);
}

beforeAll(async () => {
  // Quarter amounts (exact double sums), multi-line orders, refunds; every row has an order id.
  orders = syntheticOrders({ orders: 30_000, customers: 6_000, firstDay: Date.UTC(2024, 0, 1) / 86400000, days: 731, step: 0.25, seed: 7, blankShare: 0 });
  writeOrdersCsv(orders, csv);
  mkdirSync(folder);
  await duck(async (run) => {
    const read = `read_csv('${csv}', header = true, all_varchar = true)`;
    await run(`COPY (SELECT customer_id, CAST(order_date AS DATE) AS order_date, CAST(amount AS DOUBLE) AS amount, order_id, product FROM ${read}) TO '${parquet}' (FORMAT parquet)`);
    await run(`COPY (SELECT * FROM '${parquet}' WHERE order_date < DATE '2025-01-01') TO '${join(folder, "2024.parquet")}' (FORMAT parquet)`);
    await run(`COPY (SELECT * FROM '${parquet}' WHERE order_date >= DATE '2025-01-01') TO '${join(folder, "2025.parquet")}' (FORMAT parquet)`);
    await run(`COPY (SELECT * FROM ${read}) TO '${gz}' (FORMAT csv, HEADER true, COMPRESSION gzip)`);
    return null;
  });
  ts = await segmentJson([csv]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the CSV goes through the TypeScript engine; Parquet, a folder of Parquet and .csv.gz through DuckDB, with the same summaries", async () => {
  expect(ts.customerList).toHaveLength(ts.customers as number);
  expect(ts.customers).toBeGreaterThan(5000);
  for (const input of [parquet, folder, gz]) {
    const sql = await segmentJson([input]);
    expect(sql.engine).toBe("DuckDB");
    expect(sql.customerList).toBeUndefined();
    expectSameSummaries(sql, ts);
  }
});

test("--engine duckdb on the CSV itself and --engine clickhouse (chDB) on Parquet give the same summaries", async () => {
  expectSameSummaries(await segmentJson([csv, "--engine", "duckdb"]), ts);
  const chdb = await segmentJson([parquet, "--engine", "clickhouse"]);
  expect(chdb.engine).toBe("chDB");
  expectSameSummaries(chdb, ts);
});

test("--customers-out writes every customer with the TypeScript engine's scores, as Parquet and as CSV", async () => {
  const out = join(dir, "customers.parquet");
  const text = await runCli(["segment", parquet, "--as-of", AS_OF, "--lang", "en", "--customers-out", out]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`per-customer table written to ${out} (${(ts.customers as number).toLocaleString("en-US")})`);
  const outCsv = join(dir, "customers.csv");
  expect((await runCli(["segment", parquet, "--as-of", AS_OF, "--engine", "clickhouse", "--customers-out", outCsv])).code).toBe(0);
  const expected = new Map(ts.customerList!.map((c) => [c.id, [c.recency, c.frequency, c.R, c.F, c.M, c.segment, c.tier]]));
  for (const file of [out, outCsv]) {
    const rows = await duck((run) => run(`SELECT customer_id, CAST(recency AS INTEGER) AS recency, CAST(frequency AS INTEGER) AS frequency, CAST(monetary AS DOUBLE) AS monetary, CAST(r AS INTEGER) AS r, CAST(f AS INTEGER) AS f, CAST(m AS INTEGER) AS m, segment, tier_zh FROM '${file}'`));
    expect(rows).toHaveLength(ts.customers as number);
    for (const row of rows) expect([row.customer_id, [row.recency, row.frequency, row.r, row.f, row.m, row.segment, row.tier_zh]]).toEqual([row.customer_id, expected.get(row.customer_id)]);
  }
  // Customer C0000000 by hand from the raw rows: days before as-of of the last order, order ids, the sum of amounts.
  const asOfDay = Date.parse(AS_OF) / 86400000;
  let last = -Infinity;
  let spend = 0;
  const ids = new Set<string>();
  for (let i = 0; i < orders.rows; i++) {
    if (orders.customerIds[orders.customer[i]] !== "C0000000" || orders.day[i] >= asOfDay) continue;
    last = Math.max(last, orders.day[i]);
    spend += orders.amount[i];
    ids.add(orders.orderIds![orders.order![i]]);
  }
  const [row] = await duck((run) => run(`SELECT recency, frequency, CAST(monetary AS DOUBLE) AS monetary, last_order FROM '${out}' WHERE customer_id = 'C0000000'`));
  expect([Number(row.recency), Number(row.frequency), row.monetary]).toEqual([asOfDay - last, ids.size, spend]);
});

test("--customers (one row per customer, as a warehouse returns) gives the same segmentation", async () => {
  const rows = ["客户ID,最近下单日期,订单数,消费金额,近365天消费金额"];
  const asOfDay = Date.parse(AS_OF) / 86400000;
  const perCustomer = new Map<string, { last: number; ids: Set<string>; spend: number; spend365: number }>();
  for (let i = 0; i < orders.rows; i++) {
    if (orders.day[i] >= asOfDay) continue;
    const id = orders.customerIds[orders.customer[i]];
    const c = perCustomer.get(id) ?? { last: -Infinity, ids: new Set<string>(), spend: 0, spend365: 0 };
    c.last = Math.max(c.last, orders.day[i]);
    c.ids.add(orders.orderIds![orders.order![i]]);
    c.spend += orders.amount[i];
    if (orders.day[i] >= asOfDay - 365) c.spend365 += orders.amount[i];
    perCustomer.set(id, c);
  }
  for (const [id, c] of perCustomer) rows.push(`${id},${dayToIso(c.last)},${c.ids.size},${c.spend},${c.spend365}`);
  const file = join(dir, "customers-in.csv");
  writeFileSync(file, rows.join("\n") + "\n");
  const sql = await segmentJson(["--customers", file]);
  expectSameSummaries(sql, ts, ["asOf", "customers", "orders", "breaks", "segments", "class8", "tiers"]);
  expect(sql.cohorts).toEqual([]);
});

/** Runs a printed script statement by statement; returns the rows of the last one (the per-customer table). */
async function runScript(script: string, exec: (sql: string) => Promise<unknown>, query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<Record<string, unknown>[]> {
  const statements = script.split(/;\n(?=\n|$)/).map((s) => s.trim()).filter((s) => s !== "" && !/^(--[^\n]*\n?)*$/.test(s));
  for (const statement of statements.slice(0, -1)) await exec(statement);
  return query(statements[statements.length - 1]);
}

test("`sql segment` prints a script that gives the same per-customer scores on DuckDB and on PostgreSQL (PGlite)", async () => {
  const args = ["sql", "segment", "--table", "orders", "--order", "order_id", "--product", "product", "--as-of", AS_OF];
  const expected = new Map(ts.customerList!.map((c) => [c.id, [c.R, c.F, c.M, c.segment]]));
  const check = (rows: Record<string, unknown>[]) => {
    expect(rows).toHaveLength(ts.customers as number);
    for (const row of rows) expect([row.customer_id, [Number(row.r), Number(row.f), Number(row.m), row.segment]]).toEqual([row.customer_id, expected.get(String(row.customer_id))]);
  };
  const duckScript = await runCli([...args, "--dialect", "duckdb"]);
  expect(duckScript.code).toBe(0);
  check(
    await duck(async (run) => {
      await run(`CREATE TABLE orders AS SELECT * FROM '${parquet}'`);
      return runScript(duckScript.stdout, run, run);
    }),
  );
  const pgScript = await runCli([...args, "--dialect", "postgres"]);
  const pg = openPglite();
  try {
    await pg.exec("CREATE TABLE orders (customer_id TEXT, order_date DATE, amount NUMERIC, order_id TEXT, product TEXT)");
    const lines = readFileSync(csv, "utf8").trim().split("\n").slice(1);
    for (let start = 0; start < lines.length; start += 5000) {
      const values = lines.slice(start, start + 5000).map((line) => `(${line.split(",").map((v) => `'${v}'`).join(", ")})`);
      await pg.exec(`INSERT INTO orders VALUES ${values.join(", ")}`);
    }
    check(await runScript(pgScript.stdout, (sql) => pg.exec(sql), (sql) => pg.query(sql)));
  } finally {
    await pg.close();
  }
});

test("bad engine requests are one-line messages in the language asked for", async () => {
  const noUrl = await runCli(["segment", parquet, "--engine", "postgres", "--lang", "en"]);
  expect([noUrl.code, noUrl.stderr.trim()]).toEqual([1, "--engine postgres needs --url (postgres://user@host:5432/db)"]);
  const zh = await runCli(["segment", parquet, "--engine", "postgres"]);
  expect(zh.stderr.trim()).toBe("--engine postgres 需要 --url（postgres://user@host:5432/db）");
  const json = await runCli(["segment", parquet, "--customers-out", join(dir, "c.json"), "--lang", "en"]);
  expect([json.code, json.stderr.trim()]).toEqual([1, `${join(dir, "c.json")}: --customers-out must be a .parquet or .csv file`]);
  const onto = await runCli(["segment", parquet, "--customers-out", join(dir, "customers-other.csv"), "--engine", "duckdb", "--lang", "en"]);
  expect(onto.code).toBe(0);
  const same = await runCli(["segment", csv, "--engine", "duckdb", "--customers-out", csv, "--lang", "en"]);
  expect([same.code, same.stderr.trim()]).toEqual([1, `${csv}: this is one of the input files and is never overwritten; choose another output name`]);
  const tsParquet = await runCli(["segment", parquet, "--engine", "ts", "--lang", "en"]);
  expect(tsParquet.code).toBe(1);
  expect(tsParquet.stderr).toContain("--engine duckdb");
  const saved = process.env.KPI_REVIEW_CHDB;
  process.env.KPI_REVIEW_CHDB = join(dir, "no-chdb-here");
  try {
    const noChdb = await runCli(["segment", parquet, "--engine", "clickhouse", "--lang", "en"]);
    expect([noChdb.code, noChdb.stderr.trim()]).toEqual([1, `chDB (in-process ClickHouse, about 550 MB) is not installed: run npm install --prefix <dir> chdb and set KPI_REVIEW_CHDB=<dir>, or reach a ClickHouse server with --url (tried: ${join(dir, "no-chdb-here")})`]);
  } finally {
    if (saved === undefined) delete process.env.KPI_REVIEW_CHDB;
    else process.env.KPI_REVIEW_CHDB = saved;
  }
  const refused = await runCli(["segment", join(dir, "missing.parquet"), "--lang", "en"]);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).not.toMatch(/\n\s+at /);
});

test("a CSV with a date or amount DuckDB cannot read goes to the TypeScript engine, which names each cell left out", async () => {
  const file = join(dir, "bad-rows.csv");
  writeFileSync(file, ["customer_id,order_date,amount", "A,2025-01-02,10", ",2025-01-03,5", "B,not a date,5", "C,2025-01-04,abc", "B,2025-01-05,7.5", "A,2025-02-01,2.5"].join("\n") + "\n");
  const run = async (args: string[]) => {
    const out = await runCli(["segment", file, ...args, "--lang", "en", "--json"]);
    expect(out.code).toBe(0);
    return { json: JSON.parse(out.stdout) as Json, stderr: out.stderr };
  };
  const ts = await run([]);
  const sql = await run(["--engine", "duckdb"]);
  expect(ts.stderr.trim().split("\n")).toHaveLength(3);
  expect(sql.stderr.trim().split("\n")).toEqual([
    `${file}: its date column holds dates written as "not a date", which DuckDB does not read by this tool's rules; segmented with the TypeScript engine (--engine ts) instead`,
    ...ts.stderr.trim().split("\n"),
  ]);
  expect([ts.json.rejectedRows, ts.json.customers, ts.json.orders]).toEqual([3, 2, 3]);
  expectSameSummaries(sql.json, ts.json);
});

test("--engine postgres --url --table on a real PostgreSQL server (through pg): the same summaries; --customers-out paged into DuckDB", async () => {
  const server = await startPostgres();
  try {
    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query("CREATE TABLE orders (customer_id TEXT, order_date DATE, amount NUMERIC, order_id TEXT, product TEXT)");
      const lines = readFileSync(csv, "utf8").trim().split("\n").slice(1);
      for (let start = 0; start < lines.length; start += 5000) {
        await client.query(`INSERT INTO orders VALUES ${lines.slice(start, start + 5000).map((line) => `(${line.split(",").map((v) => `'${v}'`).join(", ")})`).join(", ")}`);
      }
    } finally {
      await client.end();
    }
    const out = join(dir, "pg-customers.parquet");
    const pg = await segmentJson(["--engine", "postgres", "--url", server.url, "--table", "orders", "--customers-out", out]);
    expect(pg.engine).toBe(`PostgreSQL ${server.url.replace("kpi@", "")}`);
    expectSameSummaries(pg, ts);
    const [count] = await duck((run) => run(`SELECT count(*) AS n, count(DISTINCT customer_id) AS ids FROM '${out}'`));
    expect([Number(count.n), Number(count.ids)]).toEqual([ts.customers, ts.customers]);
  } finally {
    server.stop();
  }
});

test("Parquet rows without a customer id, a date or an amount are counted and said in one line", async () => {
  const file = join(dir, "bad-rows.parquet");
  await duck((run) =>
    run(`COPY (SELECT * FROM (VALUES ('A', DATE '2025-01-02', 10.0), (NULL, DATE '2025-01-03', 5.0), ('B', NULL, 5.0), ('C', DATE '2025-01-04', NULL), ('B', DATE '2025-01-05', 7.5), ('A', DATE '2025-02-01', 2.5)) t(customer_id, order_date, amount)) TO '${file}' (FORMAT parquet)`),
  );
  const out = await runCli(["segment", file, "--lang", "en", "--json"]);
  expect(out.code).toBe(0);
  expect(out.stderr.trim()).toBe(`${file}: 3 rows left out (blank customer id, unreadable date or amount)`);
  const json = JSON.parse(out.stdout) as Json;
  // By hand: A (2 orders, 12.5) and B (1 order, 7.5); as-of the day after 2025-02-01.
  expect([json.rejectedRows, json.customers, json.orders, json.asOf]).toEqual([3, 2, 3, "2025-02-02"]);
});
