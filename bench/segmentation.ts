/**
 * `npm run bench`: the order-list goals of issue 9, measured side by side in one run, each job in a process of
 * its own, several times (median, fastest run, the process's peak resident memory):
 *   segment-1m       `kpi-review segment orders.csv --json --no-customer-list`, 1,000,000 orders, whole process
 *   segment-1m-1thread  the same with the file read on one thread (KPI_REVIEW_READ_IN_PARTS=never)
 *   segment-1m-list  the same with the per-customer list in the JSON
 *   pandas-1m        the same job in pandas (read_csv, group by customer, breakpoints, scores), Debian's python3
 *   segment-5m       5,000,000 orders, whole process, on our engine (--engine ts; DuckDB is the default past Excel's rows)
 *   review-300k      `kpi-review review monthly.csv --orders orders.csv -o review.xlsx`, 300,000 orders
 * and, inside one process on the same 1,000,000 orders: reading the CSV by the byte reader and by the grid of
 * strings, and the scoring by our engine, arquero and embedded DuckDB. Timing is for information; no test
 * depends on it. The order files are generated deterministically once, in the system's temporary folder.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { readOrderGrid, type OrderTable } from "../src/engine/customers/orderTable";
import { readDelimitedOrderBytes } from "../src/engine/customers/delimitedOrders";
import { segmentOrders } from "../src/engine/customers/segmentation";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";
import { random } from "./syntheticOrders";

const ROOT = join(__dirname, "..", "..");
const DATA = join(tmpdir(), "kpi-review-bench");
const FIRST_DAY = Date.UTC(2024, 0, 1) / 86400000;
const DAYS = 731;
const AS_OF = FIRST_DAY + DAYS;
const AS_OF_ISO = new Date(AS_OF * 86400000).toISOString().slice(0, 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

/** `orders` orders of orders/5 customers over two years; amounts log-normal around 90 with cents. */
export function generateOrders(orders = 1_000_000): OrderTable {
  const customers = Math.floor(orders / 5);
  const next = random(20251122);
  const customer = new Int32Array(orders);
  const day = new Int32Array(orders);
  const amountMinor = new Float64Array(orders);
  for (let i = 0; i < orders; i++) {
    // Every customer orders at least once; the rest of the orders lean towards a minority of heavy buyers.
    customer[i] = i < customers ? i : Math.floor(customers * next() ** 2);
    day[i] = FIRST_DAY + Math.floor(next() * DAYS);
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    amountMinor[i] = Math.round(Math.exp(4.5 + 0.8 * normal) * 100);
  }
  const customerIds = Array.from({ length: customers }, (_, c) => `C${String(c).padStart(7, "0")}`);
  const amount = amountMinor.map((a) => a / 100);
  return { rows: orders, customer, customerIds, day, amount, amountMinor, amountScale: 100, order: null, orderIds: null, product: null, productIds: null, category: null, categoryIds: null, quantity: null };
}

/** The order list as a CSV file (written once, in blocks). */
function ordersFile(orders: number): string {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, `orders-${orders}.csv`);
  if (existsSync(path)) return path;
  const table = generateOrders(orders);
  const fd = openSync(path, "w");
  let block = "customer_id,order_date,amount\n";
  for (let i = 0; i < table.rows; i++) {
    block += `${table.customerIds[table.customer[i]]},${new Date(table.day[i] * 86400000).toISOString().slice(0, 10)},${(table.amountMinor[i] / 100).toFixed(2)}\n`;
    if (block.length > 1 << 20) {
      writeSync(fd, block);
      block = "";
    }
  }
  writeSync(fd, block);
  closeSync(fd);
  return path;
}

interface Result {
  name: string;
  medianMs: number;
  minMs: number;
  peakMb: number;
  /** Median CPU time (user + system) of the process, where it reports it. */
  cpuMs?: number;
  check?: number | string;
}

interface ProcessJob {
  name: string;
  command: string;
  args: string[];
  /** Peak memory (MB) and CPU time (ms) as the process reports them. */
  usage: (stdout: string, stderr: string) => { peakMb: number; cpuMs: number };
  check?: (stdout: string) => number | string;
  /** Environment variables set for the process. */
  env?: Record<string, string>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs the jobs `runs` times, interleaved (a, b, a, b …) so that a shared machine's changing load falls on all of
 * them alike; wall time by the clock, peak memory and CPU time as each process reports them.
 */
function measureProcesses(jobs: ProcessJob[], runs: number): Result[] {
  const times = jobs.map(() => [] as number[]);
  const cpu = jobs.map(() => [] as number[]);
  const peaks = jobs.map(() => [] as number[]);
  const last = jobs.map(() => "");
  for (let i = 0; i < runs; i++) {
    jobs.forEach((job, j) => {
      const start = process.hrtime.bigint();
      const child = spawnSync(job.command, job.args, { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ...job.env } });
      times[j].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (child.status !== 0) throw new Error(`${job.name} failed: ${child.stderr}`);
      const usage = job.usage(child.stdout, child.stderr);
      peaks[j].push(usage.peakMb);
      cpu[j].push(usage.cpuMs);
      last[j] = child.stdout;
    });
  }
  return jobs.map((job, j) => ({ name: job.name, medianMs: median(times[j]), minMs: Math.min(...times[j]), peakMb: Math.max(...peaks[j]), cpuMs: median(cpu[j]), check: job.check?.(last[j]) }));
}

