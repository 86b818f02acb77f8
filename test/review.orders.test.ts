/**
 * The review from an order list, on a list small enough to check by hand (every expected number below is
 * worked out in the comments, not taken from the code): monthly figures, exact period counts, two-factor
 * LMDI, products (ABC, top N, others, price bands), categories (contribution to ΔGMV), new and returning
 * customers, cohort retention and LTV, and the sheets' formulas carrying those numbers.
 */
import fc from "fast-check";
import { monthlyFromOrders } from "../src/engine/orders/monthlyFromOrders";
import { buildReview, type ReviewModel } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../src/engine/customers/rfm";
import { makeMonth } from "../src/engine/read/month";
import { formatIssue } from "../src/i18n/issues";
import { generateInsights } from "../src/engine/review/insights";
import { readTargetsGrid } from "../src/engine/read/targets";
import { readOrderGrid, withExactAmounts, type OrderTable } from "../src/engine/customers/orderTable";
import type { SheetSpec } from "../src/engine/review/workbookSpec";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli";

// 2024: A and B first buy in January (A again in July). 2025 Q1: A orders twice in January (O4 has two lines),
// C buys in January and again in February, and is refunded 150 of O5 in February; D first buys in February,
// B comes back in March.
const ROWS: Array<[string, string, string, string, string, number, number]> = [
  ["2024-01-05", "A", "O1", "P1", "X", 2, 80], // unit 40
  ["2024-01-20", "B", "O2", "P2", "Y", 1, 150], // unit 150
  ["2024-07-01", "A", "O3", "P2", "Y", 1, 150],
  ["2025-01-10", "A", "O4", "P1", "X", 1, 40],
  ["2025-01-10", "A", "O4", "P3", "X", 1, 60],
  ["2025-01-15", "C", "O5", "P2", "Y", 2, 300], // unit 150
  ["2025-01-28", "A", "O6", "P3", "X", 1, 60],
  ["2025-02-03", "C", "O7", "P1", "X", 3, 120], // unit 40
  ["2025-02-10", "D", "O8", "P4", "Z", 1, 250],
  ["2025-02-20", "C", "O5", "P2", "Y", 1, -150], // refund
  ["2025-03-01", "B", "O9", "P1", "X", 1, 40],
];
const HEADER = ["下单时间", "客户ID", "订单号", "商品ID", "品类", "数量", "实付金额"];
const grid = { sheet: "订单", values: [HEADER, ...ROWS.map((r) => [...r])] };
const PERIOD = { from: makeMonth(2025, 1), to: makeMonth(2025, 3) };

function review(lang: "zh" | "en" = "zh", products?: { topN: number }, period = PERIOD): ReviewModel {
  const read = readOrderGrid(grid);
  return buildReview({
    targets: [],
    period,
    orders: { table: read.table, settings: DEFAULT_SEGMENTATION_SETTINGS, rejectedRows: 0, source: "orders.csv" },
    products,
    lang,
    source: "orders.csv",
    generatedAt: new Date("2025-04-01T00:00:00Z"),
  });
}

const metric = (model: ReviewModel, key: string) => model.scorecard.metrics.find((m) => m.key === key)!;

