/**
 * A CSV on DuckDB (the default past Excel's rows; forced here with --engine duckdb on small files) is read by the
 * TypeScript reader's rules (domain.md, "Cells as analysts type them" and the order-list columns): what DuckDB
 * reads itself gives the TypeScript engine's summaries; what it would read otherwise (other encodings, dates and
 * amounts in other forms) goes to the TypeScript engine with a note naming the file, or, for .gz, an error saying
 * what to do.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bothEngines } from "./helpers/enginesParity";
import { gbkBytes, utf16leBytes } from "./helpers/encodings";
import { runCli } from "./helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-csv-duckdb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  customer: string;
  /** Days after 2025-01-01. */
  day: number;
  /** Paid amount in cents. */
  cents: number;
  order: string;
}

/** 30 customers with 1 to 5 orders over the first half of 2025, quarter-cent-free amounts, one refund, two blank order ids. */
const ROWS: Row[] = [];
for (let c = 0; c < 30; c++) {
  for (let k = 0; k < 1 + ((c * 7) % 5); k++) {
    ROWS.push({ customer: `客户${String(c).padStart(2, "0")}`, day: (c * 13 + k * 29) % 170, cents: 1000 + ((c * 37 + k * 101) % 50) * 125, order: c % 11 === 4 ? "" : `O${c}-${k}` });
  }
}
ROWS.push({ customer: "客户03", day: 100, cents: -1250, order: "R1" });

function dateParts(day: number): [number, number, number] {
  const date = new Date(Date.UTC(2025, 0, 1 + day));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

const pad = (n: number) => String(n).padStart(2, "0");
const DATES = {
  iso: (day: number) => dateParts(day).map(pad).join("-"),
  compact: (day: number) => dateParts(day).map(pad).join(""),
  datetime: (day: number) => `${DATES.iso(day)} ${pad(day % 24)}:15:00`,
  yearSlash: (day: number) => dateParts(day).join("/"),
  monthFirst: (day: number) => { const [y, m, d] = dateParts(day); return `${m}/${d}/${y}`; },
  dayFirst: (day: number) => { const [y, m, d] = dateParts(day); return `${d}/${m}/${y}`; },
  chinese: (day: number) => { const [y, m, d] = dateParts(day); return `${y}年${m}月${d}日`; },
};
const plain = (cents: number) => (cents / 100).toFixed(2);
const AMOUNTS = {
  plain,
  trailingSpaces: (cents: number) => `${plain(cents)}  `,
  // Whole yuan with thousands separators: 1000 cents as ¥1,000.00 (a different amount, the same on both engines).
  yuanThousands: (cents: number) => `¥${cents.toLocaleString("en-US")}.00`.replace(/^¥-/, "-¥"),
};

interface Variant {
  dates?: keyof typeof DATES;
  amounts?: keyof typeof AMOUNTS;
  delimiter?: string;
  title?: boolean;
  /** A gross amount column (订单金额, 10 more than paid) before the paid one (实付金额). */
  gross?: boolean;
  rows?: Row[];
}

function csvText(v: Variant): string {
  const d = v.delimiter ?? ",";
  const header = ["客户ID", "下单时间", ...(v.gross ? ["订单金额"] : []), "实付金额", "订单号"];
  const lines = [...(v.title ? ["订单明细（2025年上半年）"] : []), header.join(d)];
  for (const r of v.rows ?? ROWS) {
    const amount = AMOUNTS[v.amounts ?? "plain"](r.cents);
    const cells = [r.customer, DATES[v.dates ?? "iso"](r.day), ...(v.gross ? [plain(r.cents + 1000)] : []), amount, r.order];
    lines.push(cells.map((c) => (d === "," && c.includes(",") ? `"${c}"` : c)).join(d));
  }
  return lines.join("\r\n") + "\r\n";
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const FALLBACK_NOTE = "segmented with the TypeScript engine (--engine ts) instead";

describe("what DuckDB reads itself, as the TypeScript reader does", () => {
  const cases: Array<[string, Variant]> = [
    ["ISO dates, blank order ids, a refund", {}],
    ["20250105 dates", { dates: "compact" }],
    ["datetimes", { dates: "datetime" }],
    ["year-first slash dates (2025/1/5)", { dates: "yearSlash" }],
    ["amounts with trailing spaces", { amounts: "trailingSpaces" }],
    ["the paid amount beside a gross amount", { gross: true }],
    ["a title line above the header", { title: true }],
    ["tab-separated", { delimiter: "\t" }],
    ["semicolon-separated with a title line", { delimiter: ";", title: true }],
  ];
  test.each(cases)("%s", async (name, variant) => {
    const file = write(`${name.replace(/\W+/g, "_")}.csv`, csvText(variant));
    const { duckdb, same } = await bothEngines(file);
    same();
    expect(duckdb.json!.engine).toBe("DuckDB");
    expect(duckdb.stderr).not.toContain(FALLBACK_NOTE);
  });

  test("rows left out alike: a blank customer id, a blank amount; a row blank in every column is no row at all", async () => {
    const lines = ["客户ID,下单时间,实付金额,订单号,备注", "A,2025-01-05,12.50,o1,", "", ",2025-01-06,3,o2,", "  ,2025-01-06,3,o3,", "B,2025-01-07,,o4,", ",,,,", " , , , , ", ",,,,备注", "C,2025-01-08,1,o5,"];
    const file = write("left-out.csv", lines.join("\n") + "\n");
    const { duckdb, same } = await bothEngines(file);
    same();
    expect(duckdb.stderr).not.toContain(FALLBACK_NOTE);
    // By hand: rows 3 and 4 (blank customer), 5 (blank amount) and the row with only a remark; the blank rows are skipped.
    expect([duckdb.json!.rejectedRows, duckdb.json!.customers]).toEqual([4, 2]);
  });

  test("UTF-8 with a byte-order mark; by hand: 30 customers, revenue the paid amounts' sum", async () => {
    const file = write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText({ gross: true }))]));
    const { duckdb, same } = await bothEngines(file);
    same();
    expect(duckdb.stderr).not.toContain(FALLBACK_NOTE);
    const paid = ROWS.reduce((sum, r) => sum + r.cents, 0) / 100;
    const segments = duckdb.json!.segments as Array<{ customers: number; revenue: number }>;
    expect(segments.reduce((s, g) => s + g.customers, 0)).toBe(30);
    expect(segments.reduce((s, g) => s + g.revenue, 0)).toBeCloseTo(paid, 6);
  });
});