const nodeUsage = (_: string, stderr: string) => ({ peakMb: Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024, cpuMs: Number(/CPU_MS ([\d.]+)/.exec(stderr)?.[1] ?? NaN) });
const BIN = join(ROOT, "bin", "kpi-review.js");
const PRELOAD = join(__dirname, "peakMemory.js");

function kpiReview(name: string, args: string[], check?: (stdout: string) => number | string, env?: Record<string, string>): ProcessJob {
  return { name, command: process.execPath, args: ["--require", PRELOAD, BIN, ...args], usage: nodeUsage, check, env };
}

/** The file read on one thread (src/cli/orderFileParts.ts otherwise reads large files in two parts at once). */
const ONE_THREAD = { KPI_REVIEW_READ_IN_PARTS: "never" };

/** Customers at R = F = M = 5 from our summary JSON (the 555 code is in Champions; recount from the list if given). */
function ours555(stdout: string): string {
  const json = JSON.parse(stdout) as { customers: number; breaks: { monetary: number[] } };
  return `${json.customers} customers, M breaks ${json.breaks.monetary.map((v) => v.toFixed(2)).join("/")}`;
}

// ---- In-process jobs on the same orders: readers and scoring engines ----------------------------------------

type Job = () => Promise<unknown> | unknown;

async function jobFor(name: string): Promise<{ run: Job; check: (result: unknown) => number | Promise<number> }> {
  const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: AS_OF };
  switch (name) {
    case "read-bytes": {
      const bytes = readFileSync(ordersFile(1_000_000));
      return { run: () => readDelimitedOrderBytes(bytes, { sheet: "orders", source: "orders.csv", expectedBytes: bytes.length }).table, check: (t) => (t as OrderTable).customerIds.length };
    }
    case "read-grid": {
      const bytes = readFileSync(ordersFile(1_000_000));
      return { run: () => readOrderGrid({ sheet: "orders", values: parseDelimitedText(bytes.toString("utf8")) }).table, check: (t) => (t as OrderTable).customerIds.length };
    }
    case "score": {
      const orders = generateOrders();
      return { run: () => segmentOrders(orders, settings), check: (r) => topCount((r as ReturnType<typeof segmentOrders>).scores) };
    }
    case "arquero":
      return arqueroJob(generateOrders());
    case "duckdb":
      return duckdbJob(generateOrders());
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
  const base = aq.table({ customer: orders.customer, day: orders.day, amount: orders.amountMinor });
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

async function duckdbJob(orders: OrderTable) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  await connection.run("CREATE OR REPLACE TABLE orders (customer INTEGER, day INTEGER, amount BIGINT)");
  const appender = await connection.createAppender("orders");
  for (let i = 0; i < orders.rows; i++) {
    appender.appendInteger(orders.customer[i]);
    appender.appendInteger(orders.day[i]);
    appender.appendBigInt(BigInt(orders.amountMinor[i]));
    appender.endRow();
  }
  appender.closeSync();
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
  const check = await job.check(result);
  process.stdout.write(JSON.stringify({ name, medianMs: median(times), minMs: Math.min(...times), peakMb: process.resourceUsage().maxRSS / 1024, check }));
}

function inProcess(name: string): Result {
  const out = execFileSync(process.execPath, ["--max-old-space-size=8192", __filename, name], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out) as Result;
}

// ---- Report -----------------------------------------------------------------------------------------------

const ms = (v: number) => `${Math.round(v).toLocaleString("en-US")} ms`;
const mb = (v: number) => `${Math.round(v).toLocaleString("en-US")} MB`;

function row(r: Result, goal = "", verdict = ""): string {
  const cpu = r.cpuMs === undefined ? "" : ms(r.cpuMs);
  return `${r.name.padEnd(17)}${ms(r.medianMs).padStart(11)}${ms(r.minMs).padStart(11)}${cpu.padStart(11)}${mb(r.peakMb).padStart(10)}  ${goal.padEnd(40)} ${verdict}`;
}

