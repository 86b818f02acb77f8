import { formatValue } from "./format";

describe("formatValue", () => {
  test("counts are whole numbers: 90 orders read 90, not 90.00; large counts in 万 / K", () => {
    expect(formatValue(90, "count", "zh")).toBe("90");
    expect(formatValue(6, "count", "en")).toBe("6");
    expect(formatValue(9999, "count", "zh")).toBe("9,999");
    expect(formatValue(45000, "count", "zh")).toBe("4.5万");
    expect(formatValue(45000, "count", "en")).toBe("45.0K");
  });

  test("a count with a fraction (a target pro-rated to 30.5) keeps its decimals; from 100 on it is rounded", () => {
    expect(formatValue(30.5, "count", "zh")).toBe("30.50");
    expect(formatValue(104.6, "count", "zh")).toBe("105");
  });

  test("money below 100 keeps its cents: 客单价 12.59", () => {
    expect(formatValue(12.59, "元", "zh")).toBe("12.59");
    expect(formatValue(90, "元", "zh")).toBe("90.00");
  });
});
