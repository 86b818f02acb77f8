import { memoryForRows } from "./duckdbSession";

const MB = 1024 * 1024;
const GB = 1024 * MB;

test("DuckDB's memory grows with the orders at 75 bytes each, from 1.5 GB to 3 GB, within a quarter of the machine", () => {
  // By hand: 20M × 75 B = 1,430 MB, below the 1.5 GB floor; 30M × 75 B = 2,250,000,000 B = 2,145.7 MB, rounded down.
  expect(memoryForRows(20_000_000, 24 * GB)).toBe(1536 * MB);
  expect(memoryForRows(30_000_000, 24 * GB)).toBe(2145 * MB);
  expect(memoryForRows(100_000_000, 24 * GB)).toBe(3072 * MB);
  expect(memoryForRows(100_000_000, 8 * GB)).toBe(2048 * MB);
  expect(memoryForRows(0, 4 * GB)).toBe(1024 * MB);
});
