import fc from "fast-check";
import { percentileInc, quintileBreaks, ranksBySelection, scoreCustomers, scoreDown, scoreUp, tierOf, DEFAULT_SEGMENTATION_SETTINGS } from "./rfm";
import { readOrderGrid, isoToDay, readDay, dayFromParts, monthOfDay, type OrderTable } from "./orderTable";
import { CLASS8_ORDER, class8Name, SEGMENTS, SEGMENT_BY_CODE, TIER, TIERS } from "./segmentNames";
import { segmentOrders, abcClasses, cohortRetention } from "./segmentation";
import { segmentationJsonText, segmentationToJson } from "./segmentationJson";

function orders(rows: Array<[string, string, number, string?]>, withOrderIds = false): OrderTable {
  const header = withOrderIds ? ["客户ID", "下单时间", "实付金额", "订单号"] : ["customer_id", "date", "amount"];
  return readOrderGrid({ sheet: "订单", values: [header, ...rows.map((r) => (withOrderIds ? r : r.slice(0, 3)))] }).table;
}

describe("PERCENTILE.INC breakpoints", () => {
  test("match Excel: PERCENTILE.INC({1,2,3,4,5}, p) and {10,20,30,40}", () => {
    expect(quintileBreaks([5, 3, 1, 4, 2])).toEqual([1.8, 2.6, 3.4, 4.2].map((v) => expect.closeTo(v, 12)));
    expect(percentileInc([10, 20, 30, 40], 0.4)).toBeCloseTo(22, 12);
    expect(percentileInc([7], 0.8)).toBe(7);
  });
  test("selection and counting give the order statistics of a full sort (ties, few values, adversarial orders)", () => {
    const fullSort = (values: number[], ranks: number[]) => {
      const sorted = [...values].sort((x, y) => x - y);
      return ranks.map((r) => sorted[r]);
    };
    const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -1e6, max: 1e6 })), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (list, picks) => {
        const ranks = [...new Set(picks.map((p) => p % list.length))].sort((x, y) => x - y);
        expect(ranksBySelection(list, ranks)).toEqual(fullSort(list, ranks));
        // Integers take the counting route: the same breakpoints as from the doubles.
        expect(quintileBreaks(Int32Array.from(list))).toEqual(quintileBreaks(Float64Array.from(list)));
        const sorted = [...list].sort((x, y) => x - y);
        // Against the textbook formula, which carries binary noise in (n − 1)·p: equal to 1e-12 relative.
        quintileBreaks(Float64Array.from(list)).forEach((value, k) => {
          const reference = percentileInc(sorted, (k + 1) / 5);
          expect(Math.abs(value - reference)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(reference)));
        });
      }),
    );
    // Already sorted, reversed and all-equal inputs of some size: the median-of-three pivot copes.
    const n = 20001;
    const ascending = Array.from({ length: n }, (_, i) => i);
    for (const list of [ascending, [...ascending].reverse(), new Array(n).fill(3), ascending.map((i) => i % 2)]) {
      expect(ranksBySelection(list, [0, 4000, 4001, 16000, n - 1])).toEqual(fullSort(list, [0, 4000, 4001, 16000, n - 1]));
    }
  });
  test("a value equal to a breakpoint lands on the lower score; ties share a score", () => {
    const breaks = [1, 1, 2, 4];
    expect([1, 2, 3, 4, 5].map((v) => scoreUp(v, breaks))).toEqual([1, 3, 4, 4, 5]);
    expect(scoreUp(2, [1.8, 2.6, 3.4, 4.2])).toBe(2);
    expect(scoreUp(1.8, [1.8, 2.6, 3.4, 4.2])).toBe(1);
  });
  test("recency scores the other way: fewer days is a higher R, equal to a breakpoint is the lower R", () => {
    const breaks = [10, 20, 30, 40];
    expect([5, 10, 15, 40, 41].map((d) => scoreDown(d, breaks))).toEqual([5, 4, 4, 1, 1]);
  });
});

describe("the 11 segments", () => {
  test("each of the 125 codes maps to exactly one segment", () => {
    const seen = new Map<number, string[]>();
    SEGMENTS.forEach((s) => s.codes.forEach((code) => seen.set(code, [...(seen.get(code) ?? []), s.name])));
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const code = r * 100 + f * 10 + m;
          expect({ code, segments: seen.get(code) }).toEqual({ code, segments: [expect.any(String)] });
          expect(SEGMENT_BY_CODE[code]).toBeGreaterThanOrEqual(0);
        }
    expect([...seen.keys()]).toHaveLength(125);
  });
  test("Chinese names follow domain.md", () => {
    expect(SEGMENTS.map((s) => s.nameZh)).toEqual(["冠军客户", "忠诚客户", "潜力忠诚客户", "新客户", "有潜力客户", "需关注客户", "即将沉睡客户", "流失风险客户", "不能失去的客户", "休眠客户", "已流失客户"]);
  });
});

