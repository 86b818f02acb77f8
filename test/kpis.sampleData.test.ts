/**
 * `kpi-review kpis` on ../shared/data reproduces every figure of ../shared/data/README.md, and the
 * engine's sums agree with sums computed here independently from the CSV text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { plainCsv, runCli, SHARED_DATA, SAMPLES } from "./helpers/cli";
import type { ScorecardJson } from "../src/engine/kpi/scorecardJson";
import { readMonthlyGrid } from "../src/engine/read/monthlyTable";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { metricSpecs } from "../src/engine/kpi/metricSpecs";
import { monthlyTrend } from "../src/engine/kpi/trend";
import { makeMonth } from "../src/engine/read/month";

async function scorecard(dir: string, extra: string[] = []): Promise<ScorecardJson> {
  const result = await runCli(["kpis", join(SHARED_DATA, dir, "monthly.csv"), "--targets", join(SHARED_DATA, dir, "targets.csv"), "--json", ...extra]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function metric(card: ScorecardJson, key: string) {
  const found = card.metrics.find((m) => m.key === key);
  if (!found) throw new Error(`no metric ${key} in ${card.metrics.map((m) => m.key).join(", ")}`);
  return found;
}

const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));

describe("platform-2025, period 2025", () => {
  let card: ScorecardJson;
  beforeAll(async () => {
    card = await scorecard("platform-2025");
  });

  test("the default period is the latest calendar year, compared with the one before", () => {
    expect(card.period).toEqual({ from: "2025-01", to: "2025-12" });
    expect(card.previousPeriod).toEqual({ from: "2024-01", to: "2024-12" });
  });

  test("GMV 28.6亿, 达成率 114.4%, 同比 +35.0%", () => {
    const gmv = metric(card, "gmv");
    expect(round(gmv.actual! / 1e8, 1)).toBe(28.6);
    expect(round(gmv.attainment, 3)).toBe(1.144);
    expect(round(gmv.growth, 3)).toBe(0.35);
    expect(gmv.status).toBe("green");
    expect(gmv).toMatchObject({ name: "GMV", unit: "元", direction: "higher", target: 2500000000 });
  });

  test("GMV equals the sum of the CSV's 2025 rows, computed independently", () => {
    const rows = plainCsv(readFileSync(join(SHARED_DATA, "platform-2025", "monthly.csv"), "utf8"));
    const sum = (year: string) => rows.filter((r) => r["月份"].startsWith(year)).reduce((s, r) => s + Number(r["GMV(元)"]), 0);
    const gmv = metric(card, "gmv");
    expect(gmv.actual).toBe(sum("2025"));
    expect(gmv.previous).toBe(sum("2024"));
    expect(gmv.deltaTarget).toBe(sum("2025") - 2500000000);
    const buyers = rows.filter((r) => r["月份"].startsWith("2025")).reduce((s, r) => s + Number(r["支付买家数"]), 0);
    expect(metric(card, "aov").actual).toBeCloseTo(sum("2025") / buyers, 9);
  });

  test("复购率 38.0%, +5.0pp", () => {
    const repeat = metric(card, "repeatRate");
    expect(round(repeat.actual, 3)).toBe(0.38);
    expect(round(repeat.ppChange, 3)).toBe(0.05);
    expect(repeat.unit).toBe("%");
  });

  test("ROI 3.5 vs 2.8", () => {
    const roi = metric(card, "roi");
    expect(round(roi.actual, 1)).toBe(3.5);
    expect(round(roi.previous, 1)).toBe(2.8);
    expect(roi.ppChange).toBeNull(); // ROI is a ratio, not a % metric
  });

  test("CPM 32.8, −18.0% YoY, attainment 103.5% against ≤34", () => {
    const cpm = metric(card, "cpm");
    expect(round(cpm.actual, 1)).toBe(32.8);
    expect(round(cpm.growth, 3)).toBe(-0.18);
    expect(round(cpm.attainment, 3)).toBe(1.035);
    expect(cpm.direction).toBe("lower");
    expect(cpm.status).toBe("green");
  });

  test("广告花费 attainment 97.9%, 8.17亿 against 8亿, lower is better", () => {
    const spend = metric(card, "adSpend");
    expect(round(spend.attainment, 3)).toBe(0.979);
    expect(round(spend.actual! / 1e8, 2)).toBe(8.17);
    expect(spend.target).toBe(8e8);
    expect(spend.status).toBe("amber");
  });

  test("搜索GMV占比 45% (38%), 私域GMV占比 22% (12%)", () => {
    const search = metric(card, "channel:搜索:gmvShare");
    const privateDomain = metric(card, "channel:私域:gmvShare");
    expect([round(search.actual, 2), round(search.previous, 2)]).toEqual([0.45, 0.38]);
    expect([round(privateDomain.actual, 2), round(privateDomain.previous, 2)]).toEqual([0.22, 0.12]);
    expect(search.name).toBe("搜索GMV占比");
    expect(search.target).toBe(0.42);
  });

  test("用户规模 1200万, +42% on the start of the year (a stock: the last month)", () => {
    const users = metric(card, "users");
    expect(users.actual).toBe(12000000);
    expect(users.previous).toBe(8450000);
    expect(round(users.growth, 2)).toBe(0.42);
  });

  test("the LMDI effects add up to ΔGMV", () => {
    const { previous, actual, effects } = card.drivers;
    expect(effects).not.toBeNull();
    expect(effects!.visitors + effects!.conversion + effects!.aov).toBeCloseTo(actual! - previous!, 3);
  });

  test("every metric carries the documented fields and nothing else", () => {
    for (const m of card.metrics) {
      expect(Object.keys(m)).toEqual(["key", "name", "unit", "direction", "actual", "target", "targetFullPeriod", "targetBasis", "attainment", "deltaTarget", "previous", "deltaPrevious", "growth", "ppChange", "status", "rule"]);
    }
    expect(Object.keys(card)).toEqual(["period", "previousPeriod", "metrics", "drivers", "warnings"]);
    expect(card.warnings).toEqual([]);
  });
});

describe("platform-2025, January–September against the annual target (domain.md's example)", () => {
  let card: ScorecardJson;
  const rows = plainCsv(readFileSync(join(SHARED_DATA, "platform-2025", "monthly.csv"), "utf8"));
  const gmvOf = (year: string, lastMonth: number) => rows.filter((r) => r["月份"].startsWith(year) && Number(r["月份"].slice(5)) <= lastMonth).reduce((s, r) => s + Number(r["GMV(元)"]), 0);
  beforeAll(async () => {
    card = await scorecard("platform-2025", ["--from", "2025-01", "--to", "2025-09"]);
  });

  test("by hand: PY Jan–Sep 14.53亿 of 21.19亿, so 25亿 × 14.53/21.19 = 17.15亿 to date; GMV 19.59亿 is 114.2%, ahead of plan", () => {
    const pyJanSep = gmvOf("2024", 9);
    const pyYear = gmvOf("2024", 12);
    const acJanSep = gmvOf("2025", 9);
    expect([round(pyJanSep / 1e8, 2), round(pyYear / 1e8, 2), round(acJanSep / 1e8, 2)]).toEqual([14.53, 21.19, 19.59]);
    const toDate = (2500000000 * pyJanSep) / pyYear;
    expect(round(toDate / 1e8, 2)).toBe(17.15);
    const gmv = metric(card, "gmv");
    expect(gmv.actual).toBe(acJanSep);
    expect(gmv.targetFullPeriod).toBe(2500000000);
    expect(gmv.targetBasis).toBe("seasonal");
    expect(gmv.target).toBeCloseTo(toDate, 3);
    expect(round(gmv.attainment, 3)).toBe(1.142);
    expect(gmv.deltaTarget).toBeCloseTo(acJanSep - toDate, 3);
    expect(gmv.status).toBe("green");
  });

  test("广告花费 (adds up, lower is better) is pro-rated the same way", () => {
    const spend = metric(card, "adSpend");
    const spendOf = (year: string, last: number) => rows.filter((r) => r["月份"].startsWith(year) && Number(r["月份"].slice(5)) <= last).reduce((s, r) => s + Number(r["广告花费(元)"]), 0);
    const toDate = (800000000 * spendOf("2024", 9)) / spendOf("2024", 12);
    expect(spend.targetBasis).toBe("seasonal");
    expect(spend.target).toBeCloseTo(toDate, 3);
    expect(spend.attainment).toBeCloseTo(1 - (spendOf("2025", 9) - toDate) / toDate, 12);
  });

  test("用户规模 (a stock) compares September's 1111.25万 with the year-end 1150万: 96.6%, not pro-rated", () => {
    const users = metric(card, "users");
    expect(users.actual).toBe(11112500);
    expect([users.target, users.targetFullPeriod, users.targetBasis]).toEqual([11500000, 11500000, "as given"]);
    expect(round(users.attainment, 3)).toBe(round(11112500 / 11500000, 3));
  });

  test("rates take the annual target as given: 转化率 against 5%, 复购率 against 36%", () => {
    expect([metric(card, "conversion").target, metric(card, "conversion").targetBasis]).toEqual([0.05, "as given"]);
    expect([metric(card, "repeatRate").target, metric(card, "repeatRate").targetBasis]).toEqual([0.36, "as given"]);
  });

  test("the output says how the targets were brought to the period", () => {
    expect(card.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^GMV、广告花费: 目标为 2025-01..2025-12 的全年目标，按去年同期各月占比折算.*季节性/)]));
  });

  test("the text scorecard shows the full-year target and the basis beside the target to date", async () => {
    const result = await runCli(["kpis", join(SHARED_DATA, "platform-2025", "monthly.csv"), "--targets", join(SHARED_DATA, "platform-2025", "targets.csv"), "--to", "2025-09", "--from", "2025-01"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/全年目标\s+目标口径\s+目标至今\(PL\)/);
    expect(result.stdout).toMatch(/GMV\s+元\s+19\.59亿\s+25亿\s+季节折算\s+17\.15亿\s+114\.2%/);
  });
});

describe("shop-2025q3, period 2025-06..2025-10", () => {
  let card: ScorecardJson;
  beforeAll(async () => {
    card = await scorecard("shop-2025q3", ["--from", "2025-06", "--to", "2025-10", "--lang", "en"]);
  });

  test("GMV 1980万 against 2500万, 达成率 79.2%, 同比 +12.5%", () => {
    const gmv = metric(card, "gmv");
    expect(gmv.actual).toBe(19800000);
    expect(gmv.target).toBe(25000000);
    expect(round(gmv.attainment, 3)).toBe(0.792);
    expect(round(gmv.growth, 3)).toBe(0.125);
    expect(gmv.status).toBe("red");
  });

  test("客单价 +5.0%; 复购率 +2.1% (+0.5pp)", () => {
    expect(round(metric(card, "aov").growth, 3)).toBe(0.05);
    const repeat = metric(card, "repeatRate");
    expect(round(repeat.growth, 3)).toBe(0.021);
    expect(round(repeat.ppChange, 3)).toBe(0.005);
  });

  test("转化率 below its 3.5% target", () => {
    const conversion = metric(card, "conversion");
    expect(conversion.actual!).toBeLessThan(0.035);
    expect(conversion.target).toBe(0.035);
    expect(conversion.attainment!).toBeLessThan(1);
    expect(conversion.name).toBe("Conversion rate");
  });

  test("腾讯广告ROI 0.9 against 1.2 last year", () => {
    const roi = metric(card, "channel:腾讯:roi");
    expect(round(roi.actual, 1)).toBe(0.9);
    expect(round(roi.previous, 1)).toBe(1.2);
    expect(round(roi.attainment, 2)).toBe(0.75);
  });

  test("traffic shares of the four channels add up to 100%", () => {
    const shares = card.metrics.filter((m) => m.key.endsWith(":trafficShare"));
    expect(shares.map((m) => m.key)).toEqual(["channel:站外:trafficShare", "channel:站内自然:trafficShare", "channel:站内付费:trafficShare", "channel:私域:trafficShare"]);
    expect(shares.reduce((s, m) => s + m.actual!, 0)).toBeCloseTo(1, 12);
  });

  test("the gap between the PY months and this year's is reported once, as a range", () => {
    expect(card.warnings[0]).toBe("monthly!A7: months before this row are missing: 2024-11..2025-05 (period values over them are n.a.)");
    expect(card.warnings.filter((w: string) => w.includes("months before this row"))).toHaveLength(1);
  });

  test("the plain 目标 column is said to be taken for the five months reviewed, with how to mark an annual target", () => {
    expect(card.warnings.slice(1)).toEqual([
      'GMV, Conversion rate, Average order value per buyer, Repeat rate, 腾讯 ad ROI: the target column "目标" names no year and no 全年, so it is taken as the target of the 5 months reviewed (2025-06..2025-10); if it is an annual target, name the column "2025目标" or "全年目标" (or "FY2025 target") and it is compared as a target to date (by last year\'s share)',
    ]);
  });
});

describe("shop-2025q3 month by month", () => {
  const { table } = readMonthlyGrid({ sheet: "monthly", values: parseDelimitedText(readFileSync(join(SHARED_DATA, "shop-2025q3", "monthly.csv"), "utf8")) });
  const specs = metricSpecs(table);
  const spec = (key: string) => specs.find((s) => s.key === key)!;
  const months = [6, 7, 8, 9, 10].map((m) => makeMonth(2025, m));

  test("转化率 in August 3.2%", () => {
    const august = monthlyTrend(table, spec("conversion"), months)[2];
    expect(round(august.actual, 3)).toBe(0.032);
  });
  test("站外流量 68% of traffic in September", () => {
    expect(round(monthlyTrend(table, spec("channel:站外:trafficShare"), months)[3].actual, 2)).toBe(0.68);
  });
  test("新客数 July −18% on June", () => {
    expect(round(monthlyTrend(table, spec("newCustomers"), months)[1].mom, 2)).toBe(-0.18);
  });
});

describe("the bundled samples are the shared sample data", () => {
  test.each(["platform-2025/monthly.csv", "platform-2025/targets.csv", "shop-2025q3/monthly.csv", "shop-2025q3/targets.csv"])("%s", (file) => {
    expect(readFileSync(join(SAMPLES, file), "utf8")).toBe(readFileSync(join(SHARED_DATA, file), "utf8"));
  });
});
