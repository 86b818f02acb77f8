/**
 * In-year progress (domain.md): time progress, YTD, full-year forecasts and the monthly run-rate still
 * needed to reach the target.
 */

/** 时间进度 = months elapsed / months in the year. */
export function timeProgress(monthsElapsed: number, monthsInYear = 12): number {
  return monthsElapsed / monthsInYear;
}

/** Linear full-year forecast: YTD / n × 12. */
export function linearForecast(ytd: number, monthsElapsed: number, monthsInYear = 12): number | null {
  return monthsElapsed > 0 ? (ytd / monthsElapsed) * monthsInYear : null;
}

/** Seasonal full-year forecast: YTD / (PY YTD / PY full year). */
export function seasonalForecast(ytd: number, previousYtd: number, previousFullYear: number): number | null {
  if (!(previousYtd !== 0 && previousFullYear !== 0)) return null;
  const share = previousYtd / previousFullYear;
  return share > 0 ? ytd / share : null;
}

/** Monthly run-rate still required to reach the target: (PL − YTD) / months left. */
export function requiredRunRate(target: number, ytd: number, monthsLeft: number): number | null {
  return monthsLeft > 0 ? (target - ytd) / monthsLeft : null;
}

/** YTD attainment minus time progress: positive is ahead of plan, negative behind. */
export function aheadOfTime(ytdAttainment: number, progress: number): number {
  return ytdAttainment - progress;
}