describe("scoring a small list by hand", () => {
  // As of 2025-07-01. Five customers, amounts and dates chosen so every score can be worked out on paper.
  const list = orders([
    ["A", "2025-06-30", 100], // recency 1
    ["A", "2025-06-01", 100],
    ["A", "2025-05-01", 100], // A: R 1 day, F 3, M 300
    ["B", "2025-06-21", 50], // B: R 10, F 1, M 50
    ["C", "2025-04-02", 500],
    ["C", "2025-03-01", 500], // C: R 90, F 2, M 1000
    ["D", "2025-01-01", 20], // D: R 181, F 1, M 20
    ["E", "2025-03-02", 5000], // E: R 121, F 1, M 5000
    ["E", "2025-07-01", 999], // on the as-of date: left out of everything
    ["F", "2025-08-01", 10], // after as-of: F is not a customer
  ]);
  const scores = scoreCustomers(list, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: isoToDay("2025-07-01")! });
  const ids = Array.from(scores.source, (s) => list.customerIds[s]);
  const of = (id: string) => ids.indexOf(id);

  test("orders on or after as-of are left out", () => {
    expect(ids).toEqual(["A", "B", "C", "D", "E"]);
    expect(scores.orders).toBe(8);
    expect(scores.monetary[of("E")]).toBe(5000);
  });
  test("recency, frequency, monetary", () => {
    expect(Array.from(scores.recency)).toEqual([1, 10, 90, 181, 121]);
    expect(Array.from(scores.frequency)).toEqual([3, 1, 2, 1, 1]);
    expect(Array.from(scores.monetary)).toEqual([300, 50, 1000, 20, 5000]);
  });
  test("breakpoints and scores", () => {
    // recency sorted 1, 10, 90, 121, 181 → P20 = 8.2, P40 = 58, P60 = 102.4, P80 = 133
    expect(scores.breaks.recency.map((v) => Number(v.toFixed(6)))).toEqual([8.2, 58, 102.4, 133]);
    // frequency sorted 1, 1, 1, 2, 3 → 1, 1, 1.4, 2.2; monetary 20, 50, 300, 1000, 5000 → 44, 200, 580, 1800
    expect(scores.breaks.frequency.map((v) => Number(v.toFixed(6)))).toEqual([1, 1, 1.4, 2.2]);
    expect(scores.breaks.monetary.map((v) => Number(v.toFixed(6)))).toEqual([44, 200, 580, 1800]);
    expect(Array.from(scores.r)).toEqual([5, 4, 3, 1, 2]);
    expect(Array.from(scores.f)).toEqual([5, 1, 4, 1, 1]);
    expect(Array.from(scores.m)).toEqual([3, 2, 4, 1, 5]);
    // codes 553, 412, 344, 111, 215
    expect(Array.from(scores.segment, (s) => SEGMENTS[s].name)).toEqual(["Potential Loyalist", "New Customers", "Loyal", "Lost", "Cannot Lose Them"]);
  });
  test("8-class: high is ≥ the mean score (R 3.0, F 2.4, M 3.0)", () => {
    expect(scores.means).toEqual({ r: 3, f: 2.4, m: 3 });
    // A: R5 F5 M3 (M equal to the mean is high) → 重要价值; B: R4 F1 M2 → 一般发展; C: R3 F4 M4 → 重要价值;
    // D: R1 F1 M1 → 一般挽留; E: R2 F1 M5 → 重要挽留
    expect(Array.from(scores.class8, (c) => class8Name(c).nameZh)).toEqual(["重要价值客户", "一般发展客户", "重要价值客户", "一般挽留客户", "重要挽留客户"]);
  });
  test("tiers: more than 180 days lost, more than 90 dormant, then spend in the last 365 days", () => {
    expect(Array.from(scores.tier, (t) => TIERS[t].nameZh)).toEqual(["一般", "一般", "潜力", "流失", "沉默"]);
  });
});

