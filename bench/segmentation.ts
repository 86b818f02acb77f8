/**
 * `npm run bench`: segmentation of a deterministic order list (1,000,000 orders, 200,000 customers, two years).
 * Each job runs in a child process of its own, several times; it reports the median time and the process's
 * peak resident memory. Jobs:
 *   parse        CSV text → grid (papaparse) → typed order columns (our reader)
 *   score        our engine: group by customer, breakpoints, R/F/M, segment, 8-class, tier, summaries
 *   arquero      the same group-by and scores with arquero
 *   duckdb-load  appending the columns into an embedded DuckDB table
 *   duckdb       the same group-by and scores as one DuckDB query into a table
 * Timing is for information; no test depends on it.
 */
import { execFileSync } from "node:child_process";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { readOrderGrid, type OrderTable } from "../src/engine/customers/orderTable";
import { segmentOrders } from "../src/engine/customers/segmentation";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";

const ORDERS = 1_000_000;
const CUSTOMERS = 200_000;
const FIRST_DAY = Date.UTC(2024, 0, 1) / 86400000;
const DAYS = 731;
const AS_OF = FIRST_DAY + DAYS;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** mulberry32: a small seeded generator, so every run and every engine sees the same orders. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateOrders(): OrderTable {
  const next = random(20251122);
  const customer = new Int32Array(ORDERS);
  const day = new Int32Array(ORDERS);
  const amount = new Float64Array(ORDERS);
  for (let i = 0; i < ORDERS; i++) {
    // Every customer orders at least once; the rest of the orders lean towards a minority of heavy buyers.
    customer[i] = i < CUSTOMERS ? i : Math.floor(CUSTOMERS * next() ** 2);
    day[i] = FIRST_DAY + Math.floor(next() * DAYS);
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    amount[i] = Math.round(Math.exp(4.5 + 0.8 * normal) * 100) / 100;
  }
  const customerIds = Array.from({ length: CUSTOMERS }, (_, c) => `C${String(c).padStart(6, "0")}`);
  const amountMinor = amount.map((a) => Math.round(a * 100));
  return { rows: ORDERS, customer, customerIds, day, amount, amountMinor, amountScale: 100, order: null, orderIds: null, product: null, productIds: null, category: null, categoryIds: null, quantity: null };
}

function csvOf(orders: OrderTable): string {
  const lines = ["customer_id,order_date,amount"];
  for (let i = 0; i < orders.rows; i++) {
    lines.push(`${orders.customerIds[orders.customer[i]]},${new Date(orders.day[i] * 86400000).toISOString().slice(0, 10)},${orders.amount[i]}`);
  }
  return lines.join("\n");
}

type Job = () => Promise<unknown> | unknown;

async function jobFor(name: string): Promise<{ run: Job; check: (result: unknown) => number | Promise<number> }> {
  const orders = generateOrders();
  const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: AS_OF };
  switch (name) {
    case "parse": {
      const text = csvOf(orders);
      return { run: () => readOrderGrid({ sheet: "orders", values: parseDelimitedText(text) }).table, check: (t) => (t as OrderTable).customerIds.length };
    }
    case "score":
      return { run: () => segmentOrders(orders, settings), check: (r) => topCount((r as ReturnType<typeof segmentOrders>).scores) };
    case "arquero":
      return arqueroJob(orders);
    case "duckdb-load":
    case "duckdb":
      return duckdbJob(orders, name === "duckdb-load");
    default:
      throw new Error(`unknown job ${name}`);
  }
}

/** Customers with R = F = M = 5, a cross-check that every engine computed the same scores. */
function topCount(scores: { count: number; r: Uint8Array; f: Uint8Array; m: Uint8Array }): number {
  let n = 0;
  for (let k = 0; k < scores.count; k++) if (scores.r[k] === 5 && scores.f[k] === 5 && scores.m[k] === 5) n++;
  return n;
}