describe("monthly figures from an order list", () => {
  const built = monthlyFromOrders(readOrderGrid(grid).table)!;
  const month = (y: number, m: number) => built.monthly[built.months.indexOf(makeMonth(y, m))];

  test("each month: GMV with the refund in its month, distinct orders and buyers, repeat and new customers", () => {
    // Jan: 40+60+300+60 = 460; orders O4 O5 O6; buyers A C; A has two orders; C is new.
    expect(month(2025, 1)).toMatchObject({ gmv: 460, orders: 3, buyers: 2, repeatBuyers: 1, newCustomers: 1, newBuyers: 1, newGmv: 300 });
    // Feb: 120+250−150 = 220; orders O7 O8 (a refund is no order); buyers C D; D is new (250).
    expect(month(2025, 2)).toMatchObject({ gmv: 220, orders: 2, buyers: 2, repeatBuyers: 0, newCustomers: 1, newGmv: 250, refunds: 150 });
    expect(month(2025, 3)).toMatchObject({ gmv: 40, orders: 1, buyers: 1, repeatBuyers: 0, newCustomers: 0 });
    // Months without orders are there, at zero, between the first and the last.
    expect(month(2024, 5)).toMatchObject({ gmv: 0, orders: 0, buyers: 0 });
    expect(built.months[0]).toBe(makeMonth(2024, 1));
  });

  test("a period counts buyers and repeat buyers once over the whole period, not as a sum of months", () => {
    const q1 = built.period([makeMonth(2025, 1), makeMonth(2025, 2), makeMonth(2025, 3)])!;
    // Buyers A, C, D, B = 4 (the months sum to 5); A (O4, O6) and C (O5, O7) repeat = 2 (the months sum to 1).
    expect(q1).toMatchObject({ gmv: 720, orders: 6, buyers: 4, repeatBuyers: 2, newCustomers: 2, newBuyers: 2, newGmv: 520 });
    expect(built.period([makeMonth(2023, 12)])).toBeNull();
  });

  test("property: a period of one month is that month; period buyers never exceed the sum of the months", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: -50, max: 300 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const table: OrderTable = withExactAmounts({
          rows: rows.length,
          customer: Int32Array.from(rows, (r) => r[0]),
          customerIds: ["a", "b", "c", "d", "e", "f"],
          day: Int32Array.from(rows, (r) => 20000 + r[1] * 7),
          amount: Float64Array.from(rows, (r) => r[3]),
          order: Int32Array.from(rows, (r) => r[2] + 10 * r[0]),
          orderIds: Array.from({ length: 60 }, (_, i) => `o${i}`),
          product: null,
          productIds: null,
        });
        const m = monthlyFromOrders(table)!;
        m.months.forEach((month, k) => expect(m.period([month])).toEqual(m.monthly[k]));
        const all = m.period(m.months)!;
        expect(all.buyers).toBeLessThanOrEqual(m.monthly.reduce((s, f) => s + f.buyers, 0));
        expect(all.repeatBuyers).toBeGreaterThanOrEqual(Math.max(...m.monthly.map((f) => f.repeatBuyers)));
        expect(all.gmv).toBeCloseTo(rows.reduce((s, r) => s + r[3], 0), 9);
      }),
    );
  });
});

