import fc from "fast-check";
import { amountFromText, exactDecimal, minorOfNumber, readDayText, resolveSlash, dayFromParts, PENDING_SLASH, readAmount } from "./orderValues";

describe("amounts in the data's smallest decimal unit", () => {
  test("decimal text is read exactly, trailing zero decimals dropped", () => {
    expect(exactDecimal("52.87")).toEqual({ minor: 5287, decimals: 2 });
    expect(exactDecimal("12.50")).toEqual({ minor: 125, decimals: 1 });
    expect(exactDecimal("-0.05")).toEqual({ minor: -5, decimals: 2 });
    expect(exactDecimal("+7")).toEqual({ minor: 7, decimals: 0 });
    expect(exactDecimal(".5")).toEqual({ minor: 5, decimals: 1 });
    expect(exactDecimal("1,234")).toBeNull();
    expect(exactDecimal("")).toBeNull();
  });
  test("a double with binary noise is its decimal: 52.870000000000005 is 5287 cents", () => {
    expect(minorOfNumber(52.870000000000005)).toEqual({ minor: 5287, decimals: 2 });
    expect(minorOfNumber(0.1 + 0.2)).toEqual({ minor: 3, decimals: 1 });
    expect(minorOfNumber(89.10000000000001)).toEqual({ minor: 891, decimals: 1 });
    expect(minorOfNumber(1200)).toEqual({ minor: 1200, decimals: 0 });
    // Beyond six decimals the amount is rounded to millionths.
    expect(minorOfNumber(1 / 3)).toEqual({ minor: 333333, decimals: 6, rounded: true });
  });
  test("formatted amounts go through the cell reader", () => {
    expect(amountFromText("¥1,234.50")).toEqual({ minor: 12345, decimals: 1 });
    expect(amountFromText("3.5万")).toEqual({ minor: 35000, decimals: 0 });
    expect(amountFromText("abc")).toBeNull();
    expect(amountFromText("-")).toBeNull();
    expect(readAmount(19.99)).toEqual({ minor: 1999, decimals: 2 });
  });
  test("property: text and the double it denotes give the same minor units", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
        const text = (units / 10 ** decimals).toFixed(decimals);
        const exact = exactDecimal(text)!;
        const viaDouble = minorOfNumber(Number(text));
        expect(exact.minor * 10 ** (viaDouble.decimals - exact.decimals)).toBe(viaDouble.minor);
      }),
      { numRuns: 500 },
    );
  });
});

describe("slash dates", () => {
  test("a part above 12 settles the order; otherwise the date waits for its column", () => {
    const day = (y: number, m: number, d: number) => dayFromParts(y, m, d);
    // 7/27/2024 can only be month-first; 27/7/2024 only day-first; both stay pending for the column to settle.
    const mdy = readDayText("7/27/2024 09:30")!;
    const dmy = readDayText("27/7/2024")!;
    expect(mdy).toBeGreaterThanOrEqual(PENDING_SLASH);
    expect(resolveSlash(mdy, "mdy")).toBe(day(2024, 7, 27));
    expect(resolveSlash(dmy, "dmy")).toBe(day(2024, 7, 27));
    const either = readDayText("4/1/2025 16:25")!;
    expect(resolveSlash(either, "mdy")).toBe(day(2025, 4, 1));
    expect(resolveSlash(either, "dmy")).toBe(day(2025, 1, 4));
    // Read the same either way, or chosen by the analyst: settled at once.
    expect(readDayText("3/3/2025")).toBe(day(2025, 3, 3));
    expect(readDayText("4/1/2025", "dmy")).toBe(day(2025, 1, 4));
    expect(readDayText("13/13/2025")).toBeNull();
    expect(readDayText("2025/4/1")).toBe(day(2025, 4, 1));
  });
});

describe("dates written the Chinese way", () => {
  test("2025年1月5日 with a time, with or without a space after 日", () => {
    const jan5 = dayFromParts(2025, 1, 5);
    expect(readDayText("2025年1月5日")).toBe(jan5);
    expect(readDayText("2025年01月05日 08:30")).toBe(jan5);
    expect(readDayText("2025年01月05日08:30:15")).toBe(jan5);
    // Full-width digits and separators, an ideographic space before the time (domain.md: full-width digits read).
    expect(readDayText("２０２５-０１-０５")).toBe(jan5);
    expect(readDayText("２０２５年１月５日　０８：３０")).toBe(jan5);
    expect(readDayText("２０２５／１／５")).toBe(jan5);
    // Digits run together without 日 or a separator are not a date and time.
    expect(readDayText("2025-01-0508:30")).toBeNull();
  });
});
