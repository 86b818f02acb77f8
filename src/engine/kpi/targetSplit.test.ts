import fc from "fast-check";
import { planNextPeriod, splitTarget, splitTargetLenient, TargetSplitError } from "./targetSplit";

describe("target split by PY seasonality, largest remainder", () => {
  test("hand-checked: 100 over 1:1:1 is 34/33/33 (remainder to the earliest tie)", () => {
    expect(splitTarget(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  test("hand-checked: 10 over 3:3:4 → exact 3/3/4; 11 over 3:3:4 → 3.3/3.3/4.4 → 4/3/4", () => {
    expect(splitTarget(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // exact 3.3, 3.3, 4.4 → floors 3, 3, 4, one left: remainders .3 .3 .4 → the third gets it? No: 4.4 has .4, the largest.
    expect(splitTarget(11, [3, 3, 4])).toEqual([3, 3, 5]);
  });
  test("in units of 万", () => {
    expect(splitTarget(25000000, [1, 1, 1], 10000)).toEqual([8340000, 8330000, 8330000]);
  });
  test("negative targets split their magnitude", () => {
    expect(splitTarget(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });
  test("bad input is refused with a reason", () => {
    expect(() => splitTarget(10.5, [1, 1])).toThrow(TargetSplitError);
    expect(() => splitTarget(10, [1, -1])).toThrow(/non-negative/);
    expect(() => splitTarget(10, [0, 0])).toThrow(TargetSplitError);
    expect(() => splitTarget(10, [])).toThrow(TargetSplitError);
  });
  test("property: the parts add up to the target exactly and each is within one unit of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 24 }).filter((w) => w.some((x) => x > 0)),
        (target, weights) => {
          const parts = splitTarget(target, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(target);
          const total = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (target * weights[i]) / total)).toBeLessThan(1 + 1e-12 * Math.abs(target));
          });
        },
      ),
    );
  });
});

describe("a target that is not a whole number of units", () => {
  test("hand-checked: 100.5 over 1:1:2 in units of 1 → 25/25/50, the 0.5 on the largest month", () => {
    expect(splitTargetLenient(100.5, [1, 1, 2])).toEqual({ parts: [25, 25, 50.5], remainder: 0.5, remainderIndex: 2 });
  });
  test("hand-checked: 3.215亿 in units of 1万 over 1:3 → 32150 whole 万 split 8037.5/24112.5 → 8038/24112 万 by largest remainder (tie to the earlier), +5000 on the larger", () => {
    const { parts, remainder, remainderIndex } = splitTargetLenient(321_505_000, [1, 3], 10_000);
    expect(remainder).toBe(5000);
    expect(remainderIndex).toBe(1);
    expect(parts).toEqual([80_380_000, 241_125_000]);
    expect(parts[0] + parts[1]).toBe(321_505_000);
  });
  test("a whole target has no remainder", () => {
    expect(splitTargetLenient(25000000, [1, 1, 1], 10000)).toEqual({ parts: [8340000, 8330000, 8330000], remainder: 0, remainderIndex: -1 });
  });
  test("property: for any integer target, unit and weights, the parts add up exactly; all but one are whole units, and that one is whole units plus the remainder", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom(1, 7, 100, 10000, 1000000),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 24 }).filter((w) => w.some((x) => x > 0)),
        (target, unit, weights) => {
          const { parts, remainder, remainderIndex } = splitTargetLenient(target, weights, unit);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(target);
          expect(Math.abs(remainder)).toBeLessThan(unit);
          parts.forEach((p, i) => expect(Number.isInteger((i === remainderIndex ? p - remainder : p) / unit)).toBe(true));
          if (target % unit === 0) expect(remainderIndex).toBe(-1);
        },
      ),
    );
  });
});

describe("next period's targets by kind of metric", () => {
  test("additive: split by this period's months, e.g. 33亿 over months of 2:3:5 in 万 → 6.6亿/9.9亿/16.5亿", () => {
    const plan = planNextPeriod({ kind: "additive", target: 3_300_000_000, basis: [2e8, 3e8, 5e8], unit: 10000 });
    expect(plan.method).toBe("seasonal");
    expect(plan.values).toEqual([660_000_000, 990_000_000, 1_650_000_000]);
  });
  test("additive without usable months (a gap, or all zero): split evenly", () => {
    expect(planNextPeriod({ kind: "additive", target: 90, basis: [1, null, 2], unit: 1 })).toMatchObject({ method: "even", values: [30, 30, 30] });
    expect(planNextPeriod({ kind: "additive", target: 10, basis: [0, 0], unit: 1 })).toMatchObject({ method: "even", values: [5, 5] });
  });
  test("stock: a path from the latest 1200 to the year-end 1500, stepping like this period's net adds 10/20/30 (from 1140) → +50/+100/+150", () => {
    const plan = planNextPeriod({ kind: "stock", target: 1500, basis: [1150, 1170, 1200], unit: 1, before: 1140 });
    expect(plan.method).toBe("path");
    expect(plan.values).toEqual([1250, 1350, 1500]);
  });
  test("stock whose net adds went the other way (or are unknown): even steps, still ending on the target", () => {
    const plan = planNextPeriod({ kind: "stock", target: 1230, basis: [1210, 1190, 1200], unit: 1, before: 1200 });
    expect(plan).toMatchObject({ method: "evenPath", values: [1210, 1220, 1230] });
  });
  test("rate or average: the same target each month", () => {
    expect(planNextPeriod({ kind: "rate", target: 0.055, basis: [0.05, 0.052, null], unit: 10000 })).toMatchObject({ method: "flat", values: [0.055, 0.055, 0.055] });
  });
});
