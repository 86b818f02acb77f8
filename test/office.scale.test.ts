/**
 * Measured (issue 10 item 3), small: a review with 20,000 customers against the strict fake host stays far
 * below Excel on the web's 5 MB a request, recalculates once and suspends screen updating a handful of times.
 * `npm run bench:office` runs the same with 200,000 customers and prints the figures.
 */
import { MAX_REQUEST_BYTES } from "./helpers/fakeExcel";
import { describeFigures, scaleReview } from "./helpers/scaleReview";
import { sampleSheet } from "./helpers/cli";

test("a review with 20,000 customers: syncs and the largest request", async () => {
  const figures = await scaleReview(20_000, 40_000, sampleSheet("platform-2025/monthly.csv"));
  process.stdout.write(`${describeFigures(figures)}\n`);
  expect(figures.customers).toBe(20_000);
  expect(figures.orders).toBe(40_000);
  expect(figures.largestRequestBytes).toBeLessThan(MAX_REQUEST_BYTES / 2);
  expect(figures.calculations).toBe(1);
  expect(figures.stale).toBe(false);
  // One suspension per sheet's layout sync and per visible swap step, never per block.
  expect(figures.screenSuspensions).toBeLessThanOrEqual(figures.sheets.length + 2);
});
