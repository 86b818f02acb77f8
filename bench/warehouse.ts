/**
 * `npm run bench` (second part): the segmentation of large order logs in Parquet through embedded DuckDB, beside
 * DuckDB's raw SQL for the same job (RFM per customer, quintiles, scores, segment / 8-class / tier counts, cohort
 * cells, monthly figures with refunds), written as an analyst would: count(DISTINCT order_id), quantile_cont, DuckDB's
 * default settings. Both must count the same customers.
 *   BENCH_WAREHOUSE_ORDERS  comma-separated sizes, default 20000000,100000000 (never run in CI)
 *   BENCH_DIR               where the generated Parquet files are kept between runs (default: the temp folder)
 * Each job runs in a child process of its own; it reports wall time, CPU time (user + system, all threads: what a
 * shared machine's load disturbs least) and the process's peak resident memory; the load average is printed.
 * Goals (issue 13, 2 cores): 20M orders within 15 s and 2 GB, 100M within 90 s and 4 GB, at most 1.5× raw SQL.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";
import { segmentWithSql } from "../src/warehouse/segmentWithSql";

const SIZES = (process.env.BENCH_WAREHOUSE_ORDERS ?? "20000000,100000000").split(",").map(Number);
const DIR = process.env.BENCH_DIR ?? join(tmpdir(), "kpi-review-warehouse-bench");
const FIRST_DAY = "2024-01-01";
const DAYS = 731;
const AS_OF = "2026-01-01";

function fileFor(orders: number): string {
  return join(DIR, `orders-${orders}.parquet`);
}

/** Orders of customers/5 customers (a skewed minority of heavy buyers), two years, log-normal-ish amounts in cents. */
async function generate(orders: number): Promise<void> {
  const file = fileFor(orders);
  if (existsSync(file)) return;
  mkdirSync(DIR, { recursive: true });
  const customers = Math.max(1, Math.floor(orders / 5));
  const instance = await DuckDBInstance.create(":memory:", { threads: "2", preserve_insertion_order: "false" });
  const connection = await instance.connect();
  const temp = `${file}.tmp`;
  const start = Date.now();
  await connection.run(`
    COPY (
      SELECT 'C' || lpad(CAST(CAST(floor(${customers} * pow((hash(i, 1) % 1000000) / 1000000.0, 2)) AS BIGINT) AS VARCHAR), 9, '0') AS customer_id,
             DATE '${FIRST_DAY}' + CAST(hash(i, 2) % ${DAYS} AS INTEGER) AS order_date,
             CAST(round(exp(3 + (hash(i, 3) % 1000) / 1000.0 * 3), 2) AS DECIMAL(12, 2)) AS amount,
             'O' || CAST(i AS VARCHAR) AS order_id
      FROM range(${orders}) t(i)
    ) TO '${temp}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
  connection.closeSync();
  instance.closeSync();
  renameSync(temp, file);
  console.log(`generated ${orders.toLocaleString("en-US")} orders in ${((Date.now() - start) / 1000).toFixed(1)} s: ${file}`);
}

/** Ours: the generated SQL through the CLI's path (columns recognised, rejected rows counted, summaries, cohorts). */
async function ours(orders: number): Promise<number> {
  const result = await segmentWithSql({
    engine: "duckdb",
    file: fileFor(orders),
    choice: {},
    settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: Date.parse(AS_OF) / 86400000 },
  });
  return result.summary.customers;
}

/** DuckDB's raw SQL for the same job (scores, group counts, cohorts, monthly figures), written the plain way: quantile_cont, no exactness. */
async function raw(orders: number): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const up = (c: string) => [1, 2, 3, 4].map((k) => `(b.${c}[${k}] < c.${c})::INT`).join(" + ");
  const down = (c: string) => [1, 2, 3, 4].map((k) => `(b.${c}[${k}] > c.${c})::INT`).join(" + ");
  await connection.run(`
    CREATE TEMP TABLE c AS
    SELECT customer_id, DATE '${AS_OF}' - max(order_date) AS recency, count(DISTINCT order_id) AS frequency, sum(amount) AS monetary,
           sum(CASE WHEN order_date >= DATE '${AS_OF}' - 365 THEN amount ELSE 0 END) AS spend365, min(order_date) AS first_order
    FROM '${fileFor(orders)}' WHERE order_date < DATE '${AS_OF}' GROUP BY customer_id`);
  await connection.run(`
    CREATE TEMP TABLE s AS
    WITH b AS (SELECT quantile_cont(recency, [0.2, 0.4, 0.6, 0.8]) AS recency, quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS frequency,
                      quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS monetary FROM c)
    SELECT c.*, 1 + ${down("recency")} AS r, 1 + ${up("frequency")} AS f, 1 + ${up("monetary")} AS m FROM c, b`);
  // Segments by code, the 8-class against mean scores, the value tiers: customers, revenue and repeat customers each.
  await connection.runAndReadAll(`SELECT r * 100 + f * 10 + m AS code, count(*), sum(monetary), count(*) FILTER (frequency > 1) FROM s GROUP BY code`);
  await connection.runAndReadAll(`
    WITH means AS (SELECT avg(r) AS r, avg(f) AS f, avg(m) AS m FROM s)
    SELECT (s.r >= means.r)::INT * 4 + (s.f >= means.f)::INT * 2 + (s.m >= means.m)::INT AS class8, count(*), sum(monetary), count(*) FILTER (frequency > 1)
    FROM s, means GROUP BY class8`);
  await connection.runAndReadAll(`
    SELECT CASE WHEN recency > 180 THEN 'lost' WHEN recency > 90 THEN 'dormant' WHEN spend365 >= 5000 THEN 'high' WHEN spend365 >= 1000 THEN 'potential' ELSE 'regular' END AS tier,
           count(*), sum(monetary), count(*) FILTER (frequency > 1)
    FROM s GROUP BY tier`);
  await connection.run(`
    CREATE TEMP TABLE cm AS
    SELECT customer_id, date_trunc('month', order_date) AS month, count(DISTINCT order_id) FILTER (amount > 0) AS orders, sum(amount) AS gmv,
           sum(-amount) FILTER (amount < 0) AS refunds
    FROM '${fileFor(orders)}' WHERE order_date < DATE '${AS_OF}' GROUP BY ALL`);
  const firsts = `f AS (SELECT customer_id, min(month) AS cohort FROM cm GROUP BY customer_id)`;
  await connection.runAndReadAll(`WITH ${firsts} SELECT cohort, date_diff('month', cohort, month) AS k, count(*) FROM cm JOIN f USING (customer_id) GROUP BY ALL`);
  await connection.runAndReadAll(`
    WITH ${firsts}
    SELECT month, sum(gmv), sum(orders), count(*) FILTER (orders > 0), count(*) FILTER (orders >= 2), count(*) FILTER (month = cohort), sum(gmv) FILTER (month = cohort), sum(refunds)
    FROM cm JOIN f USING (customer_id) GROUP BY month`);
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM s`);
  const top = Number(reader.getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  return top;
}

interface JobResult {
  job: string;
  ms: number;
  /** User + system CPU time of the whole process (all threads): what a shared machine's load disturbs least. */
  cpuMs: number;
  peakRssMb: number;
  check: number;
}

async function child(job: string, orders: number): Promise<void> {
  const start = process.hrtime.bigint();
  const check = job === "ours" ? await ours(orders) : await raw(orders);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = process.resourceUsage();
  const result: JobResult = { job, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssMb: usage.maxRSS / 1024, check };
  process.stdout.write(JSON.stringify(result));
}

function runJob(job: string, orders: number): JobResult {
  const out = execFileSync(process.execPath, [__filename, job, String(orders)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out) as JobResult;
}

async function main(): Promise<void> {
  console.log(`Warehouse benchmark: Parquet order logs through embedded DuckDB on ${cpus().length} cores, one process per job; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`${"orders".padStart(12)}  ${"job".padEnd(5)}${"wall s".padStart(8)}${"CPU s".padStart(8)}${"peak RSS MB".padStart(13)}${"vs raw".padStart(8)}  goal`);
  for (const orders of SIZES) {
    await generate(orders);
    const rawResult = runJob("raw", orders);
    const oursResult = runJob("ours", orders);
    if (rawResult.check !== oursResult.check) throw new Error(`raw SQL counts ${rawResult.check} customers, ours ${oursResult.check}: not the same job`);
    const goal = orders <= 20_000_000 ? { s: 15, mb: 2048 } : { s: 90, mb: 4096 };
    for (const r of [rawResult, oursResult]) {
      const ours = r.job === "ours";
      const ratio = ours ? `${(r.ms / rawResult.ms).toFixed(2)}×` : "";
      const met = r.ms / 1000 <= goal.s && r.peakRssMb <= goal.mb && r.ms <= 1.5 * rawResult.ms;
      const verdict = ours ? `${met ? "met" : "MISSED"} (≤ ${goal.s} s, ≤ ${goal.mb} MB, ≤ 1.5× raw; CPU ${(r.cpuMs / rawResult.cpuMs).toFixed(2)}× raw)` : "";
      console.log(
        `${orders.toLocaleString("en-US").padStart(12)}  ${r.job.padEnd(5)}${(r.ms / 1000).toFixed(1).padStart(8)}${(r.cpuMs / 1000).toFixed(1).padStart(8)}${r.peakRssMb.toFixed(0).padStart(13)}${ratio.padStart(8)}  ${verdict}`,
      );
    }
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

if (require.main === module) {
  const [job, orders] = process.argv.slice(2);
  (job ? child(job, Number(orders)) : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
