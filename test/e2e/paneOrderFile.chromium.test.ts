/**
 * Step ⑤ with an order file, in headless Chromium against the fake Excel host: the analyst switches to "a file",
 * picks it with the file input, the pane's Web Worker reads its head (checked like a range's first rows) and,
 * at Generate, all of it. A small GBK CSV in both languages (hand-checked figures, the data-source line names
 * the file); a ZSTD Parquet file refused with a message naming it, and the ways out; and a 5,000,000-order
 * Parquet file generated here by DuckDB, segmented in the pane, whose segments, tiers and 8 classes equal
 * DuckDB's own SQL on the same file, computed independently below (after a Cancel while the worker reads it).
 * The workbook never holds an order row.
 * The time and the Chromium processes' peak memory of the 5M run are printed (no timed assertion).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Page } from "playwright-core";
import { startHarness, type Harness } from "./chromiumHarness";
import { ROOT_DIR } from "../helpers/cli";
import { gbkBytes } from "../helpers/encodings";
import { paneSay, type PaneTextKey } from "../../src/i18n/paneText";
import type { Lang } from "../../src/i18n/issues";
import { SEGMENTS } from "../../src/engine/customers/segmentNames";

const SHOTS = join(ROOT_DIR, "test-output", "e2e");
const AXE = join(ROOT_DIR, "node_modules", "axe-core", "axe.min.js");
const DIR = mkdtempSync(join(tmpdir(), "kpi-pane-file-"));
const BIG_ORDERS = Number(process.env.KPI_PANE_FILE_ORDERS ?? 5_000_000);
const BIG = join(DIR, `orders-${BIG_ORDERS}.parquet`);
const ZSTD = join(DIR, "orders-zstd.parquet");
const GBK = join(DIR, "订单导出.csv");

let harness: Harness;

async function duck<T>(work: (all: (sql: string) => Promise<Array<Record<string, unknown>>>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** 1,000 orders of 200 customers in 2025 (GBK, as Chinese Excel saves "CSV"), headers as a Taobao export names them. */
function gbkOrders(): string {
  const lines = ["订单编号,买家会员名,订单付款时间,买家实际支付金额"];
  for (let i = 0; i < 1000; i++) lines.push(`T${i},买家${i % 200},2025-${String(1 + (i % 12)).padStart(2, "0")}-15 10:30:00,${100 + (i % 5)}.50`);
  return lines.join("\r\n") + "\r\n";
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(GBK, gbkBytes(gbkOrders()));
  // The large file as a warehouse exports it (bench/warehouse.ts's shape, Snappy as DuckDB writes by default):
  // BIG_ORDERS orders of a fifth as many customers, skewed towards heavy buyers, over two years, amounts in fen.
  const customers = Math.floor(BIG_ORDERS / 5);
  const select = (n: number) => `SELECT 'C' || lpad(CAST(CAST(floor(${customers} * pow((hash(i, 1) % 1000000) / 1000000.0, 2)) AS BIGINT) AS VARCHAR), 9, '0') AS customer_id,
             DATE '2024-01-01' + CAST(hash(i, 2) % 731 AS INTEGER) AS order_date,
             CAST(round(exp(3 + (hash(i, 3) % 1000) / 1000.0 * 3), 2) AS DECIMAL(12, 2)) AS amount,
             'O' || CAST(i AS VARCHAR) AS order_id
      FROM range(${n}) t(i)`;
  await duck(async (all) => {
    await all(`COPY (${select(BIG_ORDERS)}) TO '${BIG}' (FORMAT parquet, COMPRESSION snappy)`);
    await all(`COPY (${select(1000)}) TO '${ZSTD}' (FORMAT parquet, COMPRESSION zstd)`);
  });
  harness = await startHarness("e2e-order-file");
}, 600000);

afterAll(async () => {
  await harness?.close();
  rmSync(DIR, { recursive: true, force: true });
});

