import { parseDelimitedText, typedCells } from "./inputFiles";

describe("parseDelimitedText", () => {
  test("trailing blank rows are dropped and blank rows inside kept, in every branch", () => {
    expect(parseDelimitedText("a b\n\n1 2\n\n\n")).toEqual([["a", "b"], [], ["1", "2"]]); // whitespace separated
    expect(parseDelimitedText("\uFEFFa,b\n\n1,2\n,\n")).toEqual([["a", "b"], [""], ["1", "2"]]); // plain CSV
    expect(parseDelimitedText('a,b\r\n\r\n"1,5",2\r\n\r\n')).toEqual([["a", "b"], [""], ["1,5", "2"]]); // quoted CSV (papaparse)
    expect(parseDelimitedText("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("a title line without delimiters (生意参谋 exports) does not make the file whitespace-separated", () => {
    expect(parseDelimitedText("店铺 整体数据\n统计日期,访客数\n2025-01-01,10")).toEqual([["店铺 整体数据"], ["统计日期", "访客数"], ["2025-01-01", "10"]]);
  });
});

test("typedCells turns plain numbers into numbers and leaves everything else as text", () => {
  expect(typedCells([["月份", "GMV"], ["2025-01", "1980"], ["-", " "], ["1,234", "1e3"]])).toEqual([["月份", "GMV"], ["2025-01", 1980], ["-", " "], ["1,234", 1000]]);
});