function main(): void {
  const million = ordersFile(1_000_000);
  const fiveMillion = ordersFile(5_000_000);
  const review = ordersFile(300_000);
  const monthly = join(ROOT, "samples", "shop-2025q3", "monthly.csv");
  const reviewOut = join(DATA, "review.xlsx");
  console.log(`Order-list benchmark: ${RUNS} runs per job, one process per job; orders of orders/5 customers over ${DAYS} days, as of ${AS_OF_ISO}.`);
  console.log(`Machine: ${require("node:os").cpus().length} cores, load average ${require("node:os").loadavg().map((l: number) => l.toFixed(1)).join(" ")}, Node ${process.version}`);
  const segmentArgs = (file: string, list: boolean) => ["segment", file, "--as-of", AS_OF_ISO, "--json", ...(list ? [] : ["--no-customer-list"])];
  const pandasJob: ProcessJob = {
    name: "pandas-1m",
    command: PYTHON,
    args: [join(ROOT, "bench", "segmentation_pandas.py"), million, AS_OF_ISO],
    usage: (stdout) => {
      const json = JSON.parse(stdout) as { peakRssMb: number; cpuMs: number };
      return { peakMb: json.peakRssMb, cpuMs: json.cpuMs };
    },
    check: (stdout) => {
      const json = JSON.parse(stdout) as { customers: number; breaks: { monetary: number[] } };
      return `${json.customers} customers, M breaks ${json.breaks.monetary.map((v) => v.toFixed(2)).join("/")}`;
    },
  };
  const pandasRuns = spawnSync(PYTHON, ["-c", "import pandas"]).status === 0;
  if (!pandasRuns) console.log(`pandas is not installed for ${PYTHON}: install Debian's python3-pandas (scripts/setup.sh does).`);
  const [ours, oneThread, withList, pandas] = measureProcesses(
    [
      kpiReview("segment-1m", segmentArgs(million, false), ours555),
      kpiReview("segment-1m-1thread", segmentArgs(million, false), ours555, ONE_THREAD),
      kpiReview("segment-1m-list", segmentArgs(million, true)),
      ...(pandasRuns ? [pandasJob] : []),
    ],
    RUNS,
  ) as [Result, Result, Result, Result | undefined];
  // Past Excel's 1,048,576 rows `segment` picks DuckDB by default; the goal is for our engine: --engine ts.
  const [five, fiveOneThread, reviewRun] = measureProcesses(
    [
      kpiReview("segment-5m", [...segmentArgs(fiveMillion, false), "--engine", "ts"]),
      kpiReview("segment-5m-1thread", [...segmentArgs(fiveMillion, false), "--engine", "ts"], undefined, ONE_THREAD),
      kpiReview("review-300k", ["review", monthly, "--orders", review, "--as-of", AS_OF_ISO, "-o", reviewOut, "--force"]),
    ],
    Math.min(RUNS, 3),
  );
  const readBytes = inProcess("read-bytes");
  const readGrid = inProcess("read-grid");
  const score = inProcess("score");
  const arquero = inProcess("arquero");
  const duckdb = inProcess("duckdb");

  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("");
  console.log(`${"job".padEnd(17)}${"median".padStart(11)}${"fastest".padStart(11)}${"CPU".padStart(11)}${"peak".padStart(10)}  ${"goal".padEnd(40)}`);
  console.log(row(ours, "≤ 600 ms, < 500 MB", verdict(ours.medianMs <= 600 && ours.peakMb < 500)));
  console.log(row(oneThread, `the file read on one thread: ${(oneThread.medianMs / ours.medianMs).toFixed(2)}× the two`));
  if (pandas) {
    const ratio = ours.medianMs / pandas.medianMs;
    const cpuRatio = ours.cpuMs! / pandas.cpuMs!;
    console.log(row(pandas, `ours / pandas ${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)}); goal ≤ 0.50`, verdict(ratio <= 0.5)));
  }
  console.log(row(withList, "(with the 200,000-customer list)"));
  console.log(row(five, "≤ 3,000 ms, ≤ 1.5 GB", verdict(five.medianMs <= 3000 && five.peakMb <= 1536)));
  console.log(row(fiveOneThread, `the file read on one thread: ${(fiveOneThread.medianMs / five.medianMs).toFixed(2)}× the two`));
  console.log(row(reviewRun, `was 5.9 s, 902 MB: ${(5900 / reviewRun.medianMs).toFixed(1)}× faster, ${(902 / reviewRun.peakMb).toFixed(1)}× less`));
  console.log("");
  console.log("Inside one process, 1,000,000 orders:");
  console.log(row(readBytes, "CSV bytes → typed columns"));
  console.log(row(readGrid, `CSV → grid of strings → columns: ${(readGrid.medianMs / readBytes.medianMs).toFixed(1)}× the byte reader`));
  console.log(row(score, "our segmentation (all of it)", `555: ${score.check}`));
  console.log(row(arquero, `arquero, scores only: ${(arquero.medianMs / score.medianMs).toFixed(2)}× ours`, `555: ${arquero.check}`));
  console.log(row(duckdb, `DuckDB (2 threads), scores only: ${(duckdb.medianMs / score.medianMs).toFixed(2)}× ours`, `555: ${duckdb.check}`));
  console.log("");
  console.log("CPU: user + system time of the process (all its threads), which the machine's other load disturbs least.");
  console.log(`Checks: ours ${ours.check}${pandas ? `; pandas ${pandas.check}` : ""}.`);
  console.log(new Set([score.check, arquero.check, duckdb.check]).size === 1 ? "Our engine, arquero and DuckDB agree on the customers at 555." : "WARNING: the engines disagree on the customers at 555.");
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
