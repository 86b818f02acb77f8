/**
 * The pane in headless Chromium (Debian's, driven by playwright-core) against the fake Excel host holding the
 * sample data: a first-time analyst's whole flow by clicks, in both languages, asserting what was written.
 * Screenshots of each step go to test-output/e2e/.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT_DIR, sampleSheet } from "../helpers/cli";

const HARNESS = join(ROOT_DIR, "test-output", "e2e-harness");
const SHOTS = join(ROOT_DIR, "test-output", "e2e");
const csv = sampleSheet;

/** 600 orders of 120 customers over 2025, deterministic. */
function orderList(): unknown[][] {
  const rows: unknown[][] = [["订单号", "客户ID", "下单时间", "实付金额"]];
  for (let i = 0; i < 600; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + ((i * 37) % 360))).toISOString().slice(0, 10);
    rows.push([`o${i}`, `c${(i * 7) % 120}`, day, 50 + ((i * 131) % 900)]);
  }
  return rows;
}

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT_DIR, "node_modules", "webpack", "bin", "webpack.js"), "--config", join(__dirname, "webpack.harness.config.js")], { cwd: ROOT_DIR, stdio: "pipe" });
  mkdirSync(SHOTS, { recursive: true });
  server = createServer((req, res) => {
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    const file = join(HARNESS, req.url === "/" ? "index.html" : (req.url ?? "").replace(/\?.*$/, ""));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": extname(file) === ".js" ? "text/javascript" : "text/html; charset=utf-8" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 120000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(locale: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 }, deviceScaleFactor: 1, locale });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.addInitScript((setup) => Object.assign(window, { __HARNESS__: setup }), {
    locale,
    sheets: [
      { name: "月度数据", values: csv("platform-2025/monthly.csv") },
      { name: "目标", values: csv("platform-2025/targets.csv") },
      { name: "我的笔记", values: [["keep me"]] },
      { name: "订单", values: orderList() },
    ],
  });
  await page.goto(origin);
  return page;
}

const select = (page: Page, sheet: string, address: string) => page.evaluate(([s, a]) => ((window as unknown as { __fake: { selection: unknown } }).__fake.selection = { sheet: s, address: a }), [sheet, address]);

describe.each([
  { locale: "zh-CN", t: { useSelection: "使用当前选区", generate: "生成复盘表", done: "已生成复盘表：", review: "经营复盘", trend: "月度趋势", met: "达成", gmvCard: "GMV" } },
  { locale: "en-US", t: { useSelection: "Use selection", generate: "Generate review sheet", done: "The review is ready:", review: "Review", trend: "Monthly trend", met: "Met", gmvCard: "GMV" } },
])("the pane in $locale", ({ locale, t }) => {
  test("choose data and targets, preview, generate; the review is written and the user's sheets are untouched", async () => {
    const page = await openPane(locale);
    const lang = locale.slice(0, 2);
    await page.screenshot({ path: join(SHOTS, `${lang}-1-start.png`) });
    expect(await page.getByRole("button", { name: t.generate }).isDisabled()).toBe(true);

    await select(page, "月度数据", "A1:L25");
    await page.getByRole("button", { name: t.useSelection }).first().click();
    await page.getByTestId("data-label").waitFor();
    // Column meanings are listed with dropdowns labelled by their header.
    await expect(page.getByRole("combobox", { name: /: GMV\(元\)$/ }).inputValue()).resolves.toBe("gmv");
    await expect(page.getByRole("combobox", { name: /: 搜索GMV\(元\)$/ }).inputValue()).resolves.toBe("detected");
    await expect(page.getByRole("combobox", { name: /: 用户规模$/ }).inputValue()).resolves.toBe("users");
    await page.screenshot({ path: join(SHOTS, `${lang}-2-columns.png`), fullPage: true });

    await select(page, "目标", "A1:C11");
    await page.getByRole("button", { name: t.useSelection }).nth(1).click();
    await page.getByTestId("step-targets-label").waitFor();
    await select(page, "订单", "A1:D601");
    await page.getByRole("button", { name: t.useSelection }).nth(2).click();
    await page.getByTestId("step-orders-label").waitFor();
    const gmvCard = page.getByTestId("preview").getByRole("group", { name: t.gmvCard }).or(page.getByTestId("preview").locator(`[aria-label="${t.gmvCard}"]`)).first();
    await expect(gmvCard.innerText()).resolves.toMatch(/114\.4%/);
    await expect(gmvCard.innerText()).resolves.toContain(t.met);
    await page.screenshot({ path: join(SHOTS, `${lang}-3-preview.png`), fullPage: true });

    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.getByRole("button", { name: t.generate }).click();
    await page.getByTestId("generate-done").waitFor({ timeout: 30000 });
    expect(workers.some((url) => url.endsWith("/segmentation.worker.js"))).toBe(true); // the segmentation ran off the UI thread
    await expect(page.getByTestId("generate-done").innerText()).resolves.toContain(t.done);
    await page.screenshot({ path: join(SHOTS, `${lang}-4-done.png`), fullPage: true });

    const written = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string }>; cell(s: string, a: string): unknown; settings: Map<string, string> } }).__fake;
      return { sheets: fake.sheets.map((s) => s.name), notes: fake.cell("我的笔记", "A1"), settings: [...fake.settings.keys()] };
    });
    expect(written.sheets).toEqual(["月度数据", "目标", "我的笔记", "订单", t.review, t.trend, ...(lang === "zh" ? ["渠道结构", "用户分层", "客户明细"] : ["Channels", "Customers", "Customer list"])]);
    expect(written.notes).toBe("keep me");
    expect(written.settings.sort()).toEqual(["kpiReview.choices", "kpiReview.generatedSheets"]);
    const customers = await page.evaluate((sheet) => (window as unknown as { __fake: { sheet(n: string): { tables: unknown[]; cells: Map<string, unknown> } } }).__fake.sheet(sheet)!.tables, lang === "zh" ? "客户明细" : "Customer list");
    expect(customers).toEqual([{ name: lang === "zh" ? "客户明细表" : "CustomerList", address: "A1:J121" }]);
    const gmv = await page.evaluate((sheet) => {
      const fake = (window as unknown as { __fake: { cell(s: string, a: string): unknown } }).__fake;
      return [fake.cell(sheet, "A6"), fake.cell(sheet, "D6"), fake.cell(sheet, "E6")];
    }, t.review);
    expect(gmv[0]).toBe("GMV");
    expect(gmv[1]).toBe(2860000000);
    expect(String(gmv[2])).toMatch(/^=IF\(ISNUMBER\(C6\)/);

    // Generating again replaces the add-in's own sheets only.
    await page.getByRole("button", { name: t.generate }).click();
    await page.getByTestId("generate-done").waitFor();
    const again = await page.evaluate(() => (window as unknown as { __fake: { sheets: Array<{ name: string }> } }).__fake.sheets.map((s) => s.name));
    expect(again).toEqual(written.sheets);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120000);

  test("a bad cell is reported with its address", async () => {
    const page = await openPane(locale);
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { addSheet(n: string, v: unknown[][]): void } }).__fake;
      fake.addSheet("坏数据", [["月份", "GMV"], ["2025-01", 100], ["2025-02", "lots"]]);
    });
    await select(page, "坏数据", "A1:B3");
    await page.getByRole("button", { name: t.useSelection }).first().click();
    await expect(page.getByTestId("read-error").innerText()).resolves.toContain("坏数据!B3");
    await page.screenshot({ path: join(SHOTS, `${locale.slice(0, 2)}-5-error.png`), fullPage: true });
    await page.close();
  }, 60000);
});
