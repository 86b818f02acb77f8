/**
 * The pane in headless Chromium (Debian's, driven by playwright-core) against the fake Excel host holding the
 * sample data: a first-time analyst's flow by clicks and keys, in both languages, at 350 px (light Office
 * theme) and 270 px (Excel for Mac's default width, dark Office theme), with axe-core run at every step and
 * no horizontal scrolling. Every dead end of issue 11 is walked into and out of. Screenshots of each step go
 * to test-output/e2e/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { startHarness, type Harness } from "./chromiumHarness";
import { ROOT_DIR, sampleSheet } from "../helpers/cli";
import { paneSay, type PaneTextKey } from "../../src/i18n/paneText";
import type { Lang } from "../../src/i18n/issues";
import { formatValue } from "../../src/engine/format";

const SHOTS = join(ROOT_DIR, "test-output", "e2e");
const AXE = join(ROOT_DIR, "node_modules", "axe-core", "axe.min.js");
const csv = sampleSheet;

/** 600 orders of 120 customers over 2025, deterministic; headers the reader recognises only in part. */
function orderList(): unknown[][] {
  const rows: unknown[][] = [["单号", "买家", "日期", "实付"]];
  for (let i = 0; i < 600; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + ((i * 37) % 360))).toISOString().slice(0, 10);
    rows.push([`o${i}`, `c${(i * 7) % 120}`, day, 50 + ((i * 131) % 900)]);
  }
  return rows;
}

/** The platform sample with a second users column (会员数 beside 用户规模): a conflict no analyst made; and 老客GMV. */
function withMembers(): unknown[][] {
  return csv("platform-2025/monthly.csv").map((row, r) => [...row, r === 0 ? "会员数" : Number(row[11]) + 1, r === 0 ? "老客GMV" : Math.round(Number(row[1]) * 0.6)]);
}

/** Daily rows (生意参谋's 统计日期) for January and February 2025. */
function dailyRows(): unknown[][] {
  const rows: unknown[][] = [["统计日期", "GMV", "访客数"]];
  for (let d = 0; d < 59; d++) rows.push([new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10), 1000 + d, 100 + d]);
  return rows;
}

/** A 渠道 dimension beside the month: two channels a month. */
function channelRows(): unknown[][] {
  const rows: unknown[][] = [["月份", "渠道", "GMV"]];
  for (const month of ["2025-01", "2025-02", "2025-03"]) for (const [channel, gmv] of [["站内", 700], ["站外", 300]] as const) rows.push([month, channel, gmv]);
  return rows;
}

const DARK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#333333", controlForegroundColor: "#ffffff" };

let harness: Harness;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness("e2e-harness");
  ({ browser, origin } = harness);
}, 120000);

afterAll(async () => {
  await harness?.close();
});

interface PaneUnderTest {
  page: Page;
  errors: string[];
  lang: Lang;
  width: number;
  /** Screenshot, axe-core (no serious or critical violation) and no horizontal scroll, at one named step. */
  check(step: string, shot?: { fullPage: boolean }): Promise<void>;
  /** A picture for docs/ (the viewport with `selector` at its top), at 350 px only. */
  docShot(name: string, selector: string, block?: "start" | "end"): Promise<void>;
}

async function openPane(locale: string, width: number, officeTheme?: typeof DARK): Promise<PaneUnderTest> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1, locale });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript((setup) => Object.assign(window, { __HARNESS__: setup }), {
    locale,
    officeTheme,
    sheets: [
      { name: "月度数据", values: csv("platform-2025/monthly.csv") },
      { name: "目标", values: csv("platform-2025/targets.csv") },
      { name: "我的笔记", values: [["keep me"]] },
      { name: "订单", values: orderList() },
      { name: "会员", values: withMembers() },
      { name: "日数据", values: dailyRows() },
      { name: "分渠道", values: channelRows() },
    ],
    tables: [{ name: "月度表", sheet: "月度数据", address: "A1:L25" }],
  });
  await page.goto(origin);
  await page.addScriptTag({ path: AXE });
  const lang = locale.slice(0, 2) as Lang;
  return {
    page,
    errors,
    lang,
    width,
    async docShot(name: string, selector: string, block: "start" | "end" = "start") {
      if (width !== 350) return;
      await page.locator(selector).first().evaluate((el, b) => el.scrollIntoView({ block: b }), block);
      await page.screenshot({ path: join(SHOTS, `docs-${lang}-${name}.png`) });
    },
    async check(step: string, shot = { fullPage: true }) {
      // Fluent's transitions (a dialog fading in) end before the picture and the contrast check.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
      await page.screenshot({ path: join(SHOTS, `${lang}-${width}-${step}.png`), fullPage: shot.fullPage });
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect({ step, violations: found }).toEqual({ step, violations: [] });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ step, overflow: overflow > 0 }).toEqual({ step, overflow: false });
    },
  };
}

