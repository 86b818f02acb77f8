/** The command-line door: text and JSON output, xlsx input, and bad input reported by cell with a non-zero exit. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { runCli, SAMPLES } from "./helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-cli-"));
const platform = (file: string) => join(SAMPLES, "platform-2025", file);
const badCsv = join(dir, "bad.csv");
writeFileSync(badCsv, "月份,GMV,访客数\n2025-01,100,1000\n2025-02,abc,1000\n2025/2,100,\n");

test("the text scorecard is Chinese by default and aligned", async () => {
  const { code, stdout } = await runCli(["kpis", platform("monthly.csv"), "--targets", platform("targets.csv")]);
  expect(code).toBe(0);
  expect(stdout).toContain("核心指标达成 · 期间 2025-01..2025-12 · 对比期间 2024-01..2024-12");
  const gmvLine = stdout.split("\n").find((l) => l.startsWith("GMV "))!;
  expect(gmvLine).toMatch(/28\.6亿\s+25亿\s+114\.4%\s+21\.19亿\s+\+35\.0%\s+达成/);
  expect(stdout).toMatch(/复购率.*38\.0%.*\+5\.0pp.*达成/);
  expect(stdout).toContain("GMV 变化归因 (LMDI)");
});

test("--lang en speaks English", async () => {
  const { stdout } = await runCli(["kpis", platform("monthly.csv"), "--targets", platform("targets.csv"), "--lang", "en"]);
  expect(stdout).toMatch(/^Scorecard · Period 2025-01\.\.2025-12/);
  expect(stdout).toMatch(/Ad spend.*97\.9%.*Close/);
});

test("an xlsx sheet with dates, formulas and units reads like the CSV", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("月度数据");
  sheet.addRow(["2025 月度数据"]);
  sheet.addRow(["月份", "GMV(万元)", "访客数", "支付买家数"]);
  for (let m = 1; m <= 12; m++) {
    sheet.addRow([new Date(Date.UTC(2024, m - 1, 1)), 100, 10000, 100]);
  }
  for (let m = 1; m <= 12; m++) {
    const r = sheet.rowCount + 1;
    sheet.addRow([new Date(Date.UTC(2025, m - 1, 1)), { formula: `B${r - 12}*1.1`, result: 110 }, "1.1万", 100]);
  }
  const path = join(dir, "monthly.xlsx");
  await workbook.xlsx.writeFile(path);
  const { code, stdout, stderr } = await runCli(["kpis", path, "--sheet", "月度数据", "--json"]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const card = JSON.parse(stdout);
  const gmv = card.metrics.find((m: { key: string }) => m.key === "gmv");
  expect(gmv.actual).toBeCloseTo(12 * 110 * 1e4, 6);
  expect(gmv.growth).toBeCloseTo(0.1, 12);
  const conversion = card.metrics.find((m: { key: string }) => m.key === "conversion");
  expect(conversion.actual).toBeCloseTo(100 / 11000, 12);
});

test("bad input exits non-zero with every bad cell on stderr", async () => {
  const { code, stdout, stderr } = await runCli(["kpis", badCsv]);
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toContain('bad!B3: 无法识别数值 "abc"');
  expect(stderr).toContain("bad!A4: 月份 2025-02 重复（已在 bad!A3 出现）");
});

test("usage errors name the option", async () => {
  const { code, stderr } = await runCli(["kpis", platform("monthly.csv"), "--from", "June"]);
  expect(code).toBe(2);
  expect(stderr).toContain("--from June: expected a month such as 2025-06");
  expect((await runCli(["kpis", join(dir, "missing.csv")])).stderr).toContain("找不到文件");
  expect((await runCli(["kpis", join(dir, "missing.csv"), "--lang", "en"])).stderr).toContain("file not found");
});

test("the installed bin runs the same command", () => {
  const bin = join(__dirname, "..", "bin", "kpi-review.js");
  const ok = spawnSync(process.execPath, [bin, "kpis", platform("monthly.csv"), "--targets", platform("targets.csv"), "--json"], { encoding: "utf8" });
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout).metrics[0].key).toBe("gmv");
  const bad = spawnSync(process.execPath, [bin, "kpis", badCsv], { encoding: "utf8" });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("bad!B3");
});
