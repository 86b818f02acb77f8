/**
 * The review workbook checked by real spreadsheet software: written without cached results, opened and
 * recalculated by LibreOffice, read back. Every formula equals the engine's number, no cell holds an error,
 * the charts are in the file and survive LibreOffice's round trip, the sheets render, the README's figures
 * are in the recalculated sheets, and writing the same review twice gives the same content.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { SHARED_DATA, ROOT_DIR, SAMPLES } from "./helpers/cli";
import { LibreOffice } from "./helpers/libreoffice";
import { readStoredValues, type StoredSheet } from "./helpers/xlsxValues";
import { columnLetter } from "../src/engine/read/grid";
import { computeReviewInputs, type ReviewCliOptions } from "../src/cli/reviewInputs";
import { buildReview } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { writeXlsx } from "../src/xlsx/writeXlsx";
import type { WorkbookSpec } from "../src/engine/review/workbookSpec";
import type { Lang } from "../src/i18n/issues";
import { syntheticOrderCsv, syntheticOrders } from "../bench/syntheticOrders";

const OUT = join(ROOT_DIR, "test-output", "review");
const office = new LibreOffice();

interface Scenario {
  id: string;
  /** The monthly sheet; without it the review is built from the order list alone. */
  monthly?: string;
  options: Omit<ReviewCliOptions, "lang" | "output">;
}

/** The synthetic order list with products, categories and quantities (bench/syntheticOrders.ts), as a shop exports it. */
const SYNTHETIC_ORDERS = join(OUT, "synthetic-orders.csv");
mkdirSync(OUT, { recursive: true });
writeFileSync(SYNTHETIC_ORDERS, syntheticOrderCsv(syntheticOrders({ orders: 6000 })));

const SCENARIOS: Scenario[] = [
  { id: "orders-2025", options: { orders: SYNTHETIC_ORDERS, targets: join(SAMPLES, "orders-2025", "targets.csv"), generatedAt: "2026-01-05T09:00:00Z" } },
  {
    id: "shop-with-orders",
    monthly: join(SHARED_DATA, "shop-2025q3", "monthly.csv"),
    options: { targets: join(SHARED_DATA, "shop-2025q3", "targets.csv"), from: "2025-06", to: "2025-10", orders: SYNTHETIC_ORDERS, generatedAt: "2025-11-03T09:00:00Z" },
  },
  {
    id: "platform-2025",
    monthly: join(SHARED_DATA, "platform-2025", "monthly.csv"),
    options: { targets: join(SHARED_DATA, "platform-2025", "targets.csv"), nextTarget: "33亿", nextUnit: "10000", generatedAt: "2026-01-05T09:00:00Z" },
  },
  {
    // January–September against the annual targets: targets to date, progress columns, the trend's full-year PL.
    id: "platform-2025-jan-sep",
    monthly: join(SHARED_DATA, "platform-2025", "monthly.csv"),
    options: { targets: join(SHARED_DATA, "platform-2025", "targets.csv"), from: "2025-01", to: "2025-09", nextTarget: "32.155亿", nextUnit: "100万", generatedAt: "2025-10-08T09:00:00Z" },
  },
  {
    id: "shop-2025q3",
    monthly: join(SHARED_DATA, "shop-2025q3", "monthly.csv"),
    options: {
      targets: join(SHARED_DATA, "shop-2025q3", "targets.csv"),
      from: "2025-06",
      to: "2025-10",
      orders: join(SHARED_DATA, "cdnow", "CDNOW_master.txt"),
      asOf: "1998-07-01",
      tiers: "500,100,90,180",
      generatedAt: "2025-11-03T09:00:00Z",
    },
  },
];

async function buildSpec(s: Scenario, lang: Lang, generatedAt?: string): Promise<{ spec: WorkbookSpec; created: Date }> {
  const { input } = await computeReviewInputs(s.monthly, { ...s.options, lang, output: "", generatedAt: generatedAt ?? s.options.generatedAt });
  return { spec: reviewWorkbook(buildReview(input)), created: input.generatedAt };
}

const ref = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
const valueAt = (sheet: StoredSheet, row: number, col: number) => sheet.get(ref(row, col))?.value ?? null;

function same(actual: unknown, expected: number | string): boolean {
  if (typeof expected === "number") return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return expected === "" ? actual === undefined || actual === null || actual === "" : actual === expected;
}

