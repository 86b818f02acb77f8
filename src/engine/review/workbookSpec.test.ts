import { cellTextAt, emptySheet } from "./workbookSpec";

test("cellTextAt reads a cell's text by A1 reference", () => {
  const sheet = emptySheet("S");
  sheet.cells.push({ row: 3, col: 1, value: "实际(AC)" }, { row: 0, col: 27, value: 42 }, { row: 5, col: 0, value: null });
  expect(cellTextAt(sheet, "B4")).toBe("实际(AC)");
  expect(cellTextAt(sheet, "AB1")).toBe("42");
  expect(cellTextAt(sheet, "A6")).toBe("");
  expect(cellTextAt(sheet, "C9")).toBe("");
  expect(() => cellTextAt(sheet, "B4:B5")).toThrow(RangeError);
});
