import fc from "fast-check";
import { ByteInterner } from "./byteInterner";

const utf8 = new TextEncoder();

/** Interns every key (from its UTF-8 bytes, at an offset inside a larger buffer) and returns the ids. */
function internAll(keys: string[], expected?: number): { ids: number[]; interner: ByteInterner } {
  const interner = new ByteInterner(expected);
  const ids = keys.map((key) => {
    const bytes = utf8.encode(`,${key},`);
    return interner.intern(bytes, 1, bytes.length - 1);
  });
  return { ids, interner };
}

/** The reference: ids in order of first appearance, by string equality. */
function firstSeen(keys: string[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    if (!seen.has(key)) seen.set(key, seen.size);
    return seen.get(key)!;
  });
}

describe("ByteInterner", () => {
  it("gives equal keys one id and different keys different ids, numbered or not", () => {
    const keys = ["C0000001", "C0000010", "C1", "C01", "C10", "C0000001", "1", "01", "001", "10", "C1", "D1", "C0000010", "1"];
    const { ids, interner } = internAll(keys);
    // Hand-made: C0000001→0, C0000010→1, C1→2, C01→3, C10→4, 1→5, 01→6, 001→7, 10→8, D1→9.
    expect(ids).toEqual([0, 1, 2, 3, 4, 0, 5, 6, 7, 8, 2, 9, 1, 5]);
    expect(interner.ids).toEqual(["C0000001", "C0000010", "C1", "C01", "C10", "1", "01", "001", "10", "D1"]);
  });

  it("tells apart ids differing only in the last byte, long and short", () => {
    const base = "customer-with-a-long-identifier-";
    const keys = [`${base}a`, `${base}b`, "ABCDEFGHIJKa", "ABCDEFGHIJKb", `${base}a`, "ABCDEFGHIJKb", "X99999999", "X99999998"];
    expect(internAll(keys).ids).toEqual([0, 1, 2, 3, 0, 3, 4, 5]);
  });

  it("keeps non-ASCII ids (as GB18030 and UTF-16 input become UTF-8) apart and readable", () => {
    const keys = ["张三", "李四", "王五", "张三", "客户1", "客户01", "客户1", "李四"];
    const { ids, interner } = internAll(keys);
    expect(ids).toEqual([0, 1, 2, 0, 3, 4, 3, 1]);
    expect(interner.ids).toEqual(["张三", "李四", "王五", "客户1", "客户01"]);
  });

  it("grows past its expected size and past a direct table's span without losing keys", () => {
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) keys.push(`K${(i * 7919) % 5000}`, `long-key-number-${i}`, String(i * 100_003));
    keys.push("K0", "long-key-number-0", "0");
    const { ids } = internAll(keys, 16);
    expect(ids).toEqual(firstSeen(keys));
  });

  it("equals first-appearance numbering on dense numbered keys: same value, different padding (property)", () => {
    const key = fc.tuple(fc.constantFrom("", "C"), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 })).map(([prefix, value, width]) => prefix + String(value).padStart(width, "0"));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), (keys) => {
        const all = [...keys, ...keys.slice().reverse()];
        expect(internAll(all).ids).toEqual(firstSeen(all));
      }),
    );
  });

  it("equals first-appearance numbering on any mix of keys (property)", () => {
    // Small values (direct tables, padded or not) as well as large ones (the hash table).
    const numbered = fc
      .tuple(fc.constantFrom("", "C", "ID-", "客", "abcde"), fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3_000_000_000 })), fc.integer({ min: 0, max: 11 }))
      .map(([prefix, value, width]) => prefix + String(value).padStart(width, "0"));
    const other = fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.oneof(numbered, other), { maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (keys, picks) => {
        // Repeat some keys so that lookups of existing keys are exercised too.
        const all = [...keys, ...keys.slice(0, picks), ...keys.slice().reverse()];
        expect(internAll(all, 4).ids).toEqual(firstSeen(all));
      }),
    );
  });
});

test("numbered ids get their texts when read, also when read part-way and then more keys come", () => {
  const interner = new ByteInterner();
  const intern = (key: string) => {
    const bytes = utf8.encode(key);
    return interner.intern(bytes, 0, bytes.length);
  };
  expect([intern("C0000042"), intern("C0000007"), intern("张三"), intern("C0000042")]).toEqual([0, 1, 2, 0]);
  expect(interner.size).toBe(3);
  expect(interner.ids).toEqual(["C0000042", "C0000007", "张三"]);
  // A key of other width without a leading zero takes the plain table; one with a leading zero the hash table.
  expect([intern("C123"), intern("C0000007"), intern("C05"), interner.unique()]).toEqual([3, 1, 4, 5]);
  expect(interner.ids).toEqual(["C0000042", "C0000007", "张三", "C123", "C05", ""]);
});
