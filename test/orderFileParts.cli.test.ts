/**
 * Large order files are read in two parts on two threads (src/cli/orderFileParts.ts): the built command line,
 * made to read every file in parts (KPI_REVIEW_READ_IN_PARTS=always) or in one go (=never), prints the very same
 * output — ids, rejected rows with their cells, slash dates settled by a value in the second part, blank order
 * ids, product names — and a quoted field across the cut falls back to one go.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "kpi-parts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, parts: "always" | "never", extra: string[] = []) {
  const out = spawnSync(process.execPath, [join(ROOT, "bin", "kpi-review.js"), "segment", file, "--json", "--as-of", "2025-07-01", ...extra], {
    encoding: "utf8",
    env: { ...process.env, KPI_REVIEW_READ_IN_PARTS: parts },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** `rows` order lines; `line(i)` gives line i's cells. */
function writeList(name: string, rows: number, line: (i: number) => string[]): string {
  const text = ["订单明细（导出）", "买家昵称,订单编号,付款时间,实付金额,商品ID,商品名称", ...Array.from({ length: rows }, (_, i) => line(i).join(","))].join("\r\n") + "\r\n";
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const BUYERS = ["张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十"];

test("in parts and in one go: the same summaries, customer list, rejected rows and notes", () => {
  const rows = 6000;
  const file = writeList("orders.csv", rows, (i) => [
    `${BUYERS[i % 8]}${Math.floor(i / 40)}`,
    // Blank order ids now and then (each its own order).
    i % 97 === 0 ? "" : `E${100000 + i}`,
    // Day and month both ≤ 12 in the first half (ambiguous); day-first values only in the second half.
    i < rows / 2 ? `${1 + (i % 12)}/${1 + (i % 6)}/2025` : `${13 + (i % 15)}/${1 + (i % 6)}/2025`,
    // A row the reader rejects in each half, and amounts with one to three decimals.
    i === 1234 || i === 4321 ? "n/a" : (10 + (i % 500) / (i % 3 === 0 ? 1000 : 10)).toString(),
    `SKU${i % 50}`,
    `"商品 ${i % 50}, 规格 ${i % 4}"`,
  ]);
  const inParts = run(file, "always");
  const inOneGo = run(file, "never");
  expect(inOneGo.code).toBe(0);
  expect(inParts).toEqual(inOneGo);
  const json = JSON.parse(inOneGo.stdout) as { customers: number; rejectedRows: number; customerList: unknown[] };
  expect(json.rejectedRows).toBe(2);
  expect(json.customers).toBe(json.customerList.length);
  // The rejected rows are named at their cells: the title line and header take rows 1 and 2, order line i is row i + 3.
  expect(inOneGo.stderr).toContain("orders!D1237");
  expect(inOneGo.stderr).toContain("orders!D4324");
});

test("a quoted field holding a line break across the cut: read in one go, the same output", () => {
  // One long quoted note spanning many lines around the middle of the file.
  const rows = 400;
  const file = writeList("quoted.csv", rows, (i) => [`c${i % 30}`, `O${i}`, `2025-0${1 + (i % 6)}-1${i % 10}`, "12.5", `P${i % 7}`, i === rows / 2 - 10 ? `"备注${"\n续行".repeat(400)}"` : "名"]);
  const inParts = run(file, "always");
  expect(inParts.code).toBe(0);
  expect(inParts).toEqual(run(file, "never"));
});
