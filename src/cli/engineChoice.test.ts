import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseEngine, EXCEL_ROWS, rowLimitForTsEngine } from "./engineChoice";
import { runCli } from "../../test/helpers/cli";
import { gbkBytes } from "../../test/helpers/encodings";

const dir = mkdtempSync(join(tmpdir(), "kpi-engine-choice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text = "customer_id,date,amount\n"): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("Parquet, a folder, .gz go to DuckDB; small CSV and xlsx stay with the TypeScript engine", () => {
  mkdirSync(join(dir, "parts"));
  expect(chooseEngine(file("a.parquet"), {})).toBe("duckdb");
  expect(chooseEngine(join(dir, "parts"), {})).toBe("duckdb");
  expect(chooseEngine(file("a.csv.gz"), {})).toBe("duckdb");
  expect(chooseEngine(file("a.csv"), {})).toBe("ts");
  expect(chooseEngine(file("a.xlsx"), {})).toBe("ts");
});

test("--engine wins; a URL picks its server; customer-level input goes to DuckDB", () => {
  expect(chooseEngine(file("b.parquet"), { engine: "clickhouse" })).toBe("clickhouse");
  expect(chooseEngine(undefined, { url: "postgres://u@h/db", table: "t" })).toBe("postgres");
  expect(chooseEngine(undefined, { url: "http://h:8123", table: "t" })).toBe("clickhouse");
  expect(chooseEngine(undefined, { customers: "c.csv" })).toBe("duckdb");
  expect(chooseEngine(file("c.csv"), { customersOut: "out.parquet" })).toBe("duckdb");
});

test("a CSV is past Excel's rows from line 1,048,577 on (the header counts as a row, as in a sheet): DuckDB reads it", async () => {
  // 20 customers; the header plus `rows` order lines. At the limit the TypeScript engine reads it; one line more
  // and it stops at Excel's last row and the whole file goes to DuckDB (the same figures, said by the engine line).
  const lines = (rows: number) => "customer_id,order_date,amount\n" + Array.from({ length: rows }, (_, i) => `c${i % 20},2025-0${1 + (i % 9)}-1${i % 10},${(i % 7) + 1}.50\n`).join("");
  const atLimit = file("limit.csv", lines(EXCEL_ROWS - 1));
  const past = file("past.csv", lines(EXCEL_ROWS));
  expect(chooseEngine(past, {})).toBe("ts");
  expect(rowLimitForTsEngine(past, {})).toBe(EXCEL_ROWS);
  expect(rowLimitForTsEngine(past, { engine: "ts" })).toBeUndefined();
  const segment = async (path: string, extra: string[] = []) => {
    const out = await runCli(["segment", path, "--json", "--no-customer-list", "--as-of", "2026-01-01", ...extra]);
    expect(out.code).toBe(0);
    return JSON.parse(out.stdout) as { engine?: string; customers: number; orders: number; segments: unknown };
  };
  const onTs = await segment(atLimit);
  expect(onTs.engine).toBeUndefined();
  expect([onTs.customers, onTs.orders]).toEqual([20, EXCEL_ROWS - 1]);
  const onDuck = await segment(past);
  expect(onDuck.engine).toBe("DuckDB");
  expect([onDuck.customers, onDuck.orders]).toEqual([20, EXCEL_ROWS]);
  // --engine ts reads past the last row all the same.
  const forcedTs = await segment(past, ["--engine", "ts"]);
  expect([forcedTs.engine, forcedTs.orders]).toEqual([undefined, EXCEL_ROWS]);
  expect(forcedTs.segments).toEqual(onDuck.segments);
}, 120_000);

test("past Excel's rows in GBK: DuckDB would read it otherwise, so the TypeScript engine reads all of it, and says so", async () => {
  const lines = "客户ID,下单时间,实付金额\n" + Array.from({ length: EXCEL_ROWS }, (_, i) => `客户${i % 30},2025-0${1 + (i % 9)}-1${i % 10},${(i % 7) + 1}.50\n`).join("");
  const past = join(dir, "past-gbk.csv");
  writeFileSync(past, gbkBytes(lines));
  const out = await runCli(["segment", past, "--json", "--no-customer-list", "--as-of", "2026-01-01", "--lang", "en"]);
  expect(out.code).toBe(0);
  expect(out.stderr).toContain("not UTF-8");
  const json = JSON.parse(out.stdout) as { engine?: string; customers: number; orders: number };
  // 30 customers 客户0 … 客户29; one order per line.
  expect([json.engine, json.customers, json.orders]).toEqual([undefined, 30, EXCEL_ROWS]);
}, 180_000);