describe.each(SCENARIOS)("$id", (scenario) => {
  describe.each<Lang>(["zh", "en"])("in %s", (lang) => {
    let spec: WorkbookSpec;
    let original: string;
    let recalculated: Map<string, StoredSheet>;
    let recalculatedPath: string;

    beforeAll(async () => {
      const dir = join(OUT, `${scenario.id}-${lang}`);
      mkdirSync(dir, { recursive: true });
      const built = await buildSpec(scenario, lang);
      spec = built.spec;
      original = join(dir, `${scenario.id}-${lang}.xlsx`);
      writeFileSync(original, await writeXlsx(spec, { created: built.created, cacheResults: false }));
      recalculatedPath = office.recalculate(original, join(dir, "recalculated"));
      recalculated = await readStoredValues(recalculatedPath);
    });

    test("every formula, computed by LibreOffice, equals the engine's number", () => {
      let checked = 0;
      const wrong: string[] = [];
      for (const sheet of spec.sheets) {
        const ws = recalculated.get(sheet.name)!;
        expect(ws).toBeDefined();
        for (const cell of sheet.cells.filter((c) => c.formula !== undefined)) {
          const stored = ws.get(ref(cell.row, cell.col));
          checked++;
          if (!stored?.formula || !same(stored.value, cell.expected!)) {
            wrong.push(`${sheet.name}!${ref(cell.row, cell.col)} =${cell.formula} → ${JSON.stringify(stored)}, expected ${JSON.stringify(cell.expected)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(80);
    });

    test("no cell holds an error value", () => {
      const errors: string[] = [];
      for (const [name, cells] of recalculated) {
        for (const [address, cell] of cells) {
          if (cell.error || (typeof cell.value === "string" && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)/.test(cell.value))) errors.push(`${name}!${address}`);
        }
      }
      expect(errors).toEqual([]);
      expect(recalculated.size).toBe(spec.sheets.length);
    });

    test("the charts are in the file, and LibreOffice reads and writes them back", async () => {
      const expected = spec.sheets.reduce((n, s) => n + s.charts.length, 0);
      const count = async (path: string) => Object.keys((await JSZip.loadAsync(readFileSync(path))).files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
      expect(expected).toBeGreaterThanOrEqual(scenario.options.orders ? 6 : 4);
      expect(await count(original)).toBe(expected);
      expect(await count(recalculatedPath)).toBe(expected);
      const zip = await JSZip.loadAsync(readFileSync(original));
      const all = await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith(".xml") || f.endsWith(".rels")).map((f) => zip.file(f)!.async("string")));
      expect(all.join("\n")).not.toMatch(/KPI\.|externalLink/); // no custom function, no external link
    });

    test("LibreOffice renders every sheet", () => {
      const pngs = office.renderPng(original, join(OUT, `${scenario.id}-${lang}`, "png"));
      expect(pngs.length).toBe(spec.sheets.length);
      for (const png of pngs) expect(readFileSync(png).length).toBeGreaterThan(5000);
    });

    test("the README's figures are in the recalculated review", () => {
      const sheetNamed = (name: string) => recalculated.get(name)!;
      /** The row whose first column reads `label`, as a function of 1-based column → stored number. */
      const rowIn = (sheet: StoredSheet, label: string) => {
        for (let r = 0; r < 400; r++) {
          if (valueAt(sheet, r, 0) === label) return (col: number) => valueAt(sheet, r, col - 1) as number;
        }
        throw new Error(`no row ${label}`);
      };
      const rowOf = (label: string) => rowIn(sheetNamed(spec.sheets[0].name), label);
      const round = (v: number, d: number) => Number(v.toFixed(d));
      const gmv = rowOf("GMV");
      if (scenario.id === "platform-2025") {
        expect(round(gmv(4) / 1e8, 1)).toBe(28.6);
        expect(round(gmv(5), 3)).toBe(1.144);
        expect(round(gmv(8), 3)).toBe(0.35);
        const repeat = rowOf(lang === "zh" ? "复购率" : "Repeat rate");
        expect([round(repeat(4), 3), round(repeat(9), 1)]).toEqual([0.38, 5]);
        const cpm = rowOf("CPM");
        expect([round(cpm(4), 1), round(cpm(5), 3), round(cpm(8), 3)]).toEqual([32.8, 1.035, -0.18]);
        expect(round(rowOf(lang === "zh" ? "广告花费" : "Ad spend")(5), 3)).toBe(0.979);
        expect(round(rowOf("ROI")(4), 1)).toBe(3.5);
        const search = rowOf(lang === "zh" ? "搜索GMV占比" : "搜索 GMV share");
        expect([round(search(4), 2), round(search(7), 2)]).toEqual([0.45, 0.38]);
        expect(round(rowOf(lang === "zh" ? "用户规模" : "Users")(8), 2)).toBe(0.42);
        // The next year's targets add up to 33亿 after recalculation, +15.4% on 2025.
        const split = sheetNamed(lang === "zh" ? "目标分解" : "Next targets");
        expect(rowIn(split, lang === "zh" ? "合计" : "Total")(4)).toBe(3300000000);
        expect(round(rowIn(split, lang === "zh" ? "合计" : "Total")(5), 3)).toBe(0.154);
      } else if (scenario.id === "platform-2025-jan-sep") {
        // domain.md: 25亿 for 2025, PY Jan–Sep 14.53亿 of 21.19亿 → 17.15亿 to date; GMV 19.59亿 → 114.2%.
        expect(gmv(3)).toBe(2500000000);
        expect(round(gmv(4) / 1e8, 2)).toBe(17.15);
        expect(round(gmv(5) / 1e8, 2)).toBe(19.59);
        expect(round(gmv(6), 3)).toBe(1.142);
        expect(gmv(11)).toBe(lang === "zh" ? "达成" : "Met");
        expect([round(gmv(12), 3), gmv(13), round(gmv(14) / 1e8, 2), round(gmv(15) / 1e8, 2)]).toEqual([0.784, 0.75, 28.56, 1.8]);
        const trend = rowIn(sheetNamed(lang === "zh" ? "月度趋势" : "Monthly trend"), "2025-09");
        expect([round(trend(9), 3), trend(10)]).toEqual([0.784, 0.75]);
        // A target that is not a whole number of 百万 still adds up exactly.
        expect(rowIn(sheetNamed(lang === "zh" ? "目标分解" : "Next targets"), lang === "zh" ? "合计" : "Total")(4)).toBe(3215500000);
      } else if (scenario.id === "orders-2025" || scenario.id === "shop-with-orders") {
        // The order-list sections after recalculation: the category contributions add up to the categories'
        // ΔGMV, the top items and the others add up to the products' GMV, the new/returning table to GMV.
        const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
        const categories = rowIn(sheetNamed(L("品类", "Categories")), L("合计", "Total"));
        expect(categories(8)).toBeCloseTo(categories(2) - categories(3), 6);
        const products = sheetNamed(L("商品", "Products"));
        const model = spec.sheets.find((s) => s.name === L("商品", "Products"))!;
        expect(model.charts[0].series[1].axis).toBe("secondary");
        expect(recalculated.get(L("新老客与留存", "Customers over time"))).toBeDefined();
        expect(products.size).toBeGreaterThan(100);
        if (scenario.id === "orders-2025") expect(round(gmv(4), 2)).toBe(round(model.cells.find((c) => c.formula?.startsWith("SUM(C"))!.expected as number, 2));
      } else {
        expect(gmv(4)).toBe(19800000);
        expect(round(gmv(5), 3)).toBe(0.792);
        expect(round(gmv(8), 3)).toBe(0.125);
        expect(round(rowOf(lang === "zh" ? "客单价" : "Average order value per buyer")(8), 3)).toBe(0.05);
        const repeat = rowOf(lang === "zh" ? "复购率" : "Repeat rate");
        expect([round(repeat(8), 3), round(repeat(9), 1)]).toEqual([0.021, 0.5]);
        const roi = rowOf(lang === "zh" ? "腾讯广告ROI" : "腾讯 ad ROI");
        expect([round(roi(4), 1), round(roi(7), 1)]).toEqual([0.9, 1.2]);
        expect(rowOf(lang === "zh" ? "转化率" : "Conversion rate")(4)).toBeLessThan(0.035);
        // Monthly figures on the trend and channel sheets.
        // 新客数 July −18% on June is on the monthly data, not the GMV trend; the trend's MoM for July is GMV's.
        const trend = rowIn(sheetNamed(lang === "zh" ? "月度趋势" : "Monthly trend"), "2025-07");
        expect(round(trend(5), 3)).toBe(round(3700000 / 4300000 - 1, 3));
        expect(round(rowIn(sheetNamed(lang === "zh" ? "渠道结构" : "Channels"), "2025-09")(2), 2)).toBe(0.68);
        expect(rowIn(sheetNamed(lang === "zh" ? "用户分层" : "Customers"), lang === "zh" ? "合计" : "Total")(2)).toBe(23570);
      }
    });
  });

  test("writing the same review twice gives the same sheets; only the generated time differs", async () => {
    const parts = async (generatedAt: string) => {
      const built = await buildSpec(scenario, "zh", generatedAt);
      const zip = await JSZip.loadAsync(await writeXlsx(built.spec, { created: built.created }));
      const out = new Map<string, string>();
      for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
      return out;
    };
    const first = await parts("2026-01-05T09:00:00Z");
    const again = await parts("2026-01-05T09:00:00Z");
    const later = await parts("2026-02-07T18:30:00Z");
    expect(again).toEqual(first);
    for (const [name, text] of first) {
      const stamp = (t: string) => t.replace(/2026-0\d-0\d[ T]\d\d:\d\d(:\d\d(\.\d+)?Z?| UTC)?/g, "<time>");
      expect({ name, text: stamp(later.get(name)!) }).toEqual({ name, text: stamp(text) });
    }
  });
});
