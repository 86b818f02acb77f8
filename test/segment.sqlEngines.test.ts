/**
 * One definition, several engines: the generated SQL on DuckDB, ClickHouse (chDB) and PostgreSQL (PGlite) gives
 * the TypeScript engine's per-customer scores and summaries on CDNOW, a synthetic list and edge cases.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { join } from "node:path";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { readOrderGrid, type OrderTable } from "../src/engine/customers/orderTable";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../src/engine/customers/rfm";
import { segmentOrders } from "../src/engine/customers/segmentation";
import { monthlyFromOrders } from "../src/engine/orders/monthlyFromOrders";
import { summaryOfSegmentation, type SegmentationSummary } from "../src/engine/sql/segmentationSummary";
import { closeEngines, segmentOnEngine, type EngineRun } from "./helpers/sqlEngines";
import { SHARED_DATA } from "./helpers/cli";
import { ordersOf, syntheticOrders } from "./helpers/syntheticOrders";
import type { DialectName } from "../src/engine/sql/dialects";

const ENGINES: DialectName[] = ["duckdb", "clickhouse", "postgres"];

afterAll(closeEngines);

/**
 * Customers whose TypeScript monetary is not the exact decimal sum of their amounts (main's engine still sums
 * doubles: 11.77 + 48.15 = 59.919999999999995). Where there are none, everything must be identical; where there
 * are some, they alone may differ, and only in what depends on M.
 */
function inexactCustomers(run: EngineRun, orders: OrderTable, settings: SegmentationSettings): Set<string> {
  const ts = segmentOrders(orders, settings).scores;
  const ids = new Set<string>();
  for (let k = 0; k < ts.count; k++) {
    const id = orders.customerIds[ts.source[k]];
    const c = run.customers.get(id);
    if (c && Number(c.monetary) !== ts.monetary[k]) ids.add(id);
  }
  return ids;
}

function expectSameSummary(sql: SegmentationSummary, ts: SegmentationSummary, inexact: number): void {
  expect(sql.asOf).toBe(ts.asOf);
  expect(sql.customers).toBe(ts.customers);
  expect(sql.orders).toBe(ts.orders);
  expect(sql.breaks.recency).toEqual(ts.breaks.recency);
  expect(sql.breaks.frequency).toEqual(ts.breaks.frequency);
  if (inexact === 0) {
    expect(sql.breaks.monetary).toEqual(ts.breaks.monetary);
    expect(sql.means).toEqual(ts.means);
  } else sql.breaks.monetary.forEach((b, i) => expect(Math.abs(b - ts.breaks.monetary[i])).toBeLessThan(1e-9 * Math.abs(b)));
  expect(sql.revenue).toBeCloseTo(ts.revenue, 6);
  for (const key of ["segments", "class8", "tiers"] as const) {
    sql[key].forEach((g, i) => {
      const t = ts[key][i];
      expect(g.name).toBe(t.name);
      if (inexact === 0 || key === "tiers") {
        expect({ customers: g.customers, share: g.share, repeatShare: g.repeatShare }).toEqual({ customers: t.customers, share: t.share, repeatShare: t.repeatShare });
        expect(g.revenue).toBeCloseTo(t.revenue, 6);
        expect(g.revenueShare).toBeCloseTo(t.revenueShare, 12);
      } else expect(Math.abs(g.customers - t.customers)).toBeLessThanOrEqual(inexact);
    });
  }
  expect(sql.abc === null).toBe(ts.abc === null);
  if (sql.abc && ts.abc) {
    expect(sql.abc.map((i) => [i.product, i.abcClass])).toEqual(ts.abc.map((i) => [i.product, i.abcClass]));
    sql.abc.forEach((item, i) => expect(item.revenue).toBeCloseTo(ts.abc![i].revenue, 6));
  }
  expect(sql.cohorts).toEqual(ts.cohorts);
}

