import fc from "fast-check";
import { splitTarget, TargetSplitError } from "./targetSplit";

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