const select = (page: Page, sheet: string, address: string) => page.evaluate(([s, a]) => ((window as unknown as { __fake: { selection: unknown } }).__fake.selection = { sheet: s, address: a }), [sheet, address]);
const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { sheets: Array<{ name: string }> } }).__fake.sheets.map((s) => s.name));

describe.each([
  { locale: "zh-CN", width: 350, theme: undefined },
  { locale: "en-US", width: 350, theme: undefined },
  { locale: "zh-CN", width: 270, theme: DARK },
  { locale: "en-US", width: 270, theme: DARK },
])("the pane in $locale at $width px", ({ locale, width, theme }) => {
  test("every dead end can be left, and the review is written", async () => {
    const pane = await openPane(locale, width, theme);
    const { page, lang } = pane;
    const T = (key: PaneTextKey, params?: Record<string, string | number>) => paneSay(lang, key, params);
    const generate = page.getByRole("button", { name: T("generate") });
    const useButtons = page.getByRole("button", { name: T("useSelection") });

    // Office's theme is followed: the dark theme's body colour at 270 px, light at 350 px.
    const background = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe(theme ? "rgb(38, 38, 38)" : "rgb(255, 255, 255)");

    // Start: Generate is disabled, with the reason, and still reachable by keyboard.
    expect(await generate.getAttribute("aria-disabled")).toBe("true");
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toBe(T("blockedNoData"));
    await pane.check("1-start");

    // A range without the month column: ONE message, under step 1, focused and announced.
    await select(page, "月度数据", "B1:L25");
    await useButtons.first().click();
    const dataMessage = page.getByTestId("data-message");
    await dataMessage.waitFor();
    const lines = (await dataMessage.innerText()).split("\n").filter((l) => l.includes("月度数据!"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(lang === "zh" ? "找不到月份列" : "no month column");
    await page.waitForFunction(() => document.activeElement?.id === "data-message");
    await expect(page.getByTestId("live-region").innerText()).resolves.toContain("月度数据!");
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toBe(T("blockedData"));

    // The message follows the language switch (a fixed-label dropdown, operated by keys), then back.
    const language = page.getByRole("combobox", { name: "语言 / Language" });
    await language.focus();
    await page.keyboard.press(lang === "zh" ? "ArrowDown" : "ArrowUp");
    // A visible focus ring on a dropdown reached by keys.
    expect(await language.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    const other: Lang = lang === "zh" ? "en" : "zh";
    await expect(dataMessage.innerText()).resolves.toContain(paneSay(other, "dataError"));
    await pane.check("2-no-month-column-switched");
    await page.keyboard.press(lang === "zh" ? "ArrowUp" : "ArrowDown");
    await expect(dataMessage.innerText()).resolves.toContain(T("dataError"));
    await pane.check("2-no-month-column");

    // A natural conflict (会员数 and 用户规模 are both users): step 2 stays, the way out is in the dropdown.
    await select(page, "会员", "A1:N25");
    await useButtons.first().click();
    const members = page.getByRole("combobox", { name: "会员数", exact: true });
    await members.waitFor();
    await expect(page.getByTestId("column-会员数").innerText()).resolves.toContain("会员!M1");
    await expect(page.getByTestId("column-会员数").innerText()).resolves.toContain("会员!L1");
    await expect(generate.getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toContain(T("blockedConflict"));
    await pane.check("3-conflict-members");
    await members.selectOption({ label: T("ignore") });
    await expect(page.getByTestId("column-会员数").innerText()).resolves.not.toContain("会员!L1");
    expect(await generate.getAttribute("aria-disabled")).toBeNull();
    // 老客GMV is a customer-type split; it can be made channel 老客's GMV instead.
    const returning = page.getByRole("combobox", { name: "老客GMV", exact: true });
    await expect(returning.inputValue()).resolves.toBe("segment:老客:GMV");
    await returning.selectOption("channel:gmv:老客");
    await expect(returning.inputValue()).resolves.toBe("channel:gmv:老客");
    expect(await generate.getAttribute("aria-disabled")).toBeNull();

    // The structure step says what the reader found: daily rows combined into months; a dimension column.
    await select(page, "日数据", "A1:C60");
    await useButtons.first().click();
    await page.getByTestId("structure-daily").waitFor();
    await expect(page.getByTestId("structure").innerText()).resolves.toContain(T("monthsFound", { count: 2, from: "2025-01", to: "2025-02" }));
    await select(page, "分渠道", "A1:C7");
    await useButtons.first().click();
    await expect(page.getByTestId("structure-dimension").innerText()).resolves.toBe(T("layoutDimension", { column: "渠道" }));
    await pane.check("3-structure-dimension");

    // The monthly data from a table: the picker shows the chosen table; overrides of the other data are gone.
    await page.getByRole("combobox", { name: T("pickTable") }).selectOption("月度表");
    await page.getByTestId("data-label").filter({ hasText: "月度表" }).waitFor();
    await expect(page.getByRole("combobox", { name: T("pickTable") }).inputValue()).resolves.toBe("月度表");
    await expect(page.getByRole("combobox", { name: "GMV(元)", exact: true }).inputValue()).resolves.toBe("metric:gmv");
    await expect(page.getByRole("combobox", { name: "搜索GMV(元)", exact: true }).inputValue()).resolves.toBe("channel:gmv:搜索");
    // The structure: months found, none missing; each column's rule and direction as the engine infers them.
    await expect(page.getByTestId("structure").innerText()).resolves.toContain(T("monthsFound", { count: 24, from: "2024-01", to: "2025-12" }));
    await expect(page.getByTestId("column-用户规模").innerText()).resolves.toContain(T("columnInfo", { rule: T("ruleLast"), direction: T("higher") }));
    await expect(page.getByTestId("column-广告花费(元)").innerText()).resolves.toContain(T("columnInfo", { rule: T("ruleSum"), direction: T("lower") }));

    // The analyst makes 支付买家数 a second 访客数: the conflict shows on the column changed, in words, not keys.
    const buyers = page.getByRole("combobox", { name: "支付买家数", exact: true });
    await buyers.focus();
    await buyers.selectOption("metric:visitors");
    const conflict = page.getByTestId("column-支付买家数");
    await expect(conflict.innerText()).resolves.toContain("月度数据!E1");
    await expect(conflict.innerText()).resolves.toContain("月度数据!D1");
    await expect(conflict.innerText()).resolves.toContain(lang === "zh" ? "访客数" : "Visitors");
    await expect(conflict.innerText()).resolves.not.toMatch(/\(visitors\)|（visitors）/);
    expect(await buyers.evaluate((el) => el === document.activeElement)).toBe(true);
    await pane.check("4-conflict");
    await pane.docShot("conflict", "#step-columns");
    // Out by keys: the same dropdown to "custom metric", with its unit and rule.
    await buyers.focus();
    await buyers.selectOption("custom");
    await expect(conflict.innerText()).resolves.not.toContain("月度数据!D1");
    // Its unit, rule and direction, behind a disclosure, changed by keys.
    const details = page.getByRole("button", { name: `${T("ruleDetails")}: 支付买家数` });
    await details.focus();
    await page.keyboard.press("Enter");
    const rule = page.getByRole("group", { name: `${T("ruleDetails")}: 支付买家数` });
    await rule.getByRole("combobox", { name: T("direction") }).selectOption("lower");
    await rule.getByRole("combobox", { name: T("rule") }).selectOption("mean");
    await expect(conflict.innerText()).resolves.toContain(T("columnInfo", { rule: T("ruleMean"), direction: T("lower") }));
    await pane.check("5-custom-metric");
    // Choosing the data again resets the overrides.
    await select(page, "月度数据", "A1:L25");
    await useButtons.first().click();
    await page.getByTestId("data-label").filter({ hasText: "A1:L25" }).waitFor();
    await expect(buyers.inputValue()).resolves.toBe("metric:buyers");

    // Targets: a wrong range fails under step 3 (not step 1), focused; the right one is read.
    await select(page, "我的笔记", "A1:A1");
    await useButtons.nth(1).click();
    await page.getByTestId("targets-message").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "targets-message");
    const stepOrder = await page.evaluate(() => {
      const pos = (id: string) => document.getElementById(id)!.getBoundingClientRect().top;
      return [pos("step-targets"), pos("targets-message"), pos("step-period")];
    });
    expect(stepOrder[0]).toBeLessThan(stepOrder[1]);
    expect(stepOrder[1]).toBeLessThan(stepOrder[2]);
    await pane.check("6-targets-error");
    await select(page, "目标", "A1:C11");
    await useButtons.nth(1).click();
    await page.getByTestId("targets-count").waitFor();
    await expect(page.getByTestId("targets-message").count()).resolves.toBe(0);

    // The period reversed: a message, no preview, Generate disabled; put right, the preview returns.
    await page.getByRole("combobox", { name: T("from") }).selectOption("2025-12");
    await page.getByRole("combobox", { name: T("to") }).selectOption("2025-01");
    await expect(page.getByTestId("period-message").innerText()).resolves.toContain(T("periodReversed", { from: "2025-12", to: "2025-01" }));
    await expect(page.getByTestId("preview").count()).resolves.toBe(0);
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toContain(T("blockedPeriod"));
    await pane.check("7-period-reversed");
    await page.getByRole("combobox", { name: T("from") }).selectOption("2025-01");
    await page.getByRole("combobox", { name: T("to") }).selectOption("2025-09");
    await page.getByTestId("preview").waitFor();
    // January to September against the annual target: the card shows the target to date, marked, and says so.
    const gmvCard = page.getByTestId("preview").getByRole("group", { name: "GMV", exact: true });
    // By hand: 25亿 × (GMV of 2024-01..09 / GMV of 2024), seasonal.
    const monthly = csv("platform-2025/monthly.csv").slice(1).filter((row) => String(row[0]).startsWith("2024"));
    const toDate = (2.5e9 * monthly.slice(0, 9).reduce((s, row) => s + Number(row[1]), 0)) / monthly.reduce((s, row) => s + Number(row[1]), 0);
    await expect(gmvCard.getByTestId("card-target").innerText()).resolves.toBe(`${T("targetToDate")}* ${formatValue(toDate, "元", lang)}`);
    await expect(gmvCard.getByTestId("card-target-full").innerText()).resolves.toBe(T("targetFull", { full: lang === "zh" ? "25亿" : "2.50bn" }));
    await expect(page.getByTestId("target-to-date-note").innerText()).resolves.toBe(T("targetToDateNote", { basis: T("basisSeasonal") }));
    await pane.check("7-target-to-date");
    await page.getByRole("combobox", { name: T("to") }).selectOption("2025-12");
    await expect(gmvCard.getByTestId("card-target").innerText()).resolves.not.toContain("*");

    // Orders: checked when chosen; the missing amount column is named with the pane's way out (no --flags).
    await select(page, "订单", "A1:D601");
    await useButtons.nth(2).click();
    const ordersMessage = page.getByTestId("orders-message");
    await ordersMessage.waitFor();
    await expect(ordersMessage.innerText()).resolves.toContain(T("fieldAmount"));
    await expect(ordersMessage.innerText()).resolves.not.toContain("--");
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toContain(T("blockedOrders"));
    await pane.check("8-orders-missing-column");
    await page.getByRole("combobox", { name: T("fieldAmount"), exact: true }).selectOption("实付");
    await page.getByRole("combobox", { name: T("fieldOrder"), exact: true }).selectOption("单号");
    await expect(page.getByTestId("orders-ok").innerText()).resolves.toContain(T("ordersOk", { rows: 500, checked: 500, rejected: 0 }));
    await expect(page.getByRole("combobox", { name: T("fieldCustomer"), exact: true }).locator("option").first().innerText()).resolves.toBe(T("orderAutoFound", { header: "买家" }));

    // Preview: the GMV card with its target; "+N more" shows the rest.
    await expect(gmvCard.innerText()).resolves.toMatch(/114\.4%/);
    await expect(gmvCard.innerText()).resolves.toContain(T("target"));
    await expect(gmvCard.innerText()).resolves.toContain(lang === "zh" ? "25亿" : "2.50bn");
    const cards = page.getByTestId("preview").getByRole("group");
    const more = page.getByTestId("more-metrics");
    expect(await cards.count()).toBe(8);
    const hidden = Number(/\d+/.exec(await more.innerText())![0]);
    await more.press("Enter");
    await expect(cards.count()).resolves.toBe(8 + hidden);
    await pane.check("9-preview");
    await pane.docShot("preview", "#step-period");

    // Settings: a threshold above GMV's attainment turns its card amber; a bad value blocks Generate with a reason.
    await page.getByRole("button", { name: T("settings") }).click();
    const green = page.getByRole("textbox", { name: T("thresholdGreen") });
    await green.fill("abc");
    await expect(page.getByTestId("settings-thresholds-problem").innerText()).resolves.toBe(T("thresholdsInvalid"));
    await expect(page.getByTestId("generate-blockers").innerText()).resolves.toContain(T("blockedSettings"));
    await green.fill("120");
    await expect(gmvCard.innerText()).resolves.toContain(lang === "zh" ? "接近" : "Close");
    await page.getByRole("textbox", { name: T("nextTarget") }).fill("3.2亿");
    await page.getByRole("combobox", { name: T("nextUnit") }).selectOption("10000");
    await page.getByRole("textbox", { name: T("tierHighValue") }).fill("3000");
    await pane.check("10-settings");

    // Generate, then Cancel while it writes: the workbook is as it was.
    const before = await sheetNames(page);
    await page.evaluate(() => Object.assign(window, { __syncDelayMs: 150 }));
    await generate.click();
    const progress = page.getByRole("progressbar", { name: T("progressLabel") });
    await progress.waitFor();
    // Counts: the order list's 600 rows read, then sheets written.
    await page.getByTestId("progress").filter({ hasText: T("progressCounts", { rows: "600", sheets: 0 }).split("·")[0].trim() }).waitFor({ timeout: 30000 });
    await page.getByTestId("progress").filter({ hasText: T("writing") }).waitFor({ timeout: 30000 });
    await pane.check("11-generating");
    await page.getByRole("button", { name: T("cancel") }).click();
    await page.getByTestId("generate-result").waitFor();
    await expect(page.getByTestId("generate-result").innerText()).resolves.toContain(T("cancelled"));
    await page.waitForFunction(() => document.activeElement?.id === "generate-result");
    expect(await sheetNames(page)).toEqual(before);
    await page.evaluate(() => Object.assign(window, { __syncDelayMs: 0 }));

    // Generate: the result is focused and announced; the review holds what the settings said.
    const review = lang === "zh" ? ["经营复盘", "月度趋势", "渠道结构", "新老客与留存", "用户分层", "客户明细", "目标分解"] : ["Review", "Monthly trend", "Channels", "Customers over time", "Customers", "Customer list", "Next targets"];
    await generate.click();
    await page.getByTestId("generate-done").waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.activeElement?.id === "generate-result");
    await expect(page.getByTestId("live-region").innerText()).resolves.toBe(T("done"));
    await pane.check("12-done");
    await pane.docShot("done", "#generate-result", "end");
    // From the result, Tab reaches the first sheet's link, with a visible focus ring.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => [document.activeElement?.textContent, getComputedStyle(document.activeElement!).outlineStyle])).toEqual([review[0], "solid"]);
    const written = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string }>; cell(s: string, a: string): unknown; settings: Map<string, string> } }).__fake;
      return { sheets: fake.sheets.map((s) => s.name), notes: fake.cell("我的笔记", "A1"), choices: JSON.parse(fake.settings.get("kpiReview.choices")!) };
    });
    expect(written.sheets).toEqual([...before, ...review]);
    expect(written.notes).toBe("keep me");
    expect(written.choices.thresholds).toEqual({ green: 1.2, amber: 0.9 });
    expect(written.choices.tiers.highValue).toBe(3000);
    expect(written.choices.nextTarget).toEqual({ value: 320000000, metric: "gmv", unit: 10000 });
    expect(written.choices.orderColumns).toEqual({ amount: "实付", order: "单号" });
    expect(written.choices.period).toEqual({ from: "2025-01", to: "2025-12" });

    expect(await generate.getAttribute("aria-disabled")).toBeNull();

    // The analyst edits the review sheet; regenerating asks first: Cancel leaves everything, Replace goes ahead.
    const edit = (sheet: string) =>
      page.evaluate((name) => (window as unknown as { __fake: { sheet(n: string): { cells: Map<string, unknown> } } }).__fake.sheet(name)!.cells.set("40,10", { formula: "my note", type: "text" }), sheet);
    const requests = () => page.evaluate(() => (window as unknown as { __requests: Array<{ keepEdited: boolean }> }).__requests);
    await edit(review[0]);
    await generate.click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain(review[0]);
    await pane.check("13-edited-ask", { fullPage: false });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await requests()).toHaveLength(2);
    await generate.click();
    await dialog.getByRole("button", { name: T("editedReplace") }).click();
    await page.waitForFunction(() => (window as unknown as { __requests: unknown[] }).__requests.length === 3);
    await page.getByTestId("generate-done").waitFor();
    expect((await requests())[2]).toEqual({ keepEdited: false });
    expect(await sheetNames(page)).toEqual(written.sheets);
    // Keep: the edited sheet stays, renamed, beside the new review.
    await edit(review[0]);
    await generate.click();
    await dialog.getByRole("button", { name: T("editedKeep") }).click();
    await page.waitForFunction(() => (window as unknown as { __requests: unknown[] }).__requests.length === 4);
    await page.getByTestId("generate-done").waitFor();
    expect((await requests())[3]).toEqual({ keepEdited: true });
    const kept = await sheetNames(page);
    expect(kept).toHaveLength(written.sheets.length + 1);
    expect(kept.filter((n) => n.startsWith(review[0]))).toHaveLength(2);

    // Clear returns focus to the step's button.
    await page.getByRole("button", { name: `${T("clear")}: ${T("stepOrders")}` }).click();
    await page.waitForFunction(() => document.activeElement?.id === "orders-use");
    expect(pane.errors).toEqual([]);
    await page.close();
  }, 180000);
});

describe.each(["zh-CN", "en-US"])("the pane in %s with an order list only", (locale) => {
  test("a review is generated from the orders alone", async () => {
    const pane = await openPane(locale, 350);
    const { page, lang } = pane;
    const T = (key: PaneTextKey, params?: Record<string, string | number>) => paneSay(lang, key, params);
    const generate = page.getByRole("button", { name: T("generate") });
    await select(page, "订单", "A1:D601");
    await page.getByRole("button", { name: T("useSelection") }).nth(2).click();
    await page.getByTestId("orders-message").waitFor();
    await page.getByRole("combobox", { name: T("fieldAmount"), exact: true }).selectOption("实付");
    await page.getByTestId("orders-ok").waitFor();
    expect(await generate.getAttribute("aria-disabled")).toBeNull();
    await pane.check("orders-only");
    const before = await sheetNames(page);
    await generate.click();
    await page.getByTestId("generate-done").waitFor({ timeout: 30000 });
    const after = await sheetNames(page);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toContain(lang === "zh" ? "用户分层" : "Customers");
    expect(pane.errors).toEqual([]);
    await page.close();
  }, 120000);
});