function expectSameCustomers(run: EngineRun, orders: OrderTable, settings: SegmentationSettings, inexact: Set<string>): void {
  const ts = segmentOrders(orders, settings).scores;
  expect(run.customers.size).toBe(ts.count);
  const mismatches: string[] = [];
  for (let k = 0; k < ts.count; k++) {
    const id = orders.customerIds[ts.source[k]];
    const c = run.customers.get(id);
    const mDependent = inexact.has(id) ? {} : { m: ts.m[k], segment: ts.segment[k], class8: ts.class8[k] };
    const expected = { recency: ts.recency[k], frequency: ts.frequency[k], r: ts.r[k], f: ts.f[k], tier: ts.tier[k], ...mDependent };
    const actual = c && { recency: c.recency, frequency: c.frequency, r: c.r, f: c.f, tier: c.tier, ...(inexact.has(id) ? {} : { m: c.m, segment: c.segment, class8: c.class8 }) };
    if (!c || JSON.stringify(actual) !== JSON.stringify(expected) || Math.abs(Number(c.monetary) - ts.monetary[k]) > 1e-6) {
      mismatches.push(`${id}: ts ${JSON.stringify({ ...expected, monetary: ts.monetary[k] })} sql ${JSON.stringify(c)}`);
    }
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

/** The TypeScript engine's monthly figures of an order list (engine/orders/monthlyFromOrders.ts) in the SQL result's shape. */
function monthlyOfTs(orders: OrderTable, asOf: number) {
  const built = monthlyFromOrders(orders, { asOf });
  if (!built) return null;
  return built.monthly.map((f, k) => ({
    month: `${Math.floor(built.months[k] / 12)}-${String((built.months[k] % 12) + 1).padStart(2, "0")}`,
    gmv: f.gmv,
    orders: f.orders,
    buyers: f.buyers,
    repeatBuyers: f.repeatBuyers,
    newCustomers: f.newCustomers,
    newCustomerGmv: f.newGmv,
    returningGmv: f.gmv - f.newGmv,
    refunds: f.refunds,
  }));
}

/** Monthly figures: counts exactly; money to a millionth (the TypeScript engine's compensated sums are not exact decimals). */
function expectSameMonthly(sql: SegmentationSummary["monthly"], ts: ReturnType<typeof monthlyOfTs>): void {
  expect(sql?.length).toBe(ts?.length);
  sql!.forEach((m, i) => {
    const t = ts![i];
    expect([m.month, m.orders, m.buyers, m.repeatBuyers, m.newCustomers]).toEqual([t.month, t.orders, t.buyers, t.repeatBuyers, t.newCustomers]);
    for (const key of ["gmv", "newCustomerGmv", "returningGmv", "refunds"] as const) expect(m[key]).toBeCloseTo(t[key], 6);
  });
}

/** `exactMoney`: amounts whose double sums are exact (whole or binary fractions), so everything must be identical. */
function compareOn(name: string, load: () => OrderTable, settings: SegmentationSettings, exactMoney = false): void {
  describe(name, () => {
    let orders: OrderTable;
    let ts: SegmentationSummary;
    beforeAll(() => {
      orders = load();
      ts = summaryOfSegmentation(segmentOrders(orders, settings));
    });
    test.each(ENGINES)("%s gives the TypeScript engine's scores and summaries", async (engine) => {
      const run = await segmentOnEngine(engine, orders, settings);
      const inexact = inexactCustomers(run, orders, settings);
      if (exactMoney) expect([...inexact]).toEqual([]);
      expectSameSummary(run.summary, ts, inexact.size);
      expectSameCustomers(run, orders, settings, inexact);
      expectSameMonthly(run.summary.monthly, monthlyOfTs(orders, ts.asOf));
    });
  });
}

const CDNOW = join(SHARED_DATA, "cdnow", "CDNOW_master.txt");
const cdnowSettings: SegmentationSettings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: Date.UTC(1998, 6, 1) / 86400000, tiers: { highValue: 500, potential: 100, dormantDays: 90, lostDays: 180 } };
compareOn("CDNOW", () => readOrderGrid({ sheet: "CDNOW", values: parseDelimitedText(readFileSync(CDNOW, "utf8")) }).table, cdnowSettings, true);

const DAY_2024 = Date.UTC(2024, 0, 1) / 86400000;
compareOn(
  "a synthetic list of 200,000 order lines: multi-line orders, blank order ids, refunds, same-day orders",
  () => syntheticOrders({ orders: 200_000, customers: 40_000, firstDay: DAY_2024, days: 731, step: 0.25, seed: 13 }),
  { ...DEFAULT_SEGMENTATION_SETTINGS },
  true,
);

// Every order id on one row (the profile's short way: one grouping by customer, sale rows as orders), blank ids,
// refunds, several orders a day and a month; the lists above repeat ids, so they take the long way.
function oneRowPerOrder(refunds: boolean): OrderTable {
  return ordersOf(
    Array.from({ length: 6000 }, (_, i): [string, string, number, string?, string?] => {
      const day = new Date(Date.UTC(2024, 0, 1 + ((i * 7919) % 600))).toISOString().slice(0, 10);
      const amount = refunds && i % 97 === 5 ? -12.5 : 0.25 * (1 + ((i * 31) % 800));
      return [`c${(i * 13) % 800}`, day, amount, i % 50 === 0 ? "" : `o${i}`, `p${i % 40}`];
    }),
  );
}
compareOn("one row per order: 6,000 orders of 800 customers, blank ids, refunds", () => oneRowPerOrder(true), { ...DEFAULT_SEGMENTATION_SETTINGS }, true);
// Every row a sale too (no refund or zero amount): the customer-months count rows and sum no refunds.
compareOn("one row per order, every row a sale", () => oneRowPerOrder(false), { ...DEFAULT_SEGMENTATION_SETTINGS }, true);

/**
 * Ten customers, spend 10, 10, 10, 20, 20, 30, 30, 30, 30, 40 (two orders each, one a day apart, one refund).
 * By hand, PERCENTILE.INC with n = 10, h = 9p: 1.8 → 10 + 0.8·(10 − 10) = 10; 3.6 → 20; 5.4 → 30; 7.2 → 30.
 * Equal to a breakpoint is the lower score: 10 → M 1, 20 → 2, 30 → 3 (above 10 and 20 only), 40 → 5.
 * Frequency: two orders each except J, whose two lines share one order id, and K's two blank-id rows (2 orders).
 */
const TIES: Array<[string, string, number, string?, string?]> = [];
const spends: Record<string, number> = { A: 10, B: 10, C: 10, D: 20, E: 20, F: 30, G: 30, H: 30, I: 30, J: 40 };
for (const [id, spend] of Object.entries(spends)) {
  const lastDay = `2025-06-${String(10 + id.charCodeAt(0) - 65).padStart(2, "0")}`;
  if (id === "A") TIES.push([id, "2025-06-01", spend + 5, "a1", "X"], [id, lastDay, -5, "a2", "Y"]);
  else if (id === "J") TIES.push([id, lastDay, spend / 2, "j1", "X"], [id, lastDay, spend / 2, "j1", "Z"]);
  else TIES.push([id, "2025-06-01", spend / 2, `${id}1`, "Y"], [id, lastDay, spend / 2, `${id}2`, "X"]);
}
const tiesSettings: SegmentationSettings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: Date.UTC(2025, 6, 1) / 86400000 };
compareOn("ties at breakpoints, a refund, same-day lines of one order", () => ordersOf(TIES), tiesSettings, true);

