import { namesNoPeriod, targetPeriodFromHeader } from "./targetPeriod";

describe("the period a target column is for, from its header", () => {
  test.each([
    ["2025目标", { kind: "year", year: 2025 }],
    ["2025年目标", { kind: "year", year: 2025 }],
    ["2025年度目标(万元)", { kind: "year", year: 2025 }],
    ["FY2025 target", { kind: "year", year: 2025 }],
    ["Target 2026", { kind: "year", year: 2026 }],
    ["全年目标", { kind: "year" }],
    ["年度目标", { kind: "year" }],
    ["Annual target", { kind: "year" }],
    ["full-year plan", { kind: "year" }],
    ["目标", { kind: "reviewed" }],
    ["target", { kind: "reviewed" }],
    ["2025Q3目标", { kind: "reviewed" }],
    ["2025年上半年目标", { kind: "reviewed" }],
    ["计划", { kind: "reviewed" }],
  ])("%s", (header, expected) => {
    expect(targetPeriodFromHeader(header)).toEqual(expected);
  });
});

test("a header that names no period (目标, target, 目标(万元)) as opposed to one naming a year or a part of it", () => {
  for (const h of ["目标", "target", "目标(万元)", "计划"]) expect(namesNoPeriod(h)).toBe(true);
  for (const h of ["2025目标", "全年目标", "FY2025 target", "Q3目标", "上半年目标", "Annual target"]) expect(namesNoPeriod(h)).toBe(false);
});