describe("tier boundaries", () => {
  const tiers = DEFAULT_SEGMENTATION_SETTINGS.tiers;
  test.each([
    [90, 0, TIER.regular],
    [91, 99999, TIER.dormant],
    [180, 99999, TIER.dormant],
    [181, 99999, TIER.lost],
    [1, 999.99, TIER.regular],
    [1, 1000, TIER.potential],
    [1, 4999.99, TIER.potential],
    [1, 5000, TIER.highValue],
  ])("recency %d, 365-day spend %d → tier %d", (recency, spend, tier) => {
    expect(tierOf(recency, spend, tiers)).toBe(tier);
  });
  test("the 365-day window is as-of − 365 ≤ date < as-of", () => {
    const list = orders([
      ["A", "2024-07-01", 4000], // exactly 365 days before as-of: inside
      ["A", "2025-06-30", 1000],
      ["B", "2024-06-30", 4000], // 366 days before: outside
      ["B", "2025-06-30", 1000],
    ]);
    const scores = scoreCustomers(list, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: isoToDay("2025-07-01")! });
    expect(Array.from(scores.spend365)).toEqual([5000, 1000]);
    expect(Array.from(scores.tier)).toEqual([TIER.highValue, TIER.potential]);
  });
});

describe("order ids versus rows", () => {
  test("with an order-id column, frequency counts distinct orders; without it, rows", () => {
    const rows: Array<[string, string, number, string]> = [
      ["A", "2025-01-01", 10, "o1"],
      ["A", "2025-01-01", 15, "o1"], // a second line of the same order
      ["A", "2025-02-01", 20, "o2"],
      ["B", "2025-02-01", 5, "o3"],
    ];
    const byOrder = scoreCustomers(orders(rows, true));
    expect(Array.from(byOrder.frequency)).toEqual([2, 1]);
    expect(byOrder.orders).toBe(3);
    expect(Array.from(byOrder.monetary)).toEqual([45, 5]);
    const byRow = scoreCustomers(orders(rows, false));
    expect(Array.from(byRow.frequency)).toEqual([3, 1]);
  });
  test("the default as-of is the day after the latest order", () => {
    const scores = scoreCustomers(orders([["A", "2025-01-01", 1], ["B", "2025-03-31", 1]]));
    expect(scores.asOf).toBe(isoToDay("2025-04-01"));
    expect(Array.from(scores.recency)).toEqual([90, 1]);
  });
});

describe("reading order lists", () => {
  test("date forms: Excel dates and serials, ISO, slashes, yyyymmdd, with times", () => {
    const day = isoToDay("1997-01-01");
    for (const cell of ["1997-01-01", "1997/1/1", "19970101", 19970101, 35431, "1997-01-01 13:45:00", "1997/01/01 08:00", new Date(Date.UTC(1997, 0, 1)), "1997年1月1日"]) {
      expect({ cell, day: readDay(cell) }).toEqual({ cell, day });
    }
    for (const cell of ["1997-13-01", "yesterday", "", null, "1997-02-30"]) expect(readDay(cell)).toBeNull();
  });
  test("property: day arithmetic agrees with Date for every day from 1900 to 2999", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86400000, max: Date.UTC(2999, 11, 31) / 86400000 }), (day) => {
        const date = new Date(day * 86400000);
        expect(dayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
        expect(monthOfDay(day)).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
        expect(readDay(date.toISOString().slice(0, 10))).toBe(day);
      }),
      { numRuns: 2000 },
    );
    expect(dayFromParts(2024, 2, 29)).not.toBeNull();
    expect(dayFromParts(2025, 2, 29)).toBeNull();
    expect(dayFromParts(2000, 2, 29)).not.toBeNull();
    expect(dayFromParts(1900, 2, 29)).toBeNull();
    expect(readDay("1997-01-01x")).toBeNull();
  });
  test("rows it cannot use are counted and reported by cell, the first 20 of them", () => {
    const values: unknown[][] = [["会员ID", "付款时间", "金额"]];
    for (let i = 0; i < 25; i++) values.push(["c" + i, "not a date", 1]);
    values.push(["x", "2025-01-01", "abc"], ["", "2025-01-01", 1], ["ok", "2025-01-01", "¥1,200"]);
    const read = readOrderGrid({ sheet: "订单", values });
    expect(read.rejectedRows).toBe(27);
    expect(read.rejected).toHaveLength(20);
    expect(read.rejected[0]).toMatchObject({ code: "badDate", address: "订单!B2" });
    expect(read.table.rows).toBe(1);
    expect(read.table.amount[0]).toBe(1200);
  });
  test("columns are found by Chinese and English aliases, or named", () => {
    const read = readOrderGrid({ sheet: "S", values: [["买家", "when", "paid", "SKU"], ["a", "2025-01-01", 3, "p1"]] }, { date: "when" });
    expect(read.columns).toEqual({ customer: 0, date: 1, amount: 2, product: 3 });
    expect(read.headers).toEqual({ customer: "买家", date: "when", amount: "paid", product: "SKU" });
    expect(() => readOrderGrid({ sheet: "S", values: [["who", "when"], ["a", "2025-01-01"]] })).toThrow(/customer id/);
  });
});

