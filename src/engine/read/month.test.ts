import fc from "fast-check";
import { dateToExcelSerial, excelSerialToDay, excelSerialToDate, formatMonth, isYearlessMonth, makeMonth, readMonth } from "./month";

describe("readMonth", () => {
  const jan2025 = makeMonth(2025, 1);
  test.each<[unknown]>([
    ["2025-01"], ["2025-1"], ["2025/1"], ["2025/01"], ["2025.1"], ["2025年1月"], ["2025 年 1 月"], ["Jan 2025"], ["January 2025"],
    ["jan-2025"], ["2025 Jan"], ["2025-01-01"], ["2025/1/15"], ["2025年1月31日"], ["202501"], [202501], [45658], [45688.5],
    [new Date(Date.UTC(2025, 0, 17))], ["２０２５－０１"], ["2025-01-01 00:00:00"], [{ result: 45658 }],
    ["20250131"], [20250101],
  ])("%p is January 2025", (cell) => {
    expect(readMonth(cell)).toBe(jan2025);
  });

  test.each<[unknown]>([["2025-13"], ["2025-00"], ["2025-02-30"], ["Foo 2025"], ["合计"], ["1月"], [""], [null], [true], [-3], ["2025"], [2025], [12], ["20250230"], [20251301]])(
    "%p is not a month",
    (cell) => expect(readMonth(cell)).toBeNull(),
  );

  test("months without a year are recognised so they can be reported, not guessed", () => {
    expect(isYearlessMonth("1月")).toBe(true);
    expect(isYearlessMonth("Sept")).toBe(true);
    expect(isYearlessMonth("合计")).toBe(false);
  });

  test("Excel serials follow Excel's calendar, 1900 leap-year bug included", () => {
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe("1900-01-01");
    expect(excelSerialToDate(59).toISOString().slice(0, 10)).toBe("1900-02-28");
    expect(excelSerialToDate(61).toISOString().slice(0, 10)).toBe("1900-03-01");
    expect(excelSerialToDate(45658).toISOString().slice(0, 10)).toBe("2025-01-01");
  });

  test("serial → day number follows Excel's epoch, fractions of a day dropped", () => {
    // Independently: serials from 61 count from 1899-12-30; before the phantom 1900-02-29, from 1899-12-31.
    const epoch = (serial: number) => Date.UTC(1899, 11, serial >= 61 ? 30 : 31) / 86400000;
    fc.assert(
      fc.property(fc.double({ min: 1, max: 73000, noNaN: true }).filter((s) => s < 60 || s >= 61), (serial) => {
        expect(excelSerialToDay(serial)).toBe(epoch(serial) + Math.floor(serial));
      }),
    );
    expect(excelSerialToDay(45658.75)).toBe(Date.UTC(2025, 0, 1) / 86400000);
  });

  test("serials and dates round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73000 }), (serial) => {
        expect(dateToExcelSerial(excelSerialToDate(serial))).toBe(serial);
      }),
    );
  });

  test("formatMonth and readMonth are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(readMonth(formatMonth(makeMonth(y, m)))).toBe(makeMonth(y, m));
      }),
    );
  });
});