async function arqueroJob(orders: OrderTable) {
  const aq = await import("arquero");
  const { op } = aq;
  const base = aq.table({ customer: orders.customer, day: orders.day, amount: orders.amount });
  const run = () => {
    const perCustomer = base
      .filter(aq.escape((d: { day: number }) => d.day < AS_OF))
      .groupby("customer")
      .rollup({ last: op.max("day"), frequency: op.count(), monetary: op.sum("amount") })
      .derive({ recency: aq.escape((d: { last: number }) => AS_OF - d.last) });
    const q = perCustomer
      .rollup({
        r1: op.quantile("recency", 0.2), r2: op.quantile("recency", 0.4), r3: op.quantile("recency", 0.6), r4: op.quantile("recency", 0.8),
        f1: op.quantile("frequency", 0.2), f2: op.quantile("frequency", 0.4), f3: op.quantile("frequency", 0.6), f4: op.quantile("frequency", 0.8),
        m1: op.quantile("monetary", 0.2), m2: op.quantile("monetary", 0.4), m3: op.quantile("monetary", 0.6), m4: op.quantile("monetary", 0.8),
      })
      .object() as Record<string, number>;
    const up = (v: number, b: number[]) => 1 + b.filter((x) => x < v).length;
    const down = (v: number, b: number[]) => 1 + b.filter((x) => x > v).length;
    const rb = [q.r1, q.r2, q.r3, q.r4];
    const fb = [q.f1, q.f2, q.f3, q.f4];
    const mb = [q.m1, q.m2, q.m3, q.m4];
    return perCustomer.derive({
      R: aq.escape((d: { recency: number }) => down(d.recency, rb)),
      F: aq.escape((d: { frequency: number }) => up(d.frequency, fb)),
      M: aq.escape((d: { monetary: number }) => up(d.monetary, mb)),
    });
  };
  const check = (result: unknown) => {
    const t = result as { filter(f: unknown): { numRows(): number } };
    return t.filter(aq.escape((d: { R: number; F: number; M: number }) => d.R === 5 && d.F === 5 && d.M === 5)).numRows();
  };
  return { run, check };
}

async function duckdbJob(orders: OrderTable, loadOnly: boolean) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  const load = async () => {
    await connection.run("CREATE OR REPLACE TABLE orders (customer INTEGER, day INTEGER, amount DOUBLE)");
    const appender = await connection.createAppender("orders");
    for (let i = 0; i < orders.rows; i++) {
      appender.appendInteger(orders.customer[i]);
      appender.appendInteger(orders.day[i]);
      appender.appendDouble(orders.amount[i]);
      appender.endRow();
    }
    appender.closeSync();
  };
  if (loadOnly) return { run: load, check: () => orders.rows };
  await load();
  const breaks = (column: string, dir: ">" | "<") => [1, 2, 3, 4].map((k) => `(b.${column}[${k}] ${dir} c.${column})::INT`).join(" + ");
  const run = async () => {
    await connection.run(`
      CREATE OR REPLACE TABLE scores AS
      WITH c AS (
        SELECT customer, ${AS_OF} - max(day) AS recency, count(*) AS frequency, sum(amount) AS monetary
        FROM orders WHERE day < ${AS_OF} GROUP BY customer
      ), b AS (
        SELECT quantile_cont(recency, [0.2, 0.4, 0.6, 0.8]) AS recency,
               quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS frequency,
               quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS monetary
        FROM c
      )
      SELECT c.customer, 1 + ${breaks("recency", ">")} AS R, 1 + ${breaks("frequency", "<")} AS F, 1 + ${breaks("monetary", "<")} AS M
      FROM c, b`);
  };
  const check = async () => {
    const reader = await connection.runAndReadAll("SELECT count(*)::INTEGER FROM scores WHERE R = 5 AND F = 5 AND M = 5");
    return Number(reader.getRows()[0][0]);
  };
  return { run, check };
}

async function child(name: string): Promise<void> {
  const job = await jobFor(name);
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    result = await job.run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const check = await job.check(result);
  process.stdout.write(JSON.stringify({ name, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], peakRssMb: process.resourceUsage().maxRSS / 1024, check }));
}

function main(): void {
  const jobs = ["parse", "score", "arquero", "duckdb-load", "duckdb"];
  console.log(`Segmentation benchmark: ${ORDERS.toLocaleString("en-US")} orders, ${CUSTOMERS.toLocaleString("en-US")} customers, ${DAYS} days; median of ${RUNS} runs, one process per job`);
  const results = jobs.map((name) => {
    const out = execFileSync(process.execPath, ["--max-old-space-size=8192", __filename, name], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return JSON.parse(out) as { name: string; medianMs: number; minMs: number; peakRssMb: number; check: number };
  });
  const score = results.find((r) => r.name === "score")!;
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(`${"job".padEnd(12)}${pad("median ms", 11)}${pad("min ms", 9)}${pad("peak RSS MB", 13)}${pad("vs ours", 9)}  check (customers at 555)`);
  for (const r of results) {
    const ratio = ["arquero", "duckdb"].includes(r.name) ? `${(r.medianMs / score.medianMs).toFixed(2)}×` : "";
    console.log(`${r.name.padEnd(12)}${pad(r.medianMs.toFixed(0), 11)}${pad(r.minMs.toFixed(0), 9)}${pad(r.peakRssMb.toFixed(0), 13)}${pad(ratio, 9)}  ${r.check}`);
  }
  const checks = new Set(results.filter((r) => ["score", "arquero", "duckdb"].includes(r.name)).map((r) => r.check));
  console.log(checks.size === 1 ? "All three engines agree on the scores." : "WARNING: the engines disagree on the scores.");
  console.log(`Our segmentation of 1,000,000 orders: ${score.medianMs.toFixed(0)} ms (target < 1000 ms); "vs ours" > 1 means slower than ours.`);
}

if (require.main === module) {
  const job = process.argv[2];
  if (job) {
    child(job).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  } else main();
}
