/**
 * Files the command line writes (domain.md): never onto an input, an existing workbook replaced only when this
 * tool wrote it (or with --force), a failure half-way leaves the old file intact, folder and extension
 * problems are one line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli, SAMPLES, ROOT_DIR } from "./helpers/cli";
import { sampleSheet } from "./helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-out-"));
const MONTHLY = join(dir, "monthly.csv");
copyFileSync(join(SAMPLES, "platform-2025", "monthly.csv"), MONTHLY);
const ORDERS = join(dir, "orders.csv");
writeFileSync(ORDERS, "customer_id,date,amount\na,2025-01-05,10\nb,2025-03-01,20.5\nc,2025-06-01,7\n");

/** A workbook someone else made: the monthly data typed into Excel. */
async function foreignWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("月度数据");
  for (const row of sampleSheet("platform-2025/monthly.csv")) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

async function customProperties(path: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file("docProps/custom.xml")?.async("string")) ?? null;
}

const review = (...args: string[]) => runCli(["review", MONTHLY, "--generated-at", "2026-01-01T00:00:00Z", ...args]);

test("onto an input: refused, the input unchanged, however the path is spelled", async () => {
  const input = join(dir, "data.xlsx");
  await foreignWorkbook(input);
  const before = readFileSync(input);
  const link = join(dir, "link.xlsx");
  symlinkSync(input, link);
  for (const output of [input, join(dir, ".", "..", dir.split("/").pop()!, "data.xlsx"), link]) {
    const out = await runCli(["review", input, "-o", output, "--force"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^kpi-review: .*这是输入文件之一，不能覆盖/);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
  }
  expect(readFileSync(input).equals(before)).toBe(true);
  const orders = await review("--orders", ORDERS, "-o", join(dir, "r0.xlsx"), "--customers-out", ORDERS, "--lang", "en");
  expect(orders.stderr).toContain("this is one of the input files");
});

test("onto a workbook this tool did not write: refused, then replaced with --force (and marked)", async () => {
  const foreign = join(dir, "foreign.xlsx");
  await foreignWorkbook(foreign);
  const before = readFileSync(foreign);
  const refused = await review("-o", foreign);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("文件已存在且不是本工具生成的，未覆盖；确认要替换请加 --force");
  expect(readFileSync(foreign).equals(before)).toBe(true);
  expect(await customProperties(foreign)).toBeNull();
  const forced = await review("-o", foreign, "--force");
  expect(forced.code).toBe(0);
  expect(await customProperties(foreign)).toContain('name="KpiReviewGenerator"><vt:lpwstr>kpi-review</vt:lpwstr>');
});

test("onto its own earlier review: replaced without --force", async () => {
  const own = join(dir, "review.xlsx");
  expect((await review("-o", own)).code).toBe(0);
  const first = readFileSync(own);
  const again = await runCli(["review", MONTHLY, "--generated-at", "2026-02-01T00:00:00Z", "-o", own, "--lang", "en"]);
  expect(again.code).toBe(0);
  expect(readFileSync(own).equals(first)).toBe(false);
  // Another tool's file with our name is still foreign: the mark decides, not the name.
  writeFileSync(own, "not a workbook");
  expect((await review("-o", own)).code).toBe(2);
});

test("a write that fails half-way (file-size limit) leaves the old file intact and no temporary file", async () => {
  const bin = join(ROOT_DIR, "bin", "kpi-review.js");
  if (!existsSync(join(ROOT_DIR, "lib", "cli", "main.js"))) execFileSync(process.execPath, [join(ROOT_DIR, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT_DIR, "tsconfig.cli.json")]);
  const target = join(dir, "limited.xlsx");
  expect((await review("-o", target)).code).toBe(0);
  const before = readFileSync(target);
  expect(before.length).toBeGreaterThan(20 * 1024);
  // ulimit -f counts 1024-byte blocks: 16 KB is less than the review needs.
  const child = spawnSync("bash", ["-c", `ulimit -f 16; exec "${process.execPath}" "${bin}" review "${MONTHLY}" -o "${target}"`], { encoding: "utf8" });
  expect(child.status).toBe(1);
  // In the analyst's language only: 写入失败（文件超出大小限制）, never the English reason inside the Chinese line.
  expect(child.stderr).toMatch(/^kpi-review: .*写入失败（文件超出大小限制）/);
  expect(child.stderr).not.toMatch(/file too large/);
  expect(child.stderr.trim().split("\n")).toHaveLength(1);
  const english = spawnSync("bash", ["-c", `ulimit -f 16; exec "${process.execPath}" "${bin}" review "${MONTHLY}" -o "${target}" --lang en`], { encoding: "utf8" });
  expect(english.stderr).toMatch(/^kpi-review: .*writing failed \(file too large\); any existing file was left as it was\n$/);
  expect(readFileSync(target).equals(before)).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("folder and extension problems are one line", async () => {
  const missing = await review("-o", join(dir, "no-such-folder", "review.xlsx"));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/^kpi-review: .*文件夹 .*no-such-folder 不存在/);
  expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  const folder = await review("-o", dir, "--lang", "en");
  expect(folder.code).toBe(2);
  expect(folder.stderr).toContain("this is a folder; give a file name");
  const extension = await review("-o", join(dir, "review.pdf"), "--lang", "en");
  expect(extension.code).toBe(2);
  expect(extension.stderr).toBe(`kpi-review: ${join(dir, "review.pdf")}: the output file must end in .xlsx\n`);
});

test("--customers-out: every customer as CSV, replaced on the next run, a foreign CSV refused", async () => {
  const csv = join(dir, "customers.csv");
  const first = await runCli(["segment", ORDERS, "--customers-out", csv, "--as-of", "2025-07-01"]);
  expect(first.code).toBe(0);
  const lines = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("id,recency,frequency,monetary,R,F,M,segment,class8,tier");
  // a: 2025-01-05 → 177 days before 2025-07-01; b: 122 days, 20.5; c: 30 days.
  expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual(["a,177,1,10", "b,122,1,20.5", "c,30,1,7"]);
  expect((await runCli(["segment", ORDERS, "--customers-out", csv])).code).toBe(0);
  const theirs = join(dir, "theirs.csv");
  writeFileSync(theirs, "name,phone\n");
  const refused = await runCli(["segment", ORDERS, "--customers-out", theirs]);
  expect(refused.code).toBe(2);
  expect(readFileSync(theirs, "utf8")).toBe("name,phone\n");
});
