import { ATTAINMENT, CLASS8, FORECAST, GROWTH, LMDI, PPCHANGE, REQUIRED, RFMSCORE, RFMSEGMENT, RUNRATE, SHARE, STATUS, TARGETSPLIT, TIER, VARIANCE } from "./functions";
import { FunctionError } from "./arguments";

/** The error a cell would show, and its message. */
function cellError(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunctionError) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error("expected a cell error");
}

describe("KPI custom functions, with what users type", () => {
  test("ATTAINMENT: numbers, text with units, lower-is-better flags", () => {
    expect(ATTAINMENT(2.86e9, 2.5e9)).toBeCloseTo(1.144, 12);
    expect(ATTAINMENT("28.6亿", "25亿")).toBeCloseTo(1.144, 12);
    expect(ATTAINMENT(32.8, 34, true)).toBeCloseTo(1.0353, 4);
    expect(ATTAINMENT(32.8, 34, "越低越好")).toBeCloseTo(1.0353, 4);
    expect(ATTAINMENT(32.8, 34, "")).toBeCloseTo(32.8 / 34, 12); // a blank flag is the default
    expect(ATTAINMENT([[50]], [[100]])).toBe(0.5); // single-cell ranges
  });

  test("ATTAINMENT: blank or zero target is #N/A with a reason; text is #VALUE!", () => {
    expect(cellError(() => ATTAINMENT(5, 0))).toEqual({ kind: "na", message: "the target is 0 or blank, so attainment is not defined" });
    expect(cellError(() => ATTAINMENT(5, ""))).toMatchObject({ kind: "na" });
    expect(cellError(() => ATTAINMENT("", 5))).toEqual({ kind: "na", message: "actual is blank" });
    expect(cellError(() => ATTAINMENT("lots", 5))).toEqual({ kind: "value", message: 'actual: "lots" is not a number' });
    expect(cellError(() => ATTAINMENT("#N/A", 5))).toMatchObject({ kind: "na" });
    expect(cellError(() => ATTAINMENT(5, 6, "maybe"))).toMatchObject({ kind: "value" });
  });

  test("VARIANCE, GROWTH, PPCHANGE", () => {
    expect(VARIANCE(19.8e6, "2,500万")).toBe(-5.2e6);
    expect(GROWTH("38%", "33%")).toBeCloseTo(0.05 / 0.33, 12);
    expect(PPCHANGE("38%", 0.33)).toBeCloseTo(0.05, 12);
    expect(cellError(() => GROWTH(5, 0))).toMatchObject({ kind: "na" });
    expect(cellError(() => GROWTH(5, -5))).toMatchObject({ kind: "na" });
  });

  test("STATUS words and thresholds", () => {
    expect(STATUS(1.144)).toBe("Met");
    expect(STATUS(0.95)).toBe("Close");
    expect(STATUS("79.2%")).toBe("Missed");
    expect(STATUS(0.96, 0.95, 0.8)).toBe("Met");
    expect(cellError(() => STATUS(1, 0.8, 0.9))).toMatchObject({ kind: "value" });
  });

  test("STATUS speaks Chinese in a Chinese workbook", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(STATUS(1.144)).toBe("达成");
      expect(STATUS(0.5)).toBe("未达成");
      expect(cellError(() => GROWTH(1, 0)).message).toBe("同期为 0 或与本期符号相反，增长率无意义");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  test("RUNRATE, REQUIRED, FORECAST", () => {
    expect(RUNRATE("18亿", 9)).toBeCloseTo(24e8, 3);
    expect(RUNRATE(100, 4, 8)).toBe(200);
    expect(REQUIRED(25e8, 18e8, 3)).toBeCloseTo(7e8 / 3, 3);
    expect(FORECAST(18e8, 12e8, 20e8)).toBeCloseTo(30e8, 3);
    expect(cellError(() => RUNRATE(1, 0))).toMatchObject({ kind: "value" });
    expect(cellError(() => FORECAST(1, 0, 5))).toMatchObject({ kind: "value" });
  });

  test("SHARE is a ratio of sums and skips blanks", () => {
    expect(SHARE([[1], [2], [""]], [[4], [4], [null]])).toBe(3 / 8);
    expect(cellError(() => SHARE([[1]], [[0]]))).toMatchObject({ kind: "value" });
  });

  test("TARGETSPLIT spills in the shape of the previous months and adds up exactly", () => {
    expect(TARGETSPLIT(100, [[1, 1, 1]])).toEqual([[34, 33, 33]]);
    expect(TARGETSPLIT(100, [[1], [1], [1]])).toEqual([[34], [33], [33]]);
    expect(TARGETSPLIT("1亿", [[3], [1]], 10000)).toEqual([[75000000], [25000000]]);
    expect(cellError(() => TARGETSPLIT(10.5, [[1, 1]]))).toMatchObject({ kind: "value", message: "cannot split the target: it is not a whole number of units" });
  });

  test("LMDI spills the three effects of domain.md's check", () => {
    const [[visitors, conversion, aov]] = LMDI([[100000], [110000]], [[2000], [2090]], [[400000], [438900]]);
    expect([visitors, conversion, aov].map((v) => Number(v.toFixed(1)))).toEqual([39949.2, -21499.5, 20450.4]);
    expect(cellError(() => LMDI([[1, 2, 3]], [[1, 2]], [[1, 2]]))).toMatchObject({ kind: "value" });
    expect(cellError(() => LMDI([[0, 2]], [[1, 2]], [[1, 2]]))).toMatchObject({ kind: "value" });
  });
});

describe("RFM custom functions", () => {
  test("RFMSCORE uses PERCENTILE.INC quintiles; recency reversed; equal to a breakpoint is the lower score", () => {
    const values = [[1], [2], [3], [4], [5]]; // breaks 1.8, 2.6, 3.4, 4.2
    expect([1, 2, 3, 4, 5].map((v) => RFMSCORE(v, values))).toEqual([1, 2, 3, 4, 5]);
    expect(RFMSCORE(1.8, values)).toBe(1);
    expect(RFMSCORE(1, values, true)).toBe(5);
    expect(RFMSCORE(5, values, true)).toBe(1);
    expect(RFMSCORE(3, [[1, "", 2], [3, 4, 5]])).toBe(3); // blanks are skipped
    expect(cellError(() => RFMSCORE(3, [[""]]))).toMatchObject({ kind: "na" });
  });
  test("RFMSEGMENT, CLASS8 and TIER name the group", () => {
    expect(RFMSEGMENT(5, 5, 5)).toBe("Champions");
    expect(RFMSEGMENT(4, 1, 2)).toBe("New Customers");
    expect(cellError(() => RFMSEGMENT(6, 1, 1))).toMatchObject({ kind: "value" });
    expect(cellError(() => RFMSEGMENT(2.5, 1, 1))).toMatchObject({ kind: "value" });
    expect(CLASS8(5, 5, 3, [[3, 2.4, 3]])).toBe("Important value");
    expect(CLASS8(2, 1, 5, [[3], [2.4], [3]])).toBe("Important retention");
    expect(cellError(() => CLASS8(1, 1, 1, [[1, 2]]))).toMatchObject({ kind: "value" });
    expect(TIER(181, 99999)).toBe("Lost");
    expect(TIER(91, 0)).toBe("Dormant");
    expect(TIER(90, 5000)).toBe("High value");
    expect(TIER(10, "")).toBe("Regular");
    expect(TIER(10, 600, [[500, 100, 90, 180]])).toBe("High value");
    expect(cellError(() => TIER(10, 600, [[500, 100]]))).toMatchObject({ kind: "value" });
  });
  test("group names follow the workbook's language", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(RFMSEGMENT(5, 5, 5)).toBe("冠军客户");
      expect(CLASS8(5, 5, 5, [[3, 3, 3]])).toBe("重要价值客户");
      expect(TIER(200, 0)).toBe("流失");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe("errors inside Excel carry a message the analyst sees", () => {
  class FakeCustomFunctionError {
    constructor(
      readonly code: string,
      readonly message: string,
    ) {}
  }
  beforeAll(() => {
    Object.assign(globalThis, { CustomFunctions: { Error: FakeCustomFunctionError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" } } });
  });
  afterAll(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  // The runtime drops the message of #DIV/0! and #NUM!: only #VALUE! and #N/A may be returned.
  test.each([
    ["FORECAST with a zero previous total", () => FORECAST(1, 0, 5)],
    ["SHARE of a zero total", () => SHARE([[1]], [[0]])],
    ["RUNRATE over no months", () => RUNRATE(1, 0)],
    ["STATUS with amber above green", () => STATUS(1, 0.8, 0.9)],
    ["TARGETSPLIT of a fractional target", () => TARGETSPLIT(10.5, [[1, 1]])],
    ["LMDI of a zero", () => LMDI([[0, 2]], [[1, 2]], [[1, 2]])],
    ["RFMSEGMENT of a score of 6", () => RFMSEGMENT(6, 1, 1)],
    ["ATTAINMENT of a zero target", () => ATTAINMENT(5, 0)],
  ])("%s", (_name, call) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionError);
    expect(["#VALUE!", "#N/A"]).toContain((thrown as FakeCustomFunctionError).code);
    expect((thrown as FakeCustomFunctionError).message.length).toBeGreaterThan(5);
  });
});
