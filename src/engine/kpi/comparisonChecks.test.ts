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
