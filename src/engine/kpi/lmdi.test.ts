import fc from "fast-check";
import { gmvDrivers, gmvFactors, lmdiEffects, logarithmicMean } from "./lmdi";

describe("LMDI", () => {
  test("domain.md's check: 100,000 → 110,000 visitors, 2.0% → 1.9%, aov 200 → 210", () => {
    const before = { visitors: 100000, buyers: 2000, gmv: 400000 };
    const after = { visitors: 110000, buyers: 2090, gmv: 438900 };
    const result = gmvDrivers(before, after);
    if (!result.ok) throw new Error("expected a decomposition");
    // Independent hand calculation: L = 38,900 / ln(438,900/400,000).
    const L = 38900 / Math.log(438900 / 400000);
    expect(result.effects.visitors).toBeCloseTo(L * Math.log(1.1), 6);
    expect(result.effects.visitors).toBeCloseTo(39949.2, 1);
    expect(result.effects.conversion).toBeCloseTo(-21499.5, 1);
    expect(result.effects.aov).toBeCloseTo(20450.4, 1);
  });

  test("L(a, a) = a and L is symmetric", () => {
    expect(logarithmicMean(5, 5)).toBe(5);
    expect(logarithmicMean(2, 8)).toBeCloseTo(logarithmicMean(8, 2), 12);
    expect(logarithmicMean(1, Math.E)).toBeCloseTo(Math.E - 1, 12);
  });

  test("zero or negative values: no decomposition, with the reason", () => {
    expect(gmvDrivers({ visitors: 0, buyers: 1, gmv: 1 }, { visitors: 1, buyers: 1, gmv: 1 })).toEqual({ ok: false, reason: "nonPositive" });
    expect(gmvDrivers({ visitors: 1, buyers: 1 }, { visitors: 1, buyers: 1, gmv: 1 })).toEqual({ ok: false, reason: "missing" });
  });

  const positive = fc.double({ min: 1, max: 1e9, noNaN: true });
  test("property: the effects add up to ΔGMV exactly", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, positive, positive, (v0, b0, g0, v1, b1, g1) => {
        const result = gmvDrivers({ visitors: v0, buyers: b0, gmv: g0 }, { visitors: v1, buyers: b1, gmv: g1 });
        if (!result.ok) throw new Error("positive inputs decompose");
        const { visitors, conversion, aov } = result.effects;
        expect(Math.abs(visitors + conversion + aov - (g1 - g0))).toBeLessThanOrEqual(1e-9 * Math.max(g0, g1));
      }),
    );
  });

  test("property: the effects do not depend on the drivers' order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(positive, positive), { minLength: 2, maxLength: 5 }), (pairs) => {
        const forward = lmdiEffects(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const reversed = lmdiEffects(pairs.map((p) => p[0]).reverse(), pairs.map((p) => p[1]).reverse()).reverse();
        forward.forEach((e, k) => expect(Math.abs(e - reversed[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e))));
      }),
    );
  });
});

describe("LMDI without visitors (an order list): GMV = buyers × aov", () => {
  test("buyers 2,000 → 2,200 and aov 200 → 190: the two effects by hand, adding up to ΔGMV", () => {
    const result = gmvFactors({ buyers: 2000, gmv: 400000 }, { buyers: 2200, gmv: 418000 });
    if (!result.ok) throw new Error("expected a decomposition");
    // L = 18,000 / ln(418,000/400,000) ≈ 408,955; buyers L·ln 1.1 ≈ +38,978; aov L·ln 0.95 ≈ −20,977.
    const L = 18000 / Math.log(418000 / 400000);
    expect(result.factors.map((f) => f.key)).toEqual(["buyers", "aov"]);
    expect(result.factors[0].effect).toBeCloseTo(L * Math.log(1.1), 6);
    expect(result.factors[1].effect).toBeCloseTo(L * Math.log(0.95), 6);
    expect(result.factors[0].effect + result.factors[1].effect).toBeCloseTo(18000, 6);
  });

  test("visitors on both sides give the three factors; visitors on one side only fall back to two", () => {
    const three = gmvFactors({ visitors: 100000, buyers: 2000, gmv: 400000 }, { visitors: 110000, buyers: 2090, gmv: 438900 });
    expect(three.ok && three.factors.map((f) => f.key)).toEqual(["visitors", "conversion", "aov"]);
    const two = gmvFactors({ buyers: 2000, gmv: 400000 }, { visitors: 110000, buyers: 2090, gmv: 438900 });
    expect(two.ok && two.factors.map((f) => f.key)).toEqual(["buyers", "aov"]);
    expect(gmvFactors({ buyers: 0, gmv: 1 }, { buyers: 1, gmv: 1 })).toEqual({ ok: false, reason: "nonPositive" });
  });
});