describe("what DuckDB would read otherwise goes to the TypeScript engine, with a note naming the file", () => {
  const cases: Array<[string, () => Uint8Array | string, string]> = [
    ["GBK (Chinese Excel's CSV)", () => gbkBytes(csvText({})), "not UTF-8"],
    ["UTF-16 with a byte-order mark, tab-separated", () => utf16leBytes(csvText({ delimiter: "\t" })), "UTF-16"],
    ["month-first slash dates", () => csvText({ dates: "monthFirst" }), "dates written as"],
    ["day-first slash dates", () => csvText({ dates: "dayFirst" }), "dates written as"],
    ["2025年1月5日 dates", () => csvText({ dates: "chinese" }), "dates written as \"2025年"],
    ["¥ and thousands separators", () => csvText({ amounts: "yuanThousands" }), "amounts written as \"¥"],
    // 实付金额(万元): the TypeScript reader scales by the unit (×10,000), the SQL would not.
    ["an amount header naming a unit (万元)", () => csvText({}).replace("实付金额", "实付金额(万元)"), "names a unit"],
    // 300 KB of ASCII before the first GBK name: past the opening the layout looks at, found by DuckDB's own check.
    ["GBK past the opening bytes", () => gbkBytes(["customer_id,order_date,amount,order_id", ...Array.from({ length: 12000 }, (_, i) => `C${i % 40},2025-03-${pad(1 + (i % 28))},${1 + (i % 9)}.25,X${i}`), "客户07,2025-03-02,8.00,Y1"].join("\r\n") + "\r\n"), "not UTF-8"],
    // The TypeScript reader trims every kind of whitespace (a full-width space here) and unwraps an ="…" guard.
    ["an id with a full-width space at its end", () => csvText({ rows: ROWS.map((r, i) => (i % 3 === 0 ? { ...r, customer: `${r.customer}\u3000` } : r)) }), "other whitespace at an end"],
    ["order ids guarded as =\"…\"", () => csvText({ rows: ROWS.map((r) => (r.order ? { ...r, order: `="${r.order}"` } : r)) }), "guard"],
  ];
  test.each(cases)("%s", async (name, bytes, reason) => {
    const file = write(`${name.replace(/\W+/g, "_")}.csv`, bytes());
    const { duckdb, same } = await bothEngines(file);
    same();
    const note = duckdb.stderr.split("\n").find((line) => line.includes(FALLBACK_NOTE));
    expect(note).toContain(file);
    expect(note).toContain(reason);
    expect(duckdb.json!.engine).toBeUndefined();
  });

  test("slash dates the values do not settle: --date-format decides on the TypeScript engine", async () => {
    const early = ROWS.map((r) => ({ ...r, day: r.day % 12 }));
    const file = write("ambiguous.csv", csvText({ dates: "dayFirst", rows: early }));
    const { ts, duckdb, same } = await bothEngines(file, ["--date-format", "dmy"]);
    same();
    expect(duckdb.stderr).toContain(FALLBACK_NOTE);
    // By hand: day-first 12/1/2025 is 12 January, so every order falls in January and the as-of is 13 January.
    expect(ts.json!.asOf).toBe("2025-01-13");
  });

  test("customer-level input, which only the SQL engines read, in GBK: an error saying to save it as UTF-8 or Parquet", async () => {
    const file = write("customers-gbk.csv", gbkBytes("客户ID,最近下单日期,订单数,消费金额,近365天消费金额\r\n张三,2025-01-05,3,120.50,80\r\n李四,2025-02-01,1,30,30\r\n"));
    const out = await runCli(["segment", "--customers", file, "--json", "--lang", "en"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain(`${file}: the file is not UTF-8`);
    expect(out.stderr).toContain("save it as CSV UTF-8 (comma delimited) or Parquet");
  });

  test("a .csv.gz the TypeScript engine cannot open is an error saying to decompress it", async () => {
    const file = write("yuan.csv.gz", gzipSync(Buffer.from(csvText({ amounts: "yuanThousands" }))));
    const out = await runCli(["segment", file, "--json", "--lang", "en"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain(file);
    expect(out.stderr).toContain("gunzip");
  });
});
