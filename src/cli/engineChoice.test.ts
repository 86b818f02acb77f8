import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseEngine, EXCEL_ROWS, pastExcelRows } from "./engineChoice";

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

test("a CSV is past Excel's rows from line 1,048,577 on (the header counts as a row, as in a sheet)", () => {
  const lines = (n: number) => "id,x\n" + "1,2\n".repeat(n - 1);
  const atLimit = file("limit.csv", lines(EXCEL_ROWS));
  const past = file("past.csv", lines(EXCEL_ROWS + 1));
  expect(pastExcelRows(atLimit)).toBe(false);
  expect(pastExcelRows(past)).toBe(true);
  expect(chooseEngine(past, {})).toBe("duckdb");
  expect(chooseEngine(atLimit, {})).toBe("ts");
});
