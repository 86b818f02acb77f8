/**
 * The platform sample as analysts' tools actually hand it over: saved by Chinese Excel (GBK), as "Unicode text"
 * (UTF-16LE, tab-separated), as daily rows (生意参谋's 统计日期), with a 渠道 column; plus a legacy .xls and an
 * xlsx formula without a cached value, which are refused with what to do. Each must give the sample's figures.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { runCli, SAMPLES } from "./helpers/cli";
import { computeReviewInputs } from "../src/cli/reviewInputs";
import { buildReview } from "../src/engine/review/reviewModel";
import { readMonthlyGrid } from "../src/engine/read/monthlyTable";
import { computeScorecard } from "../src/engine/kpi/scorecard";
import { daysInMonth, formatMonth, makeMonth } from "../src/engine/read/month";

const dir = mkdtempSync(join(tmpdir(), "kpi-real-"));
const sample = (file: string) => readFileSync(join(SAMPLES, "platform-2025", file), "utf8");
const MONTHLY = sample("monthly.csv");
const TARGETS = sample("targets.csv");

/** GBK bytes for text, from a reverse map built now from the platform's own GB18030 decoder (no table checked in). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated. */
function encodeUtf16Tabs(csv: string): Uint8Array {
  const text = csv.replace(/,/g, "\t");
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

type JsonMetric = { key: string; actual: number | null; previous: number | null; target: number | null; rule: string };

async function cardOf(monthly: string, targets?: string) {
  const { code, stdout, stderr } = await runCli(["kpis", monthly, ...(targets ? ["--targets", targets] : []), "--json"]);
  if (code !== 0) throw new Error(stderr);
  return JSON.parse(stdout) as { metrics: JsonMetric[]; warnings: string[] };
}

function expectSameFigures(actual: JsonMetric[], expected: JsonMetric[]) {
  expect(actual.map((m) => m.key)).toEqual(expected.map((m) => m.key));
  actual.forEach((m, i) => {
    for (const field of ["actual", "previous", "target"] as const) {
      const want = expected[i][field];
      if (want === null) expect(m[field]).toBeNull();
      else expect(Math.abs(m[field]! - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
    }
  });
}

let reference: { metrics: JsonMetric[]; warnings: string[] };
beforeAll(async () => {
  reference = await cardOf(join(SAMPLES, "platform-2025", "monthly.csv"), join(SAMPLES, "platform-2025", "targets.csv"));
});

describe("encodings", () => {
  test("GBK files read like the UTF-8 sample, and the output names the encoding", async () => {
    const monthly = write("monthly-gbk.csv", encodeGbk(MONTHLY));
    const targets = write("targets-gbk.csv", encodeGbk(TARGETS));
    // The bytes really are not UTF-8 (else the test would prove nothing).
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(monthly))).toThrow();
    const card = await cardOf(monthly, targets);
    expectSameFigures(card.metrics, reference.metrics);
    expect(card.warnings.slice(0, 2)).toEqual(["monthly-gbk.csv: 文件编码为 GB18030/GBK，已按此读取", "targets-gbk.csv: 文件编码为 GB18030/GBK，已按此读取"]);
    const text = await runCli(["kpis", monthly, "--lang", "en"]);
    expect(text.stdout).toContain("monthly-gbk.csv: the file is encoded as GB18030/GBK");
    // The review's data-source line names it too.
    const { input } = await computeReviewInputs(monthly, { targets, lang: "zh", output: "" });
    expect(input.source).toBe("monthly-gbk.csv (GB18030/GBK) + targets-gbk.csv (GB18030/GBK)");
  });

  test("UTF-16 with a BOM, tab-separated (Excel's Unicode text)", async () => {
    const monthly = write("monthly-utf16.txt", encodeUtf16Tabs(MONTHLY));
    const targets = write("targets-utf16.txt", encodeUtf16Tabs(TARGETS));
    const card = await cardOf(monthly, targets);
    expectSameFigures(card.metrics, reference.metrics);
    expect(card.warnings[0]).toContain("UTF-16LE");
  });

  test("a legacy .xls is refused with what to do", async () => {
    const xls = write("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const { code, stderr } = await runCli(["kpis", xls]);
    expect(code).toBe(1);
    expect(stderr).toContain("old.xls");
    expect(stderr).toContain("另存为 .xlsx");
    expect((await runCli(["kpis", xls, "--lang", "en"])).stderr).toContain("save it as .xlsx");
  });

  test("a damaged xlsx, text named .xlsx, a missing file or sheet: one line naming the file and what to do, no stack trace", async () => {
    const good = new ExcelJS.Workbook();
    good.addWorksheet("月度数据").addRow(["月份", "GMV"]);
    const goodPath = join(dir, "good.xlsx");
    await good.xlsx.writeFile(goodPath);
    const truncated = write("truncated.xlsx", readFileSync(goodPath).subarray(0, 300)); // a download cut short
    const text = write("csv-named.xlsx", new TextEncoder().encode("月份,GMV\n2025-01,100\n"));
    const cases: Array<[string[], string, string]> = [
      [["kpis", truncated], "已损坏或不完整", "damaged or incomplete"],
      [["kpis", text], "请把扩展名改为 .csv", "rename it to .csv"],
      [["kpis", join(dir, "nowhere.csv")], "找不到文件", "file not found"],
      [["kpis", goodPath, "--sheet", "明细"], '没有名为 "明细" 的工作表（现有：月度数据）', 'no sheet named "明细" (sheets: 月度数据)'],
    ];
    for (const [args, zh, en] of cases) {
      const result = await runCli(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(args[1]);
      expect(result.stderr).toContain(zh);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect((await runCli([...args, "--lang", "en"])).stderr).toContain(en);
    }
  });

  test("an xlsx formula without a cached value is an error naming the cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("月度数据");
    sheet.addRow(["月份", "GMV", "访客数"]);
    sheet.addRow(["2025-01", 100, 1000]);
    sheet.addRow(["2025-02", { formula: "B2*2" }, 1000]);
    const path = join(dir, "formula.xlsx");
    await workbook.xlsx.writeFile(path);
    const { code, stderr } = await runCli(["kpis", path]);
    expect(code).toBe(1);
    expect(stderr).toContain("月度数据!B3");
    expect(stderr).toContain("公式没有计算结果");
  });
});

/** The sample's rows as records of numbers (an independent plain CSV split, not the project's reader). */
function sampleRows(): { header: string[]; rows: Array<{ month: string; values: number[] }> } {
  const [head, ...lines] = MONTHLY.trim().split(/\r?\n/).map((l) => l.split(","));
  return { header: head, rows: lines.map((l) => ({ month: l[0], values: l.slice(1).map(Number) })) };
}

const STOCK = "用户规模";

describe("daily rows add up to the platform sample", () => {
  test("each month spread evenly over its days (a stock rising to its month-end value) reads back to the same scorecard", async () => {
    const { header, rows } = sampleRows();
    const lines = [["统计日期", ...header.slice(1)].join(",")];
    for (const { month, values } of rows) {
      const [y, m] = month.split("-").map(Number);
      const days = daysInMonth(makeMonth(y, m));
      for (let d = 1; d <= days; d++) {
        const cells = values.map((v, c) => (header[c + 1] === STOCK ? v - (days - d) * 100 : v / days));
        lines.push([`${month}-${String(d).padStart(2, "0")}`, ...cells].join(","));
      }
    }
    const card = await cardOf(write("daily.csv", lines.join("\n")), join(SAMPLES, "platform-2025", "targets.csv"));
    expectSameFigures(card.metrics, reference.metrics);
    expect(card.warnings).toContain("daily!A2: 数据为按日明细（731 天），已按各指标规则汇总为 24 个月（求和；存量取月末；均值取日平均）");
  });

  test("a month with missing days is named", async () => {
    const lines = ["统计日期,GMV"];
    for (let d = 1; d <= 31; d++) if (d !== 14) lines.push(`2025-01-${String(d).padStart(2, "0")},100`);
    for (let d = 1; d <= 28; d++) lines.push(`2025-02-${String(d).padStart(2, "0")},100`);
    const { stdout } = await runCli(["kpis", write("gap.csv", lines.join("\n"))]);
    expect(stdout).toContain("以下月份的日数据不全：2025-01");
    expect(stdout).toMatch(/GMV\s+元\s+5,800/); // (30 + 28) days × 100
  });
});

describe("a 渠道 column", () => {
  test("two channels per month (the month on the first row only) add up to the sample; the breakdown reaches the review", async () => {
    const { header, rows } = sampleRows();
    const lines = [["月份", "渠道", ...header.slice(1)].join(",")];
    const split = (c: number) => (header[c + 1] === STOCK ? 0.7 : 0.6); // 天猫's part: 70% of the stock, 60% of the rest
    for (const { month, values } of rows) {
      lines.push([month, "天猫", ...values.map((v, c) => v * split(c))].join(","));
      lines.push(["", "京东", ...values.map((v, c) => v - v * split(c))].join(","));
    }
    const monthly = write("channels.csv", lines.join("\n"));
    const card = await cardOf(monthly, join(SAMPLES, "platform-2025", "targets.csv"));
    expectSameFigures(card.metrics, reference.metrics);
    const { input } = await computeReviewInputs(monthly, { lang: "zh", output: "" });
    const model = buildReview(input);
    expect(model.dimension!.dimension).toBe("渠道");
    expect(model.dimension!.rows.map((r) => [r.member, r.share])).toEqual([
      ["天猫", expect.closeTo(0.6, 12)],
      ["京东", expect.closeTo(0.4, 12)],
    ]);
    // Contributions add up to the change of the total: Σ (ACᵢ − PYᵢ) = ΔGMV.
    const delta = model.dimension!.total.actual! - model.dimension!.total.previous!;
    expect(model.dimension!.rows.reduce((s, r) => s + r.contribution!, 0)).toBeCloseTo(delta, 3);
  });
});

describe("property: a monthly table written as daily rows reads back to the same period figures", () => {
  test("sums, a stock and a mean, over any months", () => {
    const monthArb = fc.record({ gmv: fc.integer({ min: 0, max: 1e7 }), fans: fc.integer({ min: 0, max: 1e6 }), score: fc.integer({ min: 10, max: 50 }) });
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.array(monthArb, { minLength: 1, maxLength: 15 }), (year, first, months) => {
        const start = makeMonth(year, first);
        const header = ["月份", "GMV", "粉丝数", "DSR评分"];
        const monthly = [header, ...months.map((m, i) => [formatMonth(start + i), m.gmv, m.fans, m.score / 10])];
        const daily: unknown[][] = [["统计日期", "GMV", "粉丝数", "DSR评分"]];
        months.forEach((m, i) => {
          const days = daysInMonth(start + i);
          for (let d = 1; d <= days; d++) daily.push([`${formatMonth(start + i)}-${String(d).padStart(2, "0")}`, m.gmv / days, m.fans, m.score / 10]);
        });
        const period = { from: start, to: start + months.length - 1 };
        const a = computeScorecard(readMonthlyGrid({ sheet: "m", values: monthly }).table, [], { period });
        const b = computeScorecard(readMonthlyGrid({ sheet: "d", values: daily }).table, [], { period });
        expect(b.metrics.map((m) => m.key)).toEqual(a.metrics.map((m) => m.key));
        a.metrics.forEach((m, k) => {
          expect(Math.abs(b.metrics[k].actual! - m.actual!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(m.actual!)));
        });
      }),
      { numRuns: 40 },
    );
  });
});
