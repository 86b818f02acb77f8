/**
 * `npm run bench` (review part): the review from an order list alone, with 1,000,000 orders (about 1.5 million
 * lines, 340,000 customers, 760 products in 8 categories, two years; bench/syntheticOrders.ts). Each phase runs
 * in a child process of its own and reports its time and the process's peak resident memory:
 *   review   typed order columns → the review model (monthly figures, scorecard, segmentation, products,
 *            categories, cohorts) → the workbook description → the .xlsx bytes (every sheet, the customer list too)
 *   read     the same list as CSV text → grid → typed order columns with category and quantity
 * Timing is for information; no test depends on it.
 */
import { execFileSync } from "node:child_process";
import { syntheticOrderCsv, syntheticOrders, type SyntheticOrders } from "./syntheticOrders";
import { buildReview } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { writeXlsx } from "../src/xlsx/writeXlsx";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { readOrderLines } from "../src/engine/orders/orderLines";
import type { OrderTable } from "../src/engine/customers/orderTable";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);

function orderTable(list: SyntheticOrders): OrderTable {
  return {
    rows: list.rows,
    customer: list.customer,
    customerIds: list.customerIds,
    day: list.day,
    amount: list.amount,
    order: list.orderId,
    orderIds: Array.from({ length: ORDERS }, (_, o) => `O${o + 1}`),
    product: list.product,
    productIds: list.productIds,
  };
}

async function review(): Promise<string> {
  const list = syntheticOrders({ orders: ORDERS });
  const table = orderTable(list);
  const start = performance.now();
  const model = buildReview({
    targets: [],
    orders: { table, lines: { orders: table, category: list.category, categoryIds: list.categoryIds, quantity: list.quantity }, settings: DEFAULT_SEGMENTATION_SETTINGS, rejectedRows: 0, source: "bench" },
    lang: "zh",
    source: "bench",
    generatedAt: new Date("2026-01-05T09:00:00Z"),
  });
  const engine = performance.now();
  const spec = reviewWorkbook(model);
  const layout = performance.now();
  const bytes = await writeXlsx(spec, { created: new Date("2026-01-05T09:00:00Z") });
  const written = performance.now();
  return `${list.rows.toLocaleString("en-US")} lines, ${list.customerIds.length.toLocaleString("en-US")} customers, ${spec.sheets.length} sheets, ${(bytes.length / 1e6).toFixed(1)} MB: engine ${((engine - start) / 1000).toFixed(2)} s, layout ${((layout - engine) / 1000).toFixed(2)} s, xlsx ${((written - layout) / 1000).toFixed(2)} s, total ${((written - start) / 1000).toFixed(2)} s`;
}

function read(): string {
  const text = syntheticOrderCsv(syntheticOrders({ orders: ORDERS }));
  const start = performance.now();
  const grid = { sheet: "orders.csv", values: parseDelimitedText(text) };
  const lines = readOrderLines(grid);
  const end = performance.now();
  return `${lines.table.rows.toLocaleString("en-US")} lines, categories ${lines.lines.categoryIds?.length ?? 0}: ${((end - start) / 1000).toFixed(2)} s`;
}

async function child(job: string): Promise<void> {
  const result = job === "review" ? await review() : read();
  const usage = process.resourceUsage();
  // CPU time too: on a shared machine the wall time grows with the load, the CPU time much less.
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`${job.padEnd(7)} ${result} · process CPU ${cpu.toFixed(1)} s (with generating the list) · peak ${(usage.maxRSS / 1024).toFixed(0)} MB\n`);
}

if (process.argv[2]) {
  void child(process.argv[2]);
} else {
  process.stdout.write(`review from an order list alone, ${ORDERS.toLocaleString("en-US")} orders (goal: review within 10 s and 1.5 GB)\n`);
  for (const job of ["review", "read"]) {
    process.stdout.write(execFileSync(process.execPath, ["--max-old-space-size=4096", __filename, job], { encoding: "utf8" }));
  }
}
