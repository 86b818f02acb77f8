/**
 * `npm run bench` (review part): the review from an order list alone, with 1,000,000 orders (about 1.5 million
 * lines, 340,000 customers, 760 products in 8 categories, two years; bench/syntheticOrders.ts).
 *   cli      the goal: `kpi-review review --orders orders.csv -o review.xlsx`, whole process (CSV bytes →
 *            typed order columns with product, category and quantity → the review → the .xlsx file), wall time,
 *            CPU time and peak resident memory
 *   review   inside one process, the phases after reading: typed order columns → the review model (monthly
 *            figures, scorecard, segmentation, products, categories, cohorts) → the workbook description → bytes
 *   read     inside one process: the CSV by the byte reader into typed order columns
 * The CSV is generated deterministically once, in the system's temporary folder. Timing is for information; no
 * test depends on it. The CLI job runs the built CLI (`npm run build:cli`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticOrderCsv, syntheticOrders, type SyntheticOrders } from "./syntheticOrders";
import { buildReview } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { writeXlsx } from "../src/xlsx/writeXlsx";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";
import { readDelimitedOrderBytes } from "../src/engine/customers/delimitedOrders";
import { withExactAmounts, type OrderTable } from "../src/engine/customers/orderTable";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const ROOT = join(__dirname, "..", "..");
const DATA = join(tmpdir(), "kpi-review-bench");
const BIN = join(ROOT, "bin", "kpi-review.js");
const PRELOAD = join(__dirname, "peakMemory.js");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The synthetic list as the typed columns the reader would give (category and quantity included). */
function orderTable(list: SyntheticOrders): OrderTable {
  return withExactAmounts({
    rows: list.rows,
    customer: list.customer,
    customerIds: list.customerIds,
    day: list.day,
    amount: list.amount,
    order: list.orderId,
    orderIds: Array.from({ length: ORDERS }, (_, o) => `O${o + 1}`),
    product: list.product,
    productIds: list.productIds,
    productNames: list.productNames,
    category: list.category,
    categoryIds: list.categoryIds,
    quantity: list.quantity,
  });
}

/** The order list as a shop exports it (written once). */
function ordersFile(): string {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, `review-orders-${ORDERS}.csv`);
  if (!existsSync(path)) writeFileSync(path, syntheticOrderCsv(syntheticOrders({ orders: ORDERS })));
  return path;
}

async function review(): Promise<string> {
  const list = syntheticOrders({ orders: ORDERS });
  const table = orderTable(list);
  const start = performance.now();
  const model = buildReview({
    targets: [],
    orders: { table, settings: DEFAULT_SEGMENTATION_SETTINGS, rejectedRows: 0, source: "bench" },
    lang: "zh",
    source: "bench",
    generatedAt: new Date("2026-01-05T09:00:00Z"),
  });
  const engine = performance.now();
  const spec = reviewWorkbook(model);
  const layout = performance.now();
  const bytes = await writeXlsx(spec, { created: new Date("2026-01-05T09:00:00Z") });
  const written = performance.now();
  return `${list.rows.toLocaleString("en-US")} lines, ${list.customerIds.length.toLocaleString("en-US")} customers, ${spec.sheets.length} sheets, ${(bytes.length / 1e6).toFixed(1)} MB: engine ${seconds(engine - start)}, layout ${seconds(layout - engine)}, xlsx ${seconds(written - layout)}, total ${seconds(written - start)}`;
}

function read(): string {
  const bytes = readFileSync(ordersFile());
  const start = performance.now();
  const result = readDelimitedOrderBytes(bytes, { sheet: "orders", source: "orders.csv", expectedBytes: bytes.length });
  const end = performance.now();
  return `${result.table.rows.toLocaleString("en-US")} lines, ${result.table.categoryIds?.length ?? 0} categories, quantity ${result.table.quantity ? "yes" : "no"}: ${seconds(end - start)}`;
}

async function child(job: string): Promise<void> {
  const result = job === "review" ? await review() : read();
  const usage = process.resourceUsage();
  // CPU time too: on a shared machine the wall time grows with the load, the CPU time much less.
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`${job.padEnd(7)} ${result} · process CPU ${cpu.toFixed(1)} s (review: with generating the list) · peak ${(usage.maxRSS / 1024).toFixed(0)} MB\n`);
}

/** The whole command, as an analyst runs it. */
function cli(): string {
  const input = ordersFile();
  const output = join(DATA, `review-${ORDERS}.xlsx`);
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", PRELOAD, BIN, "review", "--orders", input, "-o", output, "--lang", "zh"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`kpi-review review failed: ${run.stderr}`);
  const peak = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/CPU_MS ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN);
  return `cli     ${(statSync(input).size / 1e6).toFixed(0)} MB CSV → ${(statSync(output).size / 1e6).toFixed(1)} MB review.xlsx: ${seconds(wall)} (process CPU ${seconds(cpu)}) · peak ${peak.toFixed(0)} MB\n`;
}

if (process.argv[2]) {
  void child(process.argv[2]);
} else {
  process.stdout.write(`review from an order list alone, ${ORDERS.toLocaleString("en-US")} orders (goal: within 10 s and 1.5 GB)\n`);
  ordersFile();
  process.stdout.write(cli());
  for (const job of ["review", "read"]) {
    process.stdout.write(execFileSync(process.execPath, ["--max-old-space-size=4096", __filename, job], { encoding: "utf8" }));
  }
}
