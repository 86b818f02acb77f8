/**
 * Invariants of exact money (properties): the order of the rows, and how an order's amount is split over its
 * lines, change no customer's values or scores; two customers with the same multiset of amounts share M.
 */
import fc from "fast-check";
import { readOrderGrid, isoToDay, type OrderTable } from "./orderTable";
import { scoreCustomers, DEFAULT_SEGMENTATION_SETTINGS, type CustomerScores } from "./rfm";

const AS_OF = isoToDay("2025-01-01")!;
const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: AS_OF };

type Row = [customer: string, dayOffset: number, cents: number, order: string];

function table(rows: Row[]): OrderTable {
  const values = [["customer_id", "date", "amount", "order_id"], ...rows.map(([c, d, cents, o]) => [c, new Date(Date.UTC(2024, 0, 1 + d)), (cents / 100).toFixed(2), o])];
  return readOrderGrid({ sheet: "S", values }).table;
}

/** Per customer id: the values and scores. */
function byCustomer(t: OrderTable, s: CustomerScores) {
  const out: Record<string, unknown> = {};
  for (let k = 0; k < s.count; k++) {
    out[t.customerIds[s.source[k]]] = { recency: s.recency[k], frequency: s.frequency[k], monetary: s.monetary[k], r: s.r[k], f: s.f[k], m: s.m[k], segment: s.segment[k], tier: s.tier[k] };
  }
  return out;
}

// Amounts with cents that sum with binary noise as doubles (0.1 + 0.2 ≠ 0.3).
const cents = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 2_000_000 }));
const row = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 360 }), cents, fc.integer({ min: 0, max: 40 })).map(([c, d, a, o]): Row => [`c${c}`, d, a, `o${c}-${o}`]);

test("property: shuffling the rows changes no customer's values or scores", () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), fc.infiniteStream(fc.nat()), (rows, randoms) => {
      const shuffled = [...rows];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = randoms.next().value % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const a = table(rows);
      const b = table(shuffled);
      expect(byCustomer(b, scoreCustomers(b, settings))).toEqual(byCustomer(a, scoreCustomers(a, settings)));
    }),
    { numRuns: 200 },
  );
});

test("property: splitting an amount into several lines of the same order changes nothing", () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.nat(), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 }), (rows, pick, weights) => {
      const [c, d, amount, order] = rows[pick % rows.length];
      // Split `amount` cents into parts proportional to the weights, the remainder on the last part.
      const total = weights.reduce((s, w) => s + w, 0);
      const parts = weights.map((w) => Math.floor((amount * w) / total));
      parts[parts.length - 1] += amount - parts.reduce((s, p) => s + p, 0);
      const split = [...rows.filter((_, i) => i !== pick % rows.length), ...parts.map((p): Row => [c, d, p, order])];
      const a = table(rows);
      const b = table(split);
      expect(byCustomer(b, scoreCustomers(b, settings))).toEqual(byCustomer(a, scoreCustomers(a, settings)));
    }),
    { numRuns: 200 },
  );
});

test("property: two customers with the same multiset of amounts share monetary value and M", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), fc.array(cents, { minLength: 1, maxLength: 12 }), fc.infiniteStream(fc.nat()), (others, amounts, randoms) => {
      const mirrored = [...amounts].sort(() => (randoms.next().value % 3) - 1);
      const rows: Row[] = [...others, ...amounts.map((a, i): Row => ["twinA", i, a, `A${i}`]), ...mirrored.map((a, i): Row => ["twinB", 300 - i, a, `B${i}`])];
      const t = table(rows);
      const s = scoreCustomers(t, settings);
      const k = (id: string) => Array.from(s.source).findIndex((c) => t.customerIds[c] === id);
      expect(s.monetary[k("twinA")]).toBe(s.monetary[k("twinB")]);
      expect(s.m[k("twinA")]).toBe(s.m[k("twinB")]);
    }),
    { numRuns: 200 },
  );
});

test("0.1 + 0.2 and 0.3 are the same spend", () => {
  const t = table([["a", 0, 10, "1"], ["a", 1, 20, "2"], ["b", 0, 30, "3"], ["c", 0, 5, "4"], ["d", 0, 50, "5"]]);
  const s = scoreCustomers(t, settings);
  expect(s.monetary[0]).toBe(0.3);
  expect(s.monetary[1]).toBe(0.3);
  expect(s.m[0]).toBe(s.m[1]);
});
