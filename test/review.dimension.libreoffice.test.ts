/**
 * The review of a monthly sheet with a dimension column and columns the catalog does not know, checked by
 * LibreOffice: every formula of the breakdown (shares, YoY, pp, contributions) equals the engine's number after
 * recalculation, no cell holds an error, the footnote states the inferred rules, and the sheets render (PNGs under
 * test-output/review-dimension/, the Chinese category page copied to docs/dimension-zh.png by hand after looking).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT_DIR, SAMPLES } from "./helpers/cli";
import { LibreOffice } from "./helpers/libreoffice";
import { readStoredValues } from "./helpers/xlsxValues";
import { columnLetter } from "../src/engine/read/grid";
import { computeReviewInputs } from "../src/cli/reviewInputs";
import { buildReview } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { writeXlsx } from "../src/xlsx/writeXlsx";
import type { Lang } from "../src/i18n/issues";

const OUT = join(ROOT_DIR, "test-output", "review-dimension");
const office = new LibreOffice();

/** The platform sample split over a dimension's members; shares move between the years so pp changes show. */
function splitSample(dimension: string, members: Array<[string, number, number]>): string {
  const [head, ...lines] = readFileSync(join(SAMPLES, "platform-2025", "monthly.csv"), "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
  const out = [["月份", dimension, ...head.slice(1), "店铺评分", "库存量", "新客GMV", "老客GMV"].join(",")];
  const gmvCol = head.indexOf("GMV(元)") - 1;
  for (const line of lines) {
    const year = Number(line[0].slice(0, 4));
    members.forEach(([name, share2024, share2025], i) => {
      const share = year === 2024 ? share2024 : share2025;
      const values = line.slice(1).map((v) => Number(v) * share);
      // New customers' part of GMV: 30% last year, 36% this year.
      const newShare = year === 2024 ? 0.3 : 0.36;
      out.push([i === 0 ? line[0] : "", name, ...values, (4.5 + i * 0.1).toFixed(1), 1000 + i * 100, values[gmvCol] * newShare, values[gmvCol] * (1 - newShare)].join(","));
    });
  }
  return out.join("\n");
}

const ref = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

describe.each<[string, string, Array<[string, number, number]>, Lang]>([
  ["category", "品类", [["服饰", 0.5, 0.45], ["美妆", 0.3, 0.35], ["家居", 0.2, 0.2]], "zh"],
  ["channel", "渠道", [["Tmall", 0.6, 0.55], ["JD", 0.4, 0.45]], "en"],
])("a %s dimension", (id, dimension, members, lang) => {
  const dir = join(OUT, `${id}-${lang}`);
  let spec: ReturnType<typeof reviewWorkbook>;
  let recalculated: Awaited<ReturnType<typeof readStoredValues>>;
  let original: string;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const monthly = join(dir, `monthly-${id}.csv`);
    writeFileSync(monthly, splitSample(dimension, members));
    const { input } = await computeReviewInputs(monthly, { targets: join(SAMPLES, "platform-2025", "targets.csv"), lang, output: "", generatedAt: "2026-01-05T09:00:00Z" });
    const model = buildReview(input);
    spec = reviewWorkbook(model);
    original = join(dir, `review-${id}-${lang}.xlsx`);
    writeFileSync(original, await writeXlsx(spec, { created: input.generatedAt, cacheResults: false }));
    recalculated = await readStoredValues(office.recalculate(original, join(dir, "recalculated")));
  });

  test("the breakdown's formulas, recalculated, equal the engine's numbers; no errors", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const sheet of spec.sheets) {
      const ws = recalculated.get(sheet.name)!;
      for (const cell of sheet.cells.filter((c) => c.formula !== undefined)) {
        const stored = ws.get(ref(cell.row, cell.col));
        const expected = cell.expected!;
        const ok = typeof expected === "number" ? typeof stored?.value === "number" && Math.abs(stored.value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) : expected === "" ? !stored?.value : stored?.value === expected;
        checked++;
        if (!ok) wrong.push(`${sheet.name}!${ref(cell.row, cell.col)} =${cell.formula} → ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
        if (typeof stored?.value === "string" && stored.value.startsWith("#")) wrong.push(`${sheet.name}!${ref(cell.row, cell.col)} holds ${stored.value}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  test("shares by member as the split says, on the right sheet", () => {
    const sheetName = id === "category" ? "品类结构" : "Channels";
    const ws = recalculated.get(sheetName)!;
    expect(ws).toBeDefined();
    const rows = new Map<string, number>();
    for (let r = 0; r < 200; r++) {
      const label = ws.get(ref(r, 0))?.value;
      if (typeof label === "string") rows.set(label, r);
    }
    for (const [name, share2024, share2025] of members) {
      const r = rows.get(name)!;
      expect(ws.get(ref(r, 4))!.value).toBeCloseTo(share2025, 9); // share this period
      expect(ws.get(ref(r, 5))!.value).toBeCloseTo(share2024, 9); // share last year
      expect(ws.get(ref(r, 6))!.value).toBeCloseTo((share2025 - share2024) * 100, 6); // pp
    }
  });

  test("customer types are shown under their own heading, never as channels", () => {
    const ws = recalculated.get(lang === "zh" ? "渠道结构" : "Channels")!;
    const labels = [...ws.values()].map((c) => c.value);
    expect(labels).toContain(lang === "zh" ? "新老客结构" : "Customer mix");
    const row = [...ws.entries()].find(([, c]) => c.value === (lang === "zh" ? "新客GMV占比" : "新客 GMV share"))![0].replace(/^A/, "");
    expect(ws.get(`B${row}`)!.value).toBeCloseTo(0.36, 9);
    expect(ws.get(`C${row}`)!.value).toBeCloseTo(0.3, 9);
    expect(ws.get(`D${row}`)!.value).toBeCloseTo(6, 6); // +6.0pp
  });

  test("the review's footnote states the inferred rules", () => {
    const texts = spec.sheets[0].cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    const note = texts.find((t) => t.startsWith(lang === "zh" ? "注：汇总规则" : "Note: how figures combine"))!;
    expect(note).toContain(lang === "zh" ? "店铺评分：各月平均（按名称推断）" : "店铺评分: mean of months (inferred from the name)");
    expect(note).toContain(lang === "zh" ? "库存量：期末（按名称推断）" : "库存量: last month (inferred from the name)");
  });

  test("LibreOffice renders every sheet", () => {
    const pngs = office.renderPng(original, join(dir, "png"), 70);
    expect(pngs.length).toBe(spec.sheets.length);
    for (const png of pngs) expect(readFileSync(png).length).toBeGreaterThan(5000);
  });
});
