/**
 * `kpi-review segment` on the real CDNOW order log: the counts of domain.md, groups that add up, revenue that
 * adds up to the file's total, and a few customers worked out here from the raw text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, SHARED_DATA } from "./helpers/cli";

const FILE = join(SHARED_DATA, "cdnow", "CDNOW_master.txt");
type Group = { name: string; nameZh: string; customers: number; share: number; revenue: number; revenueShare: number; averageSpend: number | null; repeatShare: number | null };
type Customer = { id: string; recency: number; frequency: number; monetary: number; R: number; F: number; M: number; segment: string; class8: string; tier: string };

let result: {
  asOf: string;
  customers: number;
  orders: number;
  rejectedRows: number;
  breaks: { recency: number[]; frequency: number[]; monetary: number[] };
  segments: Group[];
  class8: Group[];
  tiers: Group[];
  abc: unknown[];
  cohorts: { cohort: string; customers: number; retention: number[] }[];
  customerList: Customer[];
};

/** The raw file read here without the project's reader: customer → [yyyymmdd, dollars][] */
const raw = new Map<string, Array<[number, number]>>();
let fileTotal = 0;
for (const line of readFileSync(FILE, "utf8").trim().split("\n").slice(1)) {
  const [id, date, , dollars] = line.trim().split(/\s+/);
  raw.set(id, [...(raw.get(id) ?? []), [Number(date), Number(dollars)]]);
  fileTotal += Number(dollars);
}
const daysBetween = (yyyymmdd: number, iso: string) => {
  const d = Date.UTC(Math.floor(yyyymmdd / 10000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100);
  return Math.round((Date.parse(iso) - d) / 86400000);
};

beforeAll(async () => {
  const out = await runCli(["segment", FILE, "--as-of", "1998-07-01", "--tiers", "500,100,90,180", "--json"]);
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  result = JSON.parse(out.stdout);
});

test("23,570 customers and 69,659 orders, nothing rejected", () => {
  expect(result).toMatchObject({ asOf: "1998-07-01", customers: 23570, orders: 69659, rejectedRows: 0 });
  expect(raw.size).toBe(23570);
  expect(result.customerList).toHaveLength(23570);
});

test("counts per segment, class and tier add up to the customers; revenue to the file's total", () => {
  for (const groups of [result.segments, result.class8, result.tiers]) {
    expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(23570);
    expect(groups.reduce((s, g) => s + g.revenue, 0)).toBeCloseTo(fileTotal, 4);
    expect(groups.reduce((s, g) => s + g.share, 0)).toBeCloseTo(1, 12);
    expect(groups.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1, 12);
  }
  expect(result.segments).toHaveLength(11);
  expect(result.class8.map((g) => g.name)).toEqual(["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"]);
  expect(result.tiers.map((g) => g.nameZh)).toEqual(["高净值", "潜力", "一般", "沉默", "流失"]);
  expect(result.cohorts.reduce((s, c) => s + c.customers, 0)).toBe(23570);
  expect(result.abc).toEqual([]); // CDNOW has no product column
});

test("customers checked by hand from the raw file", () => {
  const byId = new Map(result.customerList.map((c) => [c.id, c]));
  // 00001: one order on 1997-01-01 of $11.77; 546 days before 1998-07-01.
  expect(byId.get("00001")).toMatchObject({ recency: 546, frequency: 1, monetary: 11.77, tier: "流失" });
  // 00002: two orders on 1997-01-12, $12.00 + $77.00.
  expect(byId.get("00002")).toMatchObject({ recency: 535, frequency: 2, monetary: 89, tier: "流失" });
  for (const id of ["00001", "00002", "14048", "07592", "23570"]) {
    const orders = raw.get(id)!;
    const last = Math.max(...orders.map((o) => o[0]));
    const spend365 = orders.filter((o) => daysBetween(o[0], "1998-07-01") <= 365).reduce((s, o) => s + o[1], 0);
    const c = byId.get(id)!;
    expect(c.recency).toBe(daysBetween(last, "1998-07-01"));
    expect(c.frequency).toBe(orders.length);
    expect(c.monetary).toBeCloseTo(orders.reduce((s, o) => s + o[1], 0), 6);
    // Scores against the published breakpoints, counted here: R = 1 + #(breaks > recency), F/M = 1 + #(breaks < value).
    expect(c.R).toBe(1 + result.breaks.recency.filter((b) => b > c.recency).length);
    expect(c.F).toBe(1 + result.breaks.frequency.filter((b) => b < c.frequency).length);
    expect(c.M).toBe(1 + result.breaks.monetary.filter((b) => b < c.monetary).length);
    const tier = c.recency > 180 ? "流失" : c.recency > 90 ? "沉默" : spend365 >= 500 ? "高净值" : spend365 >= 100 ? "潜力" : "一般";
    expect({ id, tier: c.tier }).toEqual({ id, tier });
  }
  // The most frequent buyer (217 orders) is a champion with the top F and M scores.
  expect(byId.get("14048")).toMatchObject({ frequency: 217, F: 5, M: 5 });
});

test("frequency breakpoints are PERCENTILE.INC of the customers' order counts, worked out here", () => {
  const counts = [...raw.values()].map((o) => o.length).sort((a, b) => a - b);
  const inc = (p: number) => {
    const h = (counts.length - 1) * p;
    const lo = Math.floor(h);
    return counts[lo] + (h - lo) * (counts[Math.min(lo + 1, counts.length - 1)] - counts[lo]);
  };
  expect(result.breaks.frequency).toEqual([0.2, 0.4, 0.6, 0.8].map(inc));
});

test("the text report is Chinese by default", async () => {
  const out = await runCli(["segment", FILE, "--as-of", "1998-07-01", "--tiers", "500,100,90,180"]);
  expect(out.stdout).toMatch(/^用户分层 · 截至 1998-07-01 · 客户数 23,570 · 订单数 69,659 · 未计入行 0/);
  expect(out.stdout).toContain("重要价值客户");
  expect(out.stdout).toContain("首购月");
});

test("bad options are usage errors", async () => {
  expect((await runCli(["segment", FILE, "--tiers", "1,2,3"])).code).toBe(2);
  expect((await runCli(["segment", FILE, "--as-of", "July"])).stderr).toContain("--as-of July");
});

test("exact money: at as-of 1998-01-01 the 60th monetary percentile is 52.87, printed rounded in the text", async () => {
  const out = await runCli(["segment", FILE, "--as-of", "1998-01-01", "--json"]);
  const json = JSON.parse(out.stdout);
  expect(json.breaks.monetary[2]).toBe(52.87);
  expect(json.amountDecimals).toBe(2);
  expect(json.columns).toMatchObject({ customer: "customer_id", date: "date", amount: "dollar_value", quantity: "number_of_cds", order: null, product: null });
  // Customers with the same spend share M: every monetary value maps to one score.
  const mByValue = new Map<number, Set<number>>();
  for (const c of json.customerList as Customer[]) mByValue.set(c.monetary, (mByValue.get(c.monetary) ?? new Set()).add(c.M));
  expect([...mByValue.values()].every((scores) => scores.size === 1)).toBe(true);
  const text = await runCli(["segment", FILE, "--as-of", "1998-01-01", "--lang", "en"]);
  expect(text.stdout).toMatch(/· M 15\.24 \/ 29\.53 \/ 52\.87 \/ 111\.05\n/);
  expect(text.stdout).not.toContain("0000000");
});
