import { readNumber, readLabel, toHalfWidth } from "./cellValue";

const num = (cell: unknown, scale?: number) => {
  const read = readNumber(cell, scale);
  return read.kind === "number" ? read.value : read.kind;
};

describe("readNumber reads the cell forms of domain.md", () => {
  test.each<[unknown, number]>([
    [1234, 1234],
    ["1,234", 1234],
    ["1,234,567.89", 1234567.89],
    ["28.6亿", 2860000000],
    ["3,450万", 34500000],
    ["¥1,000", 1000],
    ["￥1,000", 1000],
    ["12.5%", 0.125],
    ["(1,234)", -1234],
    ["（1,234）", -1234],
    ["-1,234", -1234],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    ["1.2千万", 12000000],
    ["  42  ", 42],
    ["1,000元", 1000],
    ["-¥500", -500],
    [{ result: 7 }, 7],
    [{ formula: "A1*2", result: 8 }, 8],
    [{ richText: [{ text: "1," }, { text: "500" }] }, 1500],
  ])("%p → %p", (cell, expected) => {
    expect(num(cell)).toBeCloseTo(expected, 9);
  });

  test.each<[unknown]>([[null], [undefined], [""], ["-"], ["—"], ["——"], ["#N/A"], ["#DIV/0!"], [{ error: "#REF!" }], ["  "]])(
    "%p is missing, never zero",
    (cell) => expect(num(cell)).toBe("missing"),
  );

  test.each<[unknown]>([["abc"], ["1,23"], ["12..5"], ["1.2.3"], ["--5"], [true], [new Date(Date.UTC(2025, 0, 1))], ["5亿亿"], [NaN]])(
    "%p is rejected",
    (cell) => expect(num(cell)).toBe("invalid"),
  );

  test("a header scale applies to plain numbers but not to explicit magnitudes or percentages", () => {
    expect(num(1980, 1e4)).toBe(19800000);
    expect(num("1,980", 1e4)).toBe(19800000);
    expect(num("1.98亿", 1e4)).toBe(198000000);
    expect(num("5%", 1e4)).toBe(0.05);
  });
});

describe("labels", () => {
  test("full-width text is folded and whitespace collapsed", () => {
    expect(toHalfWidth("ＧＭＶ（万元）")).toBe("GMV(万元)");
    expect(readLabel("  支付\u3000买家数 ")).toBe("支付 买家数");
    expect(readLabel(null)).toBe("");
  });
});
