/**
 * The profile scan's facts on small relations in embedded DuckDB, against hand counts: rows left out, the latest
 * day, the finest amount, the ids that need trimming, whether every order id is on one row, odd text values.
 */
import { DIALECT } from "./dialects";
import { profileOrders } from "./orderProfile";
import type { OrderSource, SegmentationSqlSettings } from "./segmentationSql";
import { openDuckdb, type DuckdbSession } from "../../warehouse/duckdbSession";

const SETTINGS: SegmentationSqlSettings = { tiers: { highValue: 5000, potential: 1000, dormantDays: 90, lostDays: 180 }, abc: { a: 0.8, b: 0.95 }, moneyScale: 6 };
const DAY = (iso: string) => Date.parse(iso) / 86400000;

let session: DuckdbSession;
beforeAll(async () => {
  session = await openDuckdb({ threads: 1 });
});
afterAll(() => session.close());

function source(rows: Array<[string | null, string | null, string | null, string | null]>, extra: Partial<OrderSource> = {}): OrderSource {
  const values = rows.map((r) => `(${r.map((v) => (v === null ? "NULL" : `'${v}'`)).join(", ")})`).join(", ");
  return { relation: `(SELECT * FROM (VALUES ${values}) t(c, d, a, o))`, customer: "c", date: "d", amount: "a", order: "o", ...extra };
}

test("rows left out, the latest usable day, the finest amount (trailing zeros do not count)", async () => {
  const rows: Array<[string | null, string | null, string | null, string | null]> = [
    ["A", "2025-01-02", "10.50", "o1"],
    ["B", "2025-03-01", "0.125", "o2"],
    [null, "2025-04-01", "1", "o3"], // no customer: left out
    ["C", "not a date", "1", "o4"], // unreadable date: left out
    ["C", "2025-02-01", "abc", "o5"], // unreadable amount: left out
    ["", "2025-05-01", "1", "o6"], // blank customer: left out
  ];
  const profile = await profileOrders(session, source(rows), SETTINGS);
  expect(profile.rejectedRows).toBe(4);
  expect(profile.lastDay).toBe(DAY("2025-03-01"));
  expect(profile.facts.decimals).toBe(3);
  expect(profile.facts.oneRowPerOrder).toBe(true);
  expect(profile.facts).toMatchObject({ trimCustomer: false, trimOrder: false, allSales: true });
  // A refund or a zero amount before as-of: not every row is a sale; after as-of it does not count.
  for (const [amount, asOf, allSales] of [["-1", undefined, false], ["0", undefined, false], ["-1", DAY("2025-03-02"), true]] as const) {
    const more = await profileOrders(session, source([...rows, ["D", "2025-03-02", amount, "o7"]]), { ...SETTINGS, asOf });
    expect([amount, asOf, more.facts.allSales]).toEqual([amount, asOf, allSales]);
  }
});

test("an order id on two rows (even of two customers) sends the statements the long way; blank ids do not", async () => {
  const base: Array<[string | null, string | null, string | null, string | null]> = [
    ["A", "2025-01-02", "1", null],
    ["A", "2025-01-03", "1", null],
    ["B", "2025-01-03", "1", "o1"],
  ];
  expect((await profileOrders(session, source(base), SETTINGS)).facts.oneRowPerOrder).toBe(true);
  expect((await profileOrders(session, source([...base, ["C", "2025-01-04", "2", "o1"]]), SETTINGS)).facts.oneRowPerOrder).toBe(false);
  // A repeat on or after the as-of date does not count: those rows are left out of everything.
  const late = await profileOrders(session, source([...base, ["B", "2025-02-01", "2", "o1"]]), { ...SETTINGS, asOf: DAY("2025-02-01") });
  expect(late.facts.oneRowPerOrder).toBe(true);
});

test("ids with a space at an end are trimmed (and then counted as the same id); others are read as they are", async () => {
  const rows: Array<[string | null, string | null, string | null, string | null]> = [
    ["A ", "2025-01-02", "1", "o1"],
    ["B", "2025-01-02", "1", " o1"],
    ["  ", "2025-01-02", "1", "o2"], // blank once trimmed: left out
  ];
  const profile = await profileOrders(session, source(rows), SETTINGS);
  expect(profile.facts).toMatchObject({ trimCustomer: true, trimOrder: true, oneRowPerOrder: false });
  expect(profile.rejectedRows).toBe(1);
});

test("text sources: dates, amounts and ids the SQL would read otherwise than the TypeScript reader are counted", async () => {
  const rows: Array<[string | null, string | null, string | null, string | null]> = [
    ["A", "2025-01-02 10:00:00", " 12.50 ", "o1"], // read alike
    ["B", "20250103", "-3", "o2"], // read alike
    ["C", "1/2/2025", "1,000", "o3"], // a slash date and a thousands separator
    ["D", "2025年1月2日", "¥5", "o4"],
    ["E\u3000", "2025-01-02", "1", '="o5"'], // a full-width space; an ="…" guard (one row: counted once)
    ["F", "", "", "o6"], // blank: left out alike, not odd
  ];
  const profile = await profileOrders(session, source(rows, { asText: true }), SETTINGS);
  expect(profile.odd).toEqual({ dates: 2, amounts: 2, ids: 1 });
  expect((await profileOrders(session, source(rows.slice(0, 2), { asText: true }), SETTINGS)).odd).toEqual({ dates: 0, amounts: 0, ids: 0 });
  expect(session.dialect).toBe(DIALECT.duckdb);
});