describe("the review from an order list alone", () => {
  const model = review();

  test("the scorecard takes the period's distinct counts: buyers 4, aov 720/4, repeat rate 2/4", () => {
    expect(metric(model, "gmv")).toMatchObject({ actual: 720, previous: 230 });
    expect(metric(model, "buyers")).toMatchObject({ actual: 4, previous: 2 });
    expect(metric(model, "orders")).toMatchObject({ actual: 6, previous: 2 });
    expect(metric(model, "aov").actual).toBeCloseTo(180, 12);
    expect(metric(model, "aov").previous).toBeCloseTo(115, 12);
    expect(metric(model, "orderValue").actual).toBeCloseTo(120, 12);
    expect(metric(model, "repeatRate").actual).toBeCloseTo(0.5, 12);
    expect(metric(model, "repeatRate").previous).toBeCloseTo(0, 12);
    expect(metric(model, "newCustomers")).toMatchObject({ actual: 2, previous: 2 });
    // Refunds: C's 150 in February; refund rate 150 / 720. Units (sale lines' quantities): Jan 1+1+2+1, Feb 3+1,
    // Mar 1 = 10; 件单价 720 / 10 = 72; 连带率 10 / 6 orders.
    expect(metric(model, "refunds")).toMatchObject({ actual: 150, previous: 0, direction: "lower" });
    expect(metric(model, "refundRate").actual).toBeCloseTo(150 / 720, 12);
    expect(metric(model, "units")).toMatchObject({ actual: 10, previous: 3 });
    expect(metric(model, "unitPrice").actual).toBeCloseTo(72, 12);
    expect(metric(model, "itemsPerOrder").actual).toBeCloseTo(10 / 6, 12);
  });

  test("GMV moved: two-factor LMDI, buyers × aov, adding up to ΔGMV", () => {
    const L = (720 - 230) / Math.log(720 / 230);
    const [buyers, aov] = model.scorecard.drivers.factors!;
    expect(buyers.key).toBe("buyers");
    expect(buyers.effect).toBeCloseTo(L * Math.log(4 / 2), 9); // ≈ 297.6
    expect(aov.effect).toBeCloseTo(L * Math.log(180 / 115), 9); // ≈ 192.4
    expect(buyers.effect + aov.effect).toBeCloseTo(490, 9);
    expect(model.scorecard.drivers.effects).toBeNull();
  });

  test("with less than 12 months of orders before the period, the review says new customers are over-counted", () => {
    expect(model.scorecard.warnings.map((w) => w.code)).not.toContain("newCustomersOverCounted"); // 2024-01..2024-12 before 2025
    const early = review("en", undefined, { from: makeMonth(2024, 6), to: makeMonth(2024, 8) });
    const warning = early.scorecard.warnings.find((w) => w.code === "newCustomersOverCounted")!;
    expect(formatIssue(warning, "en")).toContain("only 5 months");
  });

  test("products: ABC of the period, top N with last year's rank, others, price bands by unit price", () => {
    const products = review("zh", { topN: 2 }).products!;
    // Period GMV per item: P4 250, P1 40+120+40 = 200, P2 300−150 = 150, P3 60+60 = 120; total 720.
    // Share before P3 = 600/720 = 83.3% ≥ 80%: B; the others are A.
    expect(products.abc).toEqual([
      { abcClass: "A", items: 3, gmv: 600 },
      { abcClass: "B", items: 1, gmv: 120 },
      { abcClass: "C", items: 0, gmv: 0 },
    ]);
    // Last year (2024 Q1): P2 150 (rank 1), P1 80 (rank 2); P4 was not sold.
    expect(products.top).toEqual([
      { product: "P4", gmv: 250, previous: 0, previousRank: null },
      { product: "P1", gmv: 200, previous: 80, previousRank: 2 },
    ]);
    expect(products.others).toEqual({ items: 2, gmv: 270, previous: 150 });
    // Sale lines' unit prices: 40, 60, 150, 60, 40 (120/3), 250, 40 → <50: 200 in 3 lines; 50–100: 120 in 2;
    // 100–200: 300 in 1; ≥200: 250 in 1. Last year: 40 (80/2) and 150.
    expect(products.bands.map((b) => [b.gmv, b.lines, b.previousGmv, b.previousLines])).toEqual([
      [200, 3, 80, 1],
      [120, 2, 0, 0],
      [300, 1, 150, 1],
      [250, 1, 0, 0],
    ]);
  });

  test("categories: contributions Δᵢ = ACᵢ − PYᵢ add up to ΔGMV = 490", () => {
    const { rows, monthly } = model.categories!;
    // X: 40+60+60+120+40 = 320 (PY 80); Z: 250 (PY 0); Y: 300−150 = 150 (PY 150).
    expect(rows).toEqual([
      { category: "X", gmv: 320, previous: 80 },
      { category: "Z", gmv: 250, previous: 0 },
      { category: "Y", gmv: 150, previous: 150 },
    ]);
    expect(rows.reduce((s, r) => s + r.gmv - r.previous, 0)).toBe(490);
    expect(monthly).toEqual([
      [160, 0, 300],
      [120, 250, -150],
      [40, 0, 0],
    ]);
  });

  test("the sections read the reader's own columns: rows it leaves out are out of products and categories too", () => {
    // O2 (no customer) and O3 (no date) are left out; a line without a product counts in categories, not in products.
    const lines = readOrderGrid({
      sheet: "订单",
      values: [
        ["订单号", "客户ID", "下单时间", "商品ID", "商品名称", "类目", "购买数量", "实付金额"],
        ["O1", "A", "2025-01-02", "P1", "耳机", "3C", "2", "100"],
        ["O2", "", "2025-01-03", "P2", "T恤", "服饰", "1", "50"],
        ["O3", "B", "not a date", "P2", "T恤", "服饰", "1", "50"],
        ["O4", "C", "2025-01-04", "P3", "袜子", "服饰", "", "30"],
        ["O5", "D", "2025-01-05", "P1", "耳机", "3C", "3", "150"],
        ["O6", "E", "2025-01-06", "", "", "服饰", "1", "20"],
      ],
    });
    expect(lines.rejectedRows).toBe(2);
    const built = buildReview({ targets: [], period: { from: makeMonth(2025, 1), to: makeMonth(2025, 1) }, orders: { table: lines.table, settings: DEFAULT_SEGMENTATION_SETTINGS, rejectedRows: 2, source: "o" }, lang: "zh", source: "o", generatedAt: new Date("2025-02-01T00:00:00Z") });
    // 3C: 100 + 150 = 250; 服饰: 30 + 20 = 50.
    expect(built.categories!.rows.map((r) => [r.category, r.gmv])).toEqual([["3C", 250], ["服饰", 50]]);
    // Products: P1 耳机 250, P3 袜子 30 (the line without a product is no item): 280. Share before P3 = 250/280 = 89%: B.
    expect(built.products!.top.map((p) => [p.product, p.name, p.gmv])).toEqual([["P1", "耳机", 250], ["P3", "袜子", 30]]);
    expect(built.products!.gmv).toBe(280);
    expect(built.products!.abc.map((c) => c.items)).toEqual([1, 1, 0]);
  });

  test("one ABC rule: over a period holding every order, the products sheet's classes are the customer review's", () => {
    const line = fc.record({ customer: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 58 }), product: fc.integer({ min: -1, max: 7 }), cents: fc.integer({ min: -500, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (rows) => {
        const first = Date.UTC(2025, 0, 1) / 86400000;
        const table = withExactAmounts({
          rows: rows.length,
          customer: Int32Array.from(rows, (r) => r.customer),
          customerIds: ["A", "B", "C", "D", "E", "F"],
          day: Int32Array.from(rows, (r) => first + r.day),
          amount: Float64Array.from(rows, (r) => r.cents / 100),
          order: null,
          orderIds: null,
          product: Int32Array.from(rows, (r) => r.product),
          productIds: ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"],
        });
        const built = buildReview({ targets: [], period: { from: makeMonth(2025, 1), to: makeMonth(2025, 2) }, orders: { table, settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: first + 59 }, rejectedRows: 0, source: "o" }, lang: "en", source: "o", generatedAt: new Date("2025-03-01T00:00:00Z") });
        const counts = (["A", "B", "C"] as const).map((k) => (built.customers!.abc ?? []).filter((item) => item.abcClass === k).length);
        expect(built.products?.abc.map((c) => c.items) ?? [0, 0, 0]).toEqual(counts);
      }),
      { numRuns: 80 },
    );
  });

  test("customers over time: new and returning by month, cohorts, average month-1 retention, LTV", () => {
    const section = model.customersOverTime!;
    expect(section.months.map((m) => [m.newBuyers, m.returningBuyers, m.newGmv, m.returningGmv])).toEqual([
      [1, 1, 300, 160],
      [1, 1, 250, -30],
      [0, 1, 0, 40],
    ]);
    // C 300 + 120 − 150 and D 250 are new (520); A 160 and B 40 return (200).
    expect(section.period).toEqual({ newBuyers: 2, returningBuyers: 2, newGmv: 520, returningGmv: 200 });
    const cohort = (label: string) => section.cohorts.find((c) => c.cohort === label)!;
    // 2024-01: A and B; A orders again 6 and 12 months later (B's return 14 months later is past the matrix's 12).
    expect(cohort("2024-01").retention.filter((v, k) => v > 0 && k > 0).length).toBe(2);
    expect([cohort("2024-01").retention[6], cohort("2024-01").retention[12]]).toEqual([0.5, 0.5]);
    // Month 1, weighted over the cohorts that reached it: 2024-01 (0 of 2), 2025-01 (1 of 1), 2025-02 (0 of 1) = 1/4.
    expect(section.averageRetention[0]).toEqual({ offset: 1, value: 0.25 });
    // LTV per customer: 2024-01 spends 80+150 = 230 in its first month (115 each), +150 at month 6, +160 at month 12
    // (A's January): 115, 190, 270. 2025-01 (C): 300, then 120 − 150 → 270.
    const ltv = cohort("2024-01").ltv;
    expect([ltv[0], ltv[5], ltv[6], ltv[11], ltv[12]]).toEqual([115, 115, 190, 190, 270]);
    expect(cohort("2025-01").ltv).toEqual([300, 270, 270]);
  });

  test("the sheets' formulas carry the hand-checked figures", () => {
    const sheets = reviewWorkbook(review("en", { topN: 2 })).sheets;
    const byName = (name: string) => sheets.find((s) => s.name === name)!;
    expect(sheets.map((s) => s.name)).toEqual(["Review", "Monthly trend", "Products", "Categories", "Customers over time", "Customers", "Customer list"]);
    const expectedIn = (sheet: SheetSpec) => sheet.cells.filter((c) => c.formula !== undefined).map((c) => c.expected);
    // Products: A's 3 items of 4 = 75%, 600/720 of GMV; top 2 cumulative (250+200)/720 = 62.5%; the <50 band's
    // share 200/870 against 80/230 last year: −11.79pp.
    const products = expectedIn(byName("Products"));
    expect(products).toEqual(expect.arrayContaining([0.75, 600 / 720, 450 / 720, (200 / 870 - 80 / 230) * 100]));
    // Categories: X's contribution 240 is 240/490 of ΔGMV; Z's share moved from 0 to 250/720.
    const categories = expectedIn(byName("Categories"));
    expect(categories).toEqual(expect.arrayContaining([240, 240 / 490, (250 / 720) * 100, 490]));
    // Customers over time: January's new AOV 300/1, returning AOV 160/1; the period's new GMV share 520/720.
    const overTime = byName("Customers over time");
    expect(expectedIn(overTime)).toEqual(expect.arrayContaining([300, 160, 520 / 720, 0.25]));
    expect(overTime.conditionalFormats.some((cf) => cf.rule.kind === "colorScale")).toBe(true);
    expect(overTime.charts.map((c) => c.kind)).toEqual(["stackedColumn", "line"]);
    expect(byName("Products").charts[0].series[1]).toMatchObject({ as: "line", axis: "secondary" });
  });

  test("highlights cite the sections' figures", () => {
    const texts = generateInsights(review("zh", { topN: 2 })).map((i) => i.text);
    // Top 2: (250 + 200) / 720 = 62.5%; A: 3 items, 600 / 720 = 83.3%.
    expect(texts).toContain("TOP2 商品贡献 62.5% GMV；A 类 3 个商品（共 4 个）占 83.3%。");
    // 100–200: 300 / 870 = 34.5% against 150 / 230 = 65.2% last year: −30.7pp, the largest move.
    expect(texts).toContain("100–200元商品 GMV 占比 34.5%，-30.7pp（去年 65.2%）。");
    // Z: +250 of ΔGMV 490 = 51%; no category fell (Y is flat), so no drag is named.
    expect(texts).toContain("Z品类贡献 GMV 增量的 51%（+250）。");
    expect(texts.some((t) => t.includes("拖累"))).toBe(false);
    // Latest cohort with a month 1: 2025-02 (D, no order in March): 0% against 1/4; month 3 only 2024-01 (0 of 2),
    // month 6 2024-01 (1 of 2).
    expect(texts).toContain("2025-02 新客次月留存 0.0%（各月平均 25.0%；第 3 月 0.0%，第 6 月 50.0%）。");
    // New customers C and D: 520 of 720 = 72.2%; AOV 520 / 2 = 260, returning 200 / 2 = 100.
    expect(texts).toContain("新客 2 人贡献 GMV 的 72.2%；新客客单价 260，老客 100。");
    // Without visitors the drivers sentence names buyers and basket.
    expect(texts.some((t) => t.startsWith("GMV 增加 490（230 → 720）：买家数 +298，客单价 +192"))).toBe(true);
  });
});