describe("ABC and cohorts", () => {
  test("ABC: A while the share before the item is below 80%, B below 95%, then C; ties by id", () => {
    const table = readOrderGrid({
      sheet: "S",
      values: [["customer", "date", "amount", "product"], ["a", "2025-01-01", 70, "x"], ["a", "2025-01-01", 15, "y"], ["b", "2025-01-01", 10, "w"], ["b", "2025-01-01", 5, "z"]],
    }).table;
    const items = abcClasses(table, isoToDay("2025-02-01")!, { a: 0.8, b: 0.95 })!;
    expect(items.map((i) => [i.product, i.abcClass])).toEqual([["x", "A"], ["y", "A"], ["w", "B"], ["z", "C"]]);
    expect(items[3].cumulativeBefore).toBeCloseTo(0.95, 12);
  });
  test("cohorts: share of each first-order month's customers ordering again k months later", () => {
    const list = orders([
      ["a", "2025-01-05", 1], ["a", "2025-02-05", 1], ["a", "2025-03-05", 1],
      ["b", "2025-01-20", 1], ["b", "2025-03-01", 1],
      ["c", "2025-02-10", 1], ["c", "2025-03-10", 1],
      ["d", "2025-02-11", 1],
    ]);
    const scores = scoreCustomers(list, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: isoToDay("2025-04-01")! });
    // January: a (Jan, Feb, Mar) and b (Jan, Mar); February: c (Feb, Mar) and d (Feb). As of April: up to March.
    expect(cohortRetention(scores)).toEqual([
      { cohort: "2025-01", customers: 2, retention: [1, 0.5, 1] },
      { cohort: "2025-02", customers: 2, retention: [1, 0.5] },
    ]);
  });

  test("more than 32 months of orders (several words of month bits per customer)", () => {
    // January 2020 to March 2023: 39 months. a orders in Jan 2020 and Mar 2023 (month 38), b in Jan 2020 only,
    // c in Dec 2022 (month 35) and Mar 2023; an order on the as-of day is left out.
    const list = orders([
      ["a", "2020-01-05", 1], ["a", "2023-03-31", 1],
      ["b", "2020-01-20", 1],
      ["c", "2022-12-01", 1], ["c", "2023-03-02", 1], ["c", "2023-04-01", 1],
    ]);
    const scores = scoreCustomers(list, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: isoToDay("2023-04-01")! });
    expect(scores.activeMonths).toMatchObject({ span: 39, words: 2 });
    const january2020 = Array.from({ length: 39 }, (_, k) => (k === 0 ? 1 : k === 38 ? 0.5 : 0));
    expect(cohortRetention(scores)).toEqual([
      { cohort: "2020-01", customers: 2, retention: january2020 },
      { cohort: "2022-12", customers: 1, retention: [1, 0, 0, 1] },
    ]);
  });
});

describe("property: summaries add up", () => {
  test("customers and revenue per segment, class and tier add up to the totals; scores are 1..5 and monotone", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: -50, max: 10000 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), (rows) => {
        const values = [["customer_id", "date", "amount"], ...rows.map(([c, d, a]) => [`c${c}`, new Date(Date.UTC(2024, 0, 1 + d)), a])];
        const table = readOrderGrid({ sheet: "S", values }).table;
        const result = segmentOrders(table);
        const total = rows.reduce((s, [, , a]) => s + a, 0);
        for (const groups of [result.segments, result.class8, result.tiers]) {
          expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(result.scores.count);
          expect(groups.reduce((s, g) => s + g.revenue, 0)).toBeCloseTo(total, 6);
        }
        const { m, monetary, r, recency } = result.scores;
        for (let i = 0; i < result.scores.count; i++) {
          for (let j = 0; j < result.scores.count; j++) {
            if (monetary[i] < monetary[j]) expect(m[i]).toBeLessThanOrEqual(m[j]);
            if (recency[i] < recency[j]) expect(r[i]).toBeGreaterThanOrEqual(r[j]);
          }
        }
        expect(result.class8.map((c) => c.nameZh)).toEqual(CLASS8_ORDER.map((b) => class8Name(b).nameZh));
      }),
      { numRuns: 100 },
    );
  });
});

describe("segment --json text", () => {
  test("the customer list written directly is the text JSON.stringify gives", () => {
    const list = orders([["a\"b", "2025-01-01", 10.1], ["张三", "2025-02-01", 20.25], ["c", "2025-02-02", 3]]);
    const result = segmentOrders(list);
    const text = segmentationJsonText(result, list, 0, undefined, true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(segmentationToJson(result, list, 0))));
    expect(JSON.parse(segmentationJsonText(result, list, 0, undefined, false)).customerList).toBeUndefined();
  });
});