describe("ties at breakpoints, by hand", () => {
  test.each(ENGINES)("%s: M breakpoints 10, 20, 30, 30 and scores 1, 2, 3, 5", async (engine) => {
    const run = await segmentOnEngine(engine, ordersOf(TIES), tiesSettings);
    expect(run.summary.breaks.monetary).toEqual([10, 20, 30, 30]);
    const m = Object.fromEntries([...run.customers].map(([id, c]) => [id, c.m]));
    expect(m).toEqual({ A: 1, B: 1, C: 1, D: 2, E: 2, F: 3, G: 3, H: 3, I: 3, J: 5 });
    expect(run.customers.get("J")!.frequency).toBe(1);
    expect(run.customers.get("A")!.frequency).toBe(2);
    expect(Number(run.customers.get("A")!.monetary)).toBe(10);
  });
});

const BLANK_IDS: Array<[string, string, number, string?, string?]> = [
  ["K", "2025-05-01", 12.5, "", "X"],
  ["K", "2025-05-01", 12.5, "", "X"],
  ["K", "2025-05-02", 25, "k1", "Y"],
  ["L", "2025-05-02", 25, "k1", "Y"],
  ["M", "2025-07-01", 99, "m1", "Y"],
  ["M", "2025-06-30", -25, "m0", "Z"],
];
describe("blank order ids and an order id shared by two customers, by hand", () => {
  test.each(ENGINES)("%s: K has 3 orders (two blank-id rows), L 1, M's order on as-of is left out", async (engine) => {
    const run = await segmentOnEngine(engine, ordersOf(BLANK_IDS), tiesSettings);
    expect(run.customers.get("K")!.frequency).toBe(3);
    expect(run.customers.get("L")!.frequency).toBe(1);
    expect(Number(run.customers.get("M")!.monetary)).toBe(-25);
    expect(run.summary.orders).toBe(5);
    expect(run.summary.abc!.map((i) => [i.product, i.revenue])).toEqual([["Y", 50], ["X", 25], ["Z", -25]]);
  });
});

describe("any small order list (property)", () => {
  // Few customers, few distinct quarter amounts (refunds included) and days: ties everywhere, often at a breakpoint.
  const row = fc.tuple(
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 90 }),
    fc.constantFrom(-10, 0, 0.25, 5, 10, 10, 12.5, 20, 99.75),
    fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    fc.integer({ min: 0, max: 5 }),
  );
  test("DuckDB gives the TypeScript engine's scores, summaries and monthly figures", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 120 }), async (rows) => {
        // Order ids belong to one customer here (c3-o7): the monthly figures count an id shared by two customers once
        // in TypeScript and once per customer in SQL; frequency, which both count per customer, is checked by hand above.
        const table = ordersOf(rows.map(([c, d, a, o, p]) => [`c${c}`, new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10), a, o === undefined ? "" : `c${c}-o${o}`, `p${p}`]));
        const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, tiers: { highValue: 50, potential: 20, dormantDays: 30, lostDays: 60 } };
        const ts = segmentOrders(table, settings);
        const run = await segmentOnEngine("duckdb", table, settings);
        expectSameSummary(run.summary, summaryOfSegmentation(ts), 0);
        expectSameCustomers(run, table, settings, new Set());
        expectSameMonthly(run.summary.monthly, monthlyOfTs(table, ts.scores.asOf));
      }),
      { numRuns: 40 },
    );
  });
});