async function openPane(locale: string, width = 350): Promise<{ page: Page; errors: string[]; lang: Lang; T: (key: PaneTextKey, params?: Record<string, string | number>) => string }> {
  const page = await harness.browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript((setup) => Object.assign(window, { __HARNESS__: setup }), { locale, sheets: [{ name: "我的笔记", values: [["keep me"]] }] });
  await page.goto(harness.origin);
  await page.addScriptTag({ path: AXE });
  const lang = locale.slice(0, 2) as Lang;
  return { page, errors, lang, T: (key, params) => paneSay(lang, key, params) };
}

/** No serious or critical axe-core violation, no horizontal scroll; a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.screenshot({ path: join(SHOTS, `order-file-${name}.png`), fullPage: true });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  });
  expect({ name, violations }).toEqual({ name, violations: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** Every sheet of the fake workbook: its name, rows used, and its cells' values by address key. */
function workbook(page: Page): Promise<Array<{ name: string; rows: number; cells: Record<string, unknown> }>> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } }).__fake;
    return fake.sheets.map((sheet) => {
      const cells: Record<string, unknown> = {};
      let rows = 0;
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined || cell.formula === null || cell.formula === "") continue;
        cells[key] = cell.formula;
        rows = Math.max(rows, Number(key.split(",")[0]) + 1);
      }
      return { name: sheet.name, rows, cells };
    });
  });
}

/** Column B (customers) and D (revenue) of the rows whose column A is one of `names`, on a sheet. */
function groupRows(sheet: { cells: Record<string, unknown> }, names: readonly string[]): Record<string, { customers: number; revenue: number }> {
  const out: Record<string, { customers: number; revenue: number }> = {};
  for (const [key, value] of Object.entries(sheet.cells)) {
    const [row, col] = key.split(",").map(Number);
    if (col === 0 && typeof value === "string" && names.includes(value) && typeof sheet.cells[`${row},1`] === "number") {
      out[value] = { customers: sheet.cells[`${row},1`] as number, revenue: sheet.cells[`${row},3`] as number };
    }
  }
  return out;
}

const pickFile = (page: Page, path: string) => page.getByTestId("orders-file-input").setInputFiles(path);

describe.each(["zh-CN", "en-US"])("an order file in %s", (locale) => {
  test("a GBK CSV is checked when picked and gives the review; a ZSTD Parquet file is refused with ways out", async () => {
    const { page, errors, lang, T } = await openPane(locale, 270);
    const generate = page.getByRole("button", { name: T("generate") });
    // The choice between the workbook and a file, by keys: Tab to the radio group, arrow to "a file".
    await page.getByRole("radio", { name: T("ordersFromWorkbook") }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: T("ordersFromFile") }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: T("orderFilePick") }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: T("useSelection") }).count()).resolves.toBe(2);

    // A file the pane cannot read: the message names the file and the codec; Generate says why it waits.
    await pickFile(page, ZSTD);
    const message = page.getByTestId("orders-message");
    await message.waitFor();
    await expect(message.innerText()).resolves.toContain("orders-zstd.parquet");
    await expect(message.innerText()).resolves.toContain("ZSTD");
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toContain(T("blockedOrders"));
    await check(page, `${lang}-zstd`);

    // Way out: another file. Its head is checked like a range; the Taobao headers are recognised.
    await pickFile(page, GBK);
    await page.getByTestId("orders-ok").waitFor();
    await expect(page.getByTestId("orders-message").count()).resolves.toBe(0);
    await expect(page.getByTestId("orders-ok").innerText()).resolves.toBe(T("ordersOk", { rows: 500, checked: 500, rejected: 0 }));
    await expect(page.getByTestId("step-orders-label").innerText()).resolves.toContain("订单导出.csv");
    await expect(page.getByRole("combobox", { name: T("fieldAmount"), exact: true }).locator("option").first().innerText()).resolves.toBe(T("orderAutoFound", { header: "买家实际支付金额" }));
    await check(page, `${lang}-gbk-picked`);

    await generate.click();
    await page.getByTestId("generate-done").waitFor({ timeout: 60000 });
    const sheets = await workbook(page);
    const tiersSheet = sheets.find((s) => s.name === (lang === "zh" ? "用户分层" : "Customers"))!;
    // 1,000 orders of 200 customers; as-of = the day after 2025-12-15.
    expect(String(tiersSheet.cells["0,0"])).toContain(lang === "zh" ? "截至 2025-12-16 · 客户数 200 · 订单数 1,000" : "200");
    const review = sheets.find((s) => s.name === (lang === "zh" ? "经营复盘" : "Review"))!;
    const source = Object.values(review.cells).find((v) => typeof v === "string" && v.includes("订单导出.csv (")) as string;
    expect(source).toContain("买家会员名");
    expect(source).toContain("GB18030/GBK");
    // No order row in the workbook: no cell holds an order id.
    for (const sheet of sheets) for (const value of Object.values(sheet.cells)) expect(typeof value === "string" && /^T\d+$/.test(value)).toBe(false);

    // Way back: the range of the workbook; the file is dropped, so Generate waits for data again.
    await page.getByRole("radio", { name: T("ordersFromWorkbook") }).click();
    await expect(page.getByRole("button", { name: T("useSelection") }).count()).resolves.toBe(3);
    await expect(page.getByTestId("step-orders-label").count()).resolves.toBe(0);
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toBe(T("blockedNoData"));
    expect(errors).toEqual([]);
    await page.close();
  }, 180000);
});

