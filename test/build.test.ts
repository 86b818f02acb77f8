/**
 * The production build (`npm run build`, dist/): one webpack runtime on the shared-runtime page so every module
 * exists once there (the ribbon's lastRun state is the pane's), the worker self-contained with its own copy of
 * the engine, office.js from Microsoft's CDN, a plain message on Trident, and a loud warning without ADDIN_URL.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { parse } from "acorn";
import { ensureBuilt, DIST } from "./helpers/build";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinUrl, officeJsSource, OFFICE_JS_CDN, DEV_URL } = require("../scripts/addinUrl");

beforeAll(() => ensureBuilt());

const html = () => readFileSync(join(DIST, "taskpane.html"), "utf8");
const pageScripts = () => [...html().matchAll(/<script[^>]*src=([^ >]+)/g)].map((m) => m[1].replace(/"/g, "")).filter((src) => !src.startsWith("http"));

describe("one runtime on the shared-runtime page", () => {
  // Literals that live in exactly one module each: the engine's segment names, the office layer's settings keys.
  test.each(["重要价值", "kpiReview.generatedSheets", "kpiReview.choices"])("%s is in exactly one of the page's scripts", (marker) => {
    const holders = pageScripts().filter((file) => readFileSync(join(DIST, file), "utf8").includes(marker));
    expect(holders).toHaveLength(1);
  });

  test("the page's entries start no runtime of their own: they hand their modules to runtime.js, loaded first", () => {
    const scripts = pageScripts();
    expect(scripts[0]).toBe("runtime.js");
    expect(scripts.slice(1).sort()).toEqual(["commands.js", "functions.js", "shared.js", "taskpane.js", "vendors.js"]);
    for (const file of scripts.slice(1)) expect(readFileSync(join(DIST, file), "utf8")).toMatch(/^(?:\/\*![^*]*\*\/\s*)?(?:"use strict";)?\(self\.webpackChunk\w*=self\.webpackChunk\w*\|\|\[\]\)\.push/);
    expect(readFileSync(join(DIST, "runtime.js"), "utf8")).not.toMatch(/^(?:\/\*![^*]*\*\/\s*)?(?:"use strict";)?\(self\.webpackChunk/);
  });

  test("the worker is self-contained: it runs alone and segments an order list", () => {
    const code = readFileSync(join(DIST, "segmentation.worker.js"), "utf8");
    const replies: Array<{ reply: { ok: boolean; result?: { segmentation: { scores: { count: number } } } }; transfer: unknown[] }> = [];
    // A bare context with what every Web Worker has (the text codecs, which hyparquet and the readers use).
    const self: Record<string, unknown> = { postMessage: (reply: never, transfer: unknown[]) => replies.push({ reply, transfer }), TextEncoder, TextDecoder };
    self.self = self;
    vm.runInNewContext(code, self);
    const payload = { sheet: "订单", origin: { row: 0, col: 0 }, header: ["客户ID", "下单日期", "实付金额"], rows: 3, columns: [{ index: 0, cells: ["A", "B", "A"] }, { index: 1, cells: ["2025-01-02", "2025-01-03", "2025-02-02"] }, { index: 2, cells: [10, 20, 30] }] };
    (self.onmessage as (e: unknown) => void)({ data: { payload, settings: { asOf: undefined, tiers: { highValue: 5000, potential: 1000, dormantDays: 90, lostDays: 180 } } } });
    expect(replies).toHaveLength(1);
    expect(replies[0].reply.ok).toBe(true);
    expect(replies[0].reply.result!.segmentation.scores.count).toBe(2);
    expect(replies[0].transfer.length).toBeGreaterThan(3);
  });
});

describe("office.js", () => {
  test("production loads Microsoft's CDN copy and ships no local copy", () => {
    expect(html()).toContain(`<script src=${OFFICE_JS_CDN}></script>`);
    expect(OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(existsSync(join(DIST, "office-js"))).toBe(false);
  });

  test("development (dev server, offline) keeps the npm copy", () => {
    expect(officeJsSource(true)).toBe("office-js/office.js");
    expect(officeJsSource(false)).toBe(OFFICE_JS_CDN);
  });
});

describe("ADDIN_URL", () => {
  test("a production build without it warns and keeps the dev URL; with it, the URL is used", () => {
    expect(addinUrl(false, {})).toEqual({ url: DEV_URL, warning: expect.stringMatching(/ADDIN_URL is not set/) });
    expect(addinUrl(false, { ADDIN_URL: "https://addins.example.com/kpi" })).toEqual({ url: "https://addins.example.com/kpi/", warning: null });
    expect(addinUrl(false, { ADDIN_URL: "http://plain.example.com/" }).warning).toMatch(/https/);
    expect(addinUrl(true, {})).toEqual({ url: DEV_URL, warning: null });
  });
});

describe("Trident (IE11) and EdgeHTML: a plain message instead of a blank pane", () => {
  const check = () => {
    const inline = [...html().matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    return inline[0];
  };

  test("the check is ES5 and runs before the bundles", () => {
    expect(() => parse(check(), { ecmaVersion: 5 })).not.toThrow();
    const page = html();
    expect(page.indexOf(check())).toBeLessThan(page.indexOf("src=runtime.js"));
  });

  test.each([
    ["IE11 (Trident)", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko", true],
    ["EdgeHTML", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041", true],
    ["WebView2", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", false],
  ])("%s", (_name, userAgent, unsupported) => {
    const container = { innerHTML: "" };
    const window = { navigator: { userAgent } } as Record<string, unknown>;
    vm.runInNewContext(check(), { window, document: { getElementById: (id: string) => (id === "container" ? container : null) } });
    expect(window.kpiReviewUnsupported === true).toBe(unsupported);
    if (unsupported) {
      expect(container.innerHTML).toMatch(/无法在此版本的 Office 中运行/);
      expect(container.innerHTML).toMatch(/cannot run in this version of Office/);
    } else expect(container.innerHTML).toBe("");
  });
});

test("dist holds only what the add-in serves", () => {
  expect(readdirSync(DIST).sort()).toEqual(
    expect.arrayContaining(["assets", "commands.js", "functions.js", "functions.json", "functions.zh-CN.json", "manifest.xml", "runtime.js", "segmentation.worker.js", "shared.js", "support.html", "taskpane.html", "taskpane.js"]),
  );
});
