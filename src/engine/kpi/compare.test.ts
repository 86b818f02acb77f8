import fc from "fast-check";
import { attainment, growth, ppChange, status, variance } from "./compare";

describe("attainment = 1 + s·(AC − PL)/|PL|", () => {
  test("higher is better, positive target: AC/PL (28.6亿 vs 25亿 → 114.4%)", () => {
    expect(attainment(28.6e8, 25e8)).toBeCloseTo(1.144, 12);
  });
  test("lower is better: CPM 32.8 vs 34 → 103.5%; ad spend 8.17亿 vs 8亿 → 97.9%", () => {
    expect(attainment(32.8, 34, "lower")).toBeCloseTo(1 + 1.2 / 34, 12);
    expect(attainment(32.8, 34, "lower")).toBeCloseTo(1.0353, 4);
    expect(attainment(8.17e8, 8e8, "lower")).toBeCloseTo(0.97875, 12);
  });
  test("negative target: a loss of −50 against a planned loss of −100 is 150%", () => {
    expect(attainment(-50, -100)).toBeCloseTo(1.5, 12);
    expect(attainment(-150, -100)).toBeCloseTo(0.5, 12);
    expect(attainment(-50, -100, "lower")).toBeCloseTo(0.5, 12);
  });
  test("PL zero or missing, AC missing, or a ratio that overflows → n.a.", () => {
    expect(attainment(1, 5e-324)).toBeNull();
    expect(growth(1, -5e-324 * -1)).toBeNull();
    expect(attainment(5, 0)).toBeNull();
    expect(attainment(5, null)).toBeNull();
    expect(attainment(null, 5)).toBeNull();
    expect(attainment(NaN, 5)).toBeNull();
  });
  test("property: symmetric under direction (lower-is-better mirrors higher-is-better around 100%)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (ac, pl) => {
        fc.pre(pl !== 0);
        const up = attainment(ac, pl, "higher");
        const down = attainment(ac, pl, "lower");
        if (up === null || down === null) {
          // Only a ratio that overflows (a denormal target) is n.a., and then in both directions.
          expect([up, down, Number.isFinite((ac - pl) / Math.abs(pl))]).toEqual([null, null, false]);
        } else {
          // up − 1 = x and down − 1 = −x with x = (AC − PL)/|PL|, up to rounding relative to |x|.
          expect(Math.abs(up - 1 + (down - 1))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(up - 1)));
        }
        // Meeting the target exactly is 100% either way.
        expect(attainment(pl, pl, "lower")).toBe(1);
      }),
    );
  });
});

describe("variance and growth", () => {
  test("ΔPL and ΔPY are differences", () => {
    expect(variance(19.8e6, 25e6)).toBe(-5.2e6);
    expect(variance(1, null)).toBeNull();
  });
  test("ΔPY% = (AC − PY)/|PY|", () => {
    expect(growth(28.6e8, 21.185e8)).toBeCloseTo(0.35004, 4);
    expect(growth(-50, -100)).toBeCloseTo(0.5, 12); // a smaller loss is growth
    expect(growth(0, 100)).toBe(-1);
  });
  test("n.a. for zero PY and opposite signs", () => {
    expect(growth(5, 0)).toBeNull();
    expect(growth(5, -5)).toBeNull();
    expect(growth(-5, 5)).toBeNull();
  });
  test("pp vs %: repeat rate 33% → 38% is +5.0pp and +15.2%", () => {
    expect(ppChange(0.38, 0.33)).toBeCloseTo(0.05, 12);
    expect(growth(0.38, 0.33)).toBeCloseTo(0.1515, 4);
  });
});

describe("status", () => {
  test("green ≥ 100%, amber ≥ 90%, red below; boundaries inclusive", () => {
    expect(status(1)).toBe("green");
    expect(status(0.9999)).toBe("amber");
    expect(status(0.9)).toBe("amber");
    expect(status(0.8999)).toBe("red");
    expect(status(null)).toBeNull();
  });
  test("thresholds are settings", () => {
    expect(status(0.97, { green: 0.95, amber: 0.8 })).toBe("green");
    expect(status(0.85, { green: 0.95, amber: 0.8 })).toBe("amber");
  });
  test("colour means good/bad: a cost that fell below its target is green", () => {
    expect(status(attainment(32.8, 34, "lower"))).toBe("green");
    expect(status(attainment(8.17e8, 8e8, "lower"))).toBe("amber");
  });
});