describe("kpi-review review --orders FILE, without a monthly file", () => {
  test("writes the review from the order list, with the order-list sheets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-orders-"));
    const file = join(dir, "orders.csv");
    writeFileSync(file, [HEADER, ...ROWS].map((r) => r.join(",")).join("\n") + "\n");
    const out = join(dir, "review.xlsx");
    const run = await runCli(["review", "--orders", file, "-o", out, "--from", "2025-01", "--to", "2025-03", "--top", "2", "--lang", "en"]);
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Review, Monthly trend, Products, Categories, Customers over time, Customers, Customer list");
    expect(existsSync(out)).toBe(true);
  });

  test("neither a monthly file nor an order list: a usage message", async () => {
    const run = await runCli(["review", "-o", join(tmpdir(), "never.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--orders");
  });

  test("bad --price-bands and --top are usage errors", async () => {
    expect((await runCli(["review", "--orders", "x.csv", "-o", "y.xlsx", "--price-bands", "100,50"])).code).toBe(2);
    expect((await runCli(["review", "--orders", "x.csv", "-o", "y.xlsx", "--top", "0"])).code).toBe(2);
  });
});

describe("benchmarks: a 行业均值 column in the targets table", () => {
  test("read beside the targets, shown as BM, AC − BM and AC / BM, cited in the highlights", () => {
    const targets = readTargetsGrid({ sheet: "目标", values: [["指标", "目标", "行业均值"], ["客单价", "200", "150"], ["复购率", "40%", "35%"], ["GMV", "700", ""]] }).targets;
    expect(targets.map((t) => [t.key, t.value, t.benchmark])).toEqual([
      ["aov", 200, 150],
      ["repeatRate", 0.4, 0.35],
      ["gmv", 700, null],
    ]);
    const read = readOrderGrid(grid);
    const model = buildReview({ targets, period: PERIOD, orders: { table: read.table, settings: DEFAULT_SEGMENTATION_SETTINGS, rejectedRows: 0, source: "o" }, lang: "zh", source: "o", generatedAt: new Date("2025-04-01T00:00:00Z") });
    // AOV 180 against BM 150: +30 and 120%; repeat rate 50% against 35%: +15.0pp and 142.9%.
    const aov = metric(model, "aov");
    expect([aov.benchmark, aov.actual! - aov.benchmark!]).toEqual([150, 30]);
    const review = reviewWorkbook(model).sheets[0];
    const bmCells = review.cells.filter((c) => c.formula?.startsWith("IF(AND(ISNUMBER(")).map((c) => c.expected as number);
    for (const v of [30, 180 / 150, 15, 0.5 / 0.35]) expect(bmCells.some((e) => typeof e === "number" && Math.abs(e - v) < 1e-9)).toBe(true);
    const texts = generateInsights(model).map((i) => i.text);
    expect(texts).toContain("复购率 50.0%，高于行业均值 35.0%（+15.0pp）。");
    expect(texts).toContain("客单价 180，高于行业均值 150（+20.0%）。");
  });

  test("a targets table with only benchmarks carries the benchmarks and no target values", () => {
    const targets = readTargetsGrid({ sheet: "BM", values: [["指标", "benchmark"], ["转化率", "3.8%"]] }).targets;
    expect(targets).toMatchObject([{ key: "conversion", value: null, benchmark: 0.038 }]);
  });
});
