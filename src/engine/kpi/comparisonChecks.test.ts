import { crossCheckComparisons } from "./comparisonChecks";
import { readMonthlyGrid } from "../read/monthlyTable";
import { mergeTargets, targetsFromColumns } from "../read/targets";

describe("comparison columns cross-checked against the engine's figures", () => {
  const { table } = readMonthlyGrid({
    sheet: "M",
    values: [
      // GMV 100 → 110 → 99: MoM +10.0%, −10.0%. Target 100, 100, 100: attainment 110%, 99%.
      ["月份", "GMV", "GMV目标", "GMV环比", "GMV达成率", "访客数", "访客数环比"],
      ["2025-01", 100, 100, "", "100%", 1000, ""],
      ["2025-02", 110, 100, "10.2%", 1.1, 1100, 10], // 10.2% is 0.2pp off: fine; 10 is a percent number
      ["2025-03", 99, 100, "-12%", "98%", 1200, 9.09], // −12% vs −10%: 2pp off; 98% vs 99%: 1pp off
    ],
  });
  const { targets } = mergeTargets([], targetsFromColumns(table).targets);

  test("differences above 0.5pp are warnings at their cells; percent numbers read as such", () => {
    const warnings = crossCheckComparisons(table, targets);
    expect(warnings.map((w) => [w.code, w.address, w.params.given, w.params.computed])).toEqual([
      ["comparisonMismatch", "M!D4", "-12.0%", "-10.0%"],
      ["comparisonMismatch", "M!E4", "98.0%", "99.0%"],
    ]);
  });

  test("the 目标 column is the metric's monthly target", () => {
    expect([...targets[0].monthly.values()]).toEqual([100, 100, 100]);
    expect(targets[0].key).toBe("gmv");
  });
});

describe("percent signs decide, cell by cell", () => {
  // GMV 80 a month in 2024; 2025: 100, 280, 600 → YoY +25%, +250%, +650%, typed with % in a CSV (text).
  const rows: unknown[][] = [["月份", "GMV", "GMV同比"]];
  for (let m = 1; m <= 3; m++) rows.push([`2024-0${m}`, 80, ""]);
  const typed = ["25.0%", "250.0%", "652.0%"]; // the last 2pp off
  [100, 280, 600].forEach((g, i) => rows.push([`2025-0${i + 1}`, g, typed[i]]));

  test("a large change typed with % is what it says (650% is 6.5), not a percent number: only the 2pp error is warned", () => {
    const { table, warnings } = readMonthlyGrid({ sheet: "M", values: rows });
    expect(warnings.map((w) => w.code)).not.toContain("comparisonPercentNumbers");
    expect(crossCheckComparisons(table, []).map((w) => [w.address, w.params.given, w.params.computed])).toEqual([["M!C7", "652.0%", "650.0%"]]);
  });

  test("the same changes typed as plain percent numbers (25, 250, 652) are scaled by the reader, which says so", () => {
    const plain = rows.map((r, i) => (i >= 4 ? [r[0], r[1], Number(String(r[2]).replace("%", ""))] : r));
    const { table, warnings } = readMonthlyGrid({ sheet: "M", values: plain });
    expect(warnings.find((w) => w.code === "comparisonPercentNumbers")).toMatchObject({ address: "M!C1", params: { header: "GMV同比" } });
    expect(crossCheckComparisons(table, []).map((w) => [w.address, w.params.given, w.params.computed])).toEqual([["M!C7", "652.0%", "650.0%"]]);
  });
});
