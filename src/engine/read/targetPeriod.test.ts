import { targetPeriodFromHeader } from "./targetPeriod";

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
