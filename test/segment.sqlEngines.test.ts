/**
 * One definition, several engines: the generated SQL on DuckDB, ClickHouse (chDB) and PostgreSQL (PGlite) gives
 * the TypeScript engine's per-customer scores and summaries on CDNOW, a synthetic list and edge cases.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { readOrderGrid, type OrderTable } from "../src/engine/customers/orderTable";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../src/engine/customers/rfm";
import { segmentOrders } from "../src/engine/customers/segmentation";
import { summaryOfSegmentation, type SegmentationSummary } from "../src/engine/sql/segmentationSummary";
import { segmentOnEngine, type EngineRun } from "./helpers/sqlEngines";
import { SHARED_DATA } from "./helpers/cli";
import type { DialectName } from "../src/engine/sql/dialects";

const ENGINES: DialectName[] = ["duckdb", "clickhouse", "postgres"];

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
    });
  });
}

const CDNOW = join(SHARED_DATA, "cdnow", "CDNOW_master.txt");
const cdnowSettings: SegmentationSettings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: Date.UTC(1998, 6, 1) / 86400000, tiers: { highValue: 500, potential: 100, dormantDays: 90, lostDays: 180 } };
compareOn("CDNOW", () => readOrderGrid({ sheet: "CDNOW", values: parseDelimitedText(readFileSync(CDNOW, "utf8")) }).table, cdnowSettings);
