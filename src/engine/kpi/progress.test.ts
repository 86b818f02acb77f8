import { linearForecast, requiredRunRate, seasonalForecast, timeProgress, aheadOfTime } from "./progress";

describe("in-year progress", () => {
  test("time progress after 9 of 12 months is 75%", () => {
    expect(timeProgress(9)).toBe(0.75);
  });
  test("linear run-rate FY = YTD / n × 12", () => {
    expect(linearForecast(18e8, 9)).toBeCloseTo(24e8, 6);
    expect(linearForecast(1, 0)).toBeNull();
  });
  test("seasonal FY = YTD / (PY YTD / PY FY): PY had 60% by September, so 18亿 YTD projects 30亿", () => {
    expect(seasonalForecast(18e8, 12e8, 20e8)).toBeCloseTo(30e8, 6);
    expect(seasonalForecast(1, 0, 5)).toBeNull();
  });
  test("required monthly run-rate = (PL − YTD) / months left", () => {
    expect(requiredRunRate(25e8, 18e8, 3)).toBeCloseTo(7e8 / 3, 6);
    expect(requiredRunRate(25e8, 18e8, 0)).toBeNull();
  });
  test("ahead or behind time", () => {
    expect(aheadOfTime(0.8, 0.75)).toBeCloseTo(0.05, 12);
  });
});