/** Memory (proportional set size, summed; the largest process's resident size) and CPU time of this test's Chromium (every process below this Node process). */
function chromiumUsage(): { rssKb: number; maxProcessKb: number; cpuSeconds: number } {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let rssKb = 0;
  let maxProcessKb = 0;
  let ticks = 0;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      // Proportional set size: shared pages counted once over the processes, not once per process.
      const pss = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
      const stat = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
      rssKb += pss;
      maxProcessKb = Math.max(maxProcessKb, rss);
      ticks += Number(stat[11]) + Number(stat[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return { rssKb, maxProcessKb, cpuSeconds: ticks / 100 };
}

test(`a ${BIG_ORDERS.toLocaleString("en-US")}-order Parquet file segments in the pane, as DuckDB's SQL does`, async () => {
  // DuckDB's own figures for the same file, in plain SQL: as-of the day after the last order; R, F, M per customer;
  // PERCENTILE.INC breaks (quantile_cont); scores (a value on a break scores lower); segments, 8 classes, tiers.
  const expected = await duck(async (all) => {
    await all(`CREATE TABLE c AS
      WITH o AS (SELECT * FROM '${BIG}'), a AS (SELECT max(order_date) + 1 AS as_of FROM o)
      SELECT customer_id, a.as_of - max(order_date) AS recency, count(DISTINCT order_id) AS frequency, sum(amount) AS monetary,
             coalesce(sum(amount) FILTER (WHERE order_date >= a.as_of - 365), 0) AS spend365
      FROM o, a GROUP BY customer_id, a.as_of`);
    const q = "[0.2, 0.4, 0.6, 0.8]";
    await all(`CREATE TABLE b AS SELECT quantile_cont(recency::DOUBLE, ${q}) AS r, quantile_cont(frequency::DOUBLE, ${q}) AS f, quantile_cont(monetary::DOUBLE, ${q}) AS m FROM c`);
    const score = (column: string, compare: "<" | ">", breaks: string) => `1 + ${[1, 2, 3, 4].map((k) => `(b.${breaks}[${k}] ${compare} c.${column}::DOUBLE)::INT`).join(" + ")}`;
    await all(`CREATE TABLE s AS SELECT c.*, ${score("recency", ">", "r")} AS R, ${score("frequency", "<", "f")} AS F, ${score("monetary", "<", "m")} AS M FROM c, b`);
    const segmentCase = `CASE ${SEGMENTS.map((segment) => `WHEN R * 100 + F * 10 + M IN (${segment.codes.join(",")}) THEN '${segment.nameZh}'`).join(" ")} END`;
    const segments = await all(`SELECT ${segmentCase} AS name, count(*)::INT AS customers, sum(monetary)::DOUBLE AS revenue FROM s GROUP BY 1`);
    const tiers = await all(`SELECT CASE WHEN recency > 180 THEN '流失' WHEN recency > 90 THEN '沉默' WHEN spend365 >= 5000 THEN '高净值' WHEN spend365 >= 1000 THEN '潜力' ELSE '一般' END AS name,
      count(*)::INT AS customers, sum(monetary)::DOUBLE AS revenue FROM s GROUP BY 1`);
    const class8 = await all(`WITH mean AS (SELECT avg(R) AS r, avg(F) AS f, avg(M) AS m FROM s)
      SELECT CASE (s.R >= mean.r)::INT * 4 + (s.F >= mean.f)::INT * 2 + (s.M >= mean.m)::INT
        WHEN 7 THEN '重要价值客户' WHEN 5 THEN '重要发展客户' WHEN 3 THEN '重要保持客户' WHEN 1 THEN '重要挽留客户'
        WHEN 6 THEN '一般价值客户' WHEN 4 THEN '一般发展客户' WHEN 2 THEN '一般保持客户' ELSE '一般挽留客户' END AS name,
        count(*)::INT AS customers, sum(monetary)::DOUBLE AS revenue FROM s, mean GROUP BY 1`);
    const [totals] = await all(`SELECT count(*)::INT AS customers, sum(frequency)::BIGINT::VARCHAR AS orders, (SELECT max(order_date) + 1 FROM '${BIG}')::VARCHAR AS as_of FROM c`);
    const [top] = await all("SELECT customer_id FROM s ORDER BY monetary DESC, customer_id LIMIT 1");
    const byName = (rows: Array<Record<string, unknown>>) => Object.fromEntries(rows.map((r) => [String(r.name), { customers: Number(r.customers), revenue: Number(r.revenue) }]));
    return { segments: byName(segments), tiers: byName(tiers), class8: byName(class8), totals, top: String(top.customer_id) };
  });

  const { page, errors, T } = await openPane("zh-CN");
  await page.getByRole("radio", { name: T("ordersFromFile") }).click();
  const fileSize = readFileSync(BIG).length;
  await pickFile(page, BIG);
  await page.getByTestId("orders-ok").waitFor({ timeout: 60000 });
  await expect(page.getByTestId("step-orders-label").innerText()).resolves.toContain(`${BIG_ORDERS.toLocaleString("zh-CN")} 行`);
  await check(page, "zh-5m-picked");

  // Cancel while the worker reads the file: the worker is ended, the workbook is as it was.
  const sheetsBefore = (await workbook(page)).map((sheet) => sheet.name);
  await page.getByRole("button", { name: T("generate") }).click();
  await page.waitForFunction(() => /已读取 [1-9]/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ""), undefined, { timeout: 120000 });
  await page.getByRole("button", { name: T("cancel") }).click();
  await page.getByTestId("generate-result").waitFor();
  await expect(page.getByTestId("generate-result").innerText()).resolves.toContain(T("cancelled"));
  expect((await workbook(page)).map((sheet) => sheet.name)).toEqual(sheetsBefore);

  // Generate, sampling Chromium's memory and CPU while the worker reads and segments, then while the review is written.
  const before = chromiumUsage();
  let peak = before;
  const sampler = setInterval(() => {
    const now = chromiumUsage();
    if (now.rssKb > peak.rssKb) peak = { ...now, maxProcessKb: Math.max(now.maxProcessKb, peak.maxProcessKb) };
    else peak = { ...peak, maxProcessKb: Math.max(now.maxProcessKb, peak.maxProcessKb) };
  }, 200);
  // When the progress first says "writing" (the worker has read and segmented the file), seen in the page itself.
  await page.evaluate((writing) => {
    const w = window as unknown as { __writingAt?: number; __startedAt?: number };
    new MutationObserver(() => {
      if (w.__writingAt === undefined && document.querySelector('[data-testid="progress"]')?.textContent?.includes(writing)) w.__writingAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.getElementById("generate-button")!.addEventListener("click", () => (w.__startedAt = performance.now()), { capture: true, once: true });
  }, T("writing"));
  const started = Date.now();
  await page.getByRole("button", { name: T("generate") }).click();
  // The cancelled run's message goes as this run starts.
  await page.getByTestId("progress").waitFor();
  await page.locator("#generate-result").waitFor({ timeout: 900000 });
  const done = Date.now();
  clearInterval(sampler);
  const after = chromiumUsage();
  expect(await page.getByTestId("generate-result").count() === 0 || (await page.getByTestId("generate-result").innerText())).toBe(true);
  const segmentedMs = await page.evaluate(() => {
    const w = window as unknown as { __writingAt?: number; __startedAt?: number };
    return w.__writingAt !== undefined && w.__startedAt !== undefined ? w.__writingAt - w.__startedAt : NaN;
  });
  console.log(
    [
      `pane, ${BIG_ORDERS.toLocaleString("en-US")}-order Parquet (${(fileSize / 1048576).toFixed(1)} MB) in Chromium:`,
      `  read + segmented in the worker (Generate clicked → writing starts): ${(segmentedMs / 1000).toFixed(1)} s wall`,
      `  whole Generate (with the review written into the fake workbook): ${((done - started) / 1000).toFixed(1)} s wall, ${(after.cpuSeconds - before.cpuSeconds).toFixed(1)} s CPU over Chromium's processes`,
      `  peak memory: ${(peak.rssKb / 1024).toFixed(0)} MB (PSS) over Chromium's processes (largest process RSS ${(peak.maxProcessKb / 1024).toFixed(0)} MB; ${(before.rssKb / 1024).toFixed(0)} MB before)`,
      `  load average at the end: ${readFileSync("/proc/loadavg", "utf8").trim()}`,
    ].join("\n"),
  );
  expect(segmentedMs).toBeGreaterThan(0);

  const sheets = await workbook(page);
  const customers = sheets.find((s) => s.name === "用户分层")!;
  expect(customers.cells["0,0"]).toBe(`用户分层 · 截至 ${expected.totals.as_of} · 客户数 ${Number(expected.totals.customers).toLocaleString("en-US")} · 订单数 ${Number(expected.totals.orders).toLocaleString("en-US")}`);
  const round = (groups: Record<string, { customers: number; revenue: number }>) => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, { customers: v.customers, revenue: Math.round(v.revenue * 100) }]));
  expect(round(groupRows(customers, SEGMENTS.map((s) => s.nameZh)))).toEqual(round(expected.segments));
  expect(round(groupRows(customers, ["高净值", "潜力", "一般", "沉默", "流失"]))).toEqual(round(Object.fromEntries(["高净值", "潜力", "一般", "沉默", "流失"].map((k) => [k, expected.tiers[k] ?? { customers: 0, revenue: 0 }]))));
  expect(round(groupRows(customers, Object.keys(expected.class8)))).toEqual(round(expected.class8));

  // The workbook holds the review, not the orders: the customer list is capped at 10,000 (the top spender first),
  // no sheet comes near the file's rows, no cell holds an order id.
  const list = sheets.find((s) => s.name === "客户明细")!;
  expect(list.rows).toBe(10_000 + 3); // the note, a blank row, the header, 10,000 customers
  expect(list.cells["3,0"]).toBe(expected.top);
  for (const sheet of sheets) {
    expect(sheet.rows).toBeLessThanOrEqual(10_003);
    for (const value of Object.values(sheet.cells)) expect(typeof value === "string" && /^O\d+$/.test(value)).toBe(false);
  }
  expect(errors).toEqual([]);
  await page.close();
}, 1800000);
