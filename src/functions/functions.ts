/**
 * The KPI custom functions (=KPI.ATTAINMENT(...) and friends). Each is a thin wrapper over the engine:
 * it reads its arguments as the engine's reader reads cells, calls the engine, and turns a refusal into
 * a cell error with a message. The JSDoc here is the English metadata (functions.json); the Chinese
 * descriptions are in src/i18n/functionDocsZh.json.
 */
import { attainment, growth, ppChange, status, variance } from "../engine/kpi/compare";
import { linearForecast, requiredRunRate, seasonalForecast } from "../engine/kpi/progress";
import { splitTarget, TargetSplitError } from "../engine/kpi/targetSplit";
import { gmvDrivers } from "../engine/kpi/lmdi";
import { statusLabel } from "../i18n/strings";
import { fail, numbersOf, optionalFlag, optionalNumber, requiredNumber, workbookLang } from "./arguments";

/**
 * Attainment (达成率) of an actual value against its target: 1 + s·(AC − PL)/|PL|.
 * @customfunction ATTAINMENT
 * @param actual The actual value (AC).
 * @param target The target (PL).
 * @param lowerIsBetter TRUE for costs and other metrics where lower is better. Default FALSE.
 * @returns Attainment as a fraction (1.144 is 114.4%).
 */
export function ATTAINMENT(actual: any, target: any, lowerIsBetter?: any): number {
  const result = attainment(requiredNumber(actual, "actual"), optionalNumber(target, "target"), optionalFlag(lowerIsBetter, false) ? "lower" : "higher");
  return result ?? fail("na", "zeroTarget");
}

/**
 * Variance of an actual value against a reference (ΔPL or ΔPY): AC − reference.
 * @customfunction VARIANCE
 * @param actual The actual value (AC).
 * @param reference The target (PL) or previous-year value (PY).
 * @returns The difference.
 */
export function VARIANCE(actual: any, reference: any): number {
  return variance(requiredNumber(actual, "actual"), requiredNumber(reference, "reference"))!;
}

/**
 * Growth (同比/环比) of a value on an earlier one: (current − previous)/|previous|.
 * @customfunction GROWTH
 * @param current The current value.
 * @param previous The earlier value (previous year or previous month).
 * @returns Growth as a fraction; #N/A when previous is 0 or of the opposite sign.
 */
export function GROWTH(current: any, previous: any): number {
  return growth(requiredNumber(current, "current"), requiredNumber(previous, "previous")) ?? fail("na", "growthUndefined");
}

/**
 * Change of a rate in percentage points: 33% → 38% is 0.05 (+5.0pp).
 * @customfunction PPCHANGE
 * @param current The current rate.
 * @param previous The earlier rate.
 * @returns The difference of the two rates.
 */
export function PPCHANGE(current: any, previous: any): number {
  return ppChange(requiredNumber(current, "current"), requiredNumber(previous, "previous"))!;
}

/**
 * Status word for an attainment: met (≥ green), close (≥ amber) or missed, in the workbook's language.
 * @customfunction STATUS
 * @param attainment An attainment such as 1.144.
 * @param green Attainment from which the target counts as met. Default 1.
 * @param amber Attainment from which the target counts as close. Default 0.9.
 * @returns 达成 / 接近 / 未达成 (Met / Close / Missed).
 */
export function STATUS(attainment: any, green?: any, amber?: any): string {
  const thresholds = { green: optionalNumber(green, "green") ?? 1, amber: optionalNumber(amber, "amber") ?? 0.9 };
  if (thresholds.amber > thresholds.green) fail("num", "badThresholds");
  return statusLabel(status(requiredNumber(attainment, "attainment"), thresholds), workbookLang());
}

/**
 * Linear full-year forecast from the year to date: YTD / months elapsed × months in the year.
 * @customfunction RUNRATE
 * @param ytd The year-to-date total.
 * @param monthsElapsed Months elapsed.
 * @param monthsInYear Months in the year. Default 12.
 * @returns The full-year forecast.
 */
export function RUNRATE(ytd: any, monthsElapsed: any, monthsInYear?: any): number {
  const result = linearForecast(requiredNumber(ytd, "ytd"), requiredNumber(monthsElapsed, "monthsElapsed"), optionalNumber(monthsInYear, "monthsInYear") ?? 12);
  return result ?? fail("num", "noMonths");
}

/**
 * Monthly run-rate still required to reach the target: (target − YTD) / months left.
 * @customfunction REQUIRED
 * @param target The full-year target.
 * @param ytd The year-to-date total.
 * @param monthsLeft Months left in the year.
 * @returns The required average per remaining month.
 */
export function REQUIRED(target: any, ytd: any, monthsLeft: any): number {
  return requiredRunRate(requiredNumber(target, "target"), requiredNumber(ytd, "ytd"), requiredNumber(monthsLeft, "monthsLeft")) ?? fail("num", "noMonths");
}

/**
 * Seasonal full-year forecast: YTD / (previous YTD / previous full year).
 * @customfunction FORECAST
 * @param ytd This year's total to date.
 * @param previousYtd Last year's total over the same months.
 * @param previousFullYear Last year's full-year total.
 * @returns The full-year forecast following last year's seasonality.
 */
export function FORECAST(ytd: any, previousYtd: any, previousFullYear: any): number {
  const result = seasonalForecast(requiredNumber(ytd, "ytd"), requiredNumber(previousYtd, "previousYtd"), requiredNumber(previousFullYear, "previousFullYear"));
  return result ?? fail("div0", "zeroTotal");
}

/**
 * Share of a part in a total, as a ratio of sums (a channel's GMV share over several months).
 * @customfunction SHARE
 * @param part The part's values (a cell or a range).
 * @param total The total's values (a cell or a range).
 * @returns SUM(part)/SUM(total).
 */
export function SHARE(part: any[][], total: any[][]): number {
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const denominator = sum(numbersOf(total, "total"));
  if (denominator === 0) fail("div0", "zeroTotal");
  return sum(numbersOf(part, "part")) / denominator;
}

/**
 * Splits a period target over months in proportion to last year's months, rounded to whole units so that the parts add up to the target.
 * @customfunction TARGETSPLIT
 * @param target The period target.
 * @param previousMonths Last year's monthly values (a row or a column).
 * @param unit Rounding unit, e.g. 1 or 10000. Default 1.
 * @returns Monthly targets, spilled in the shape of previousMonths.
 */
export function TARGETSPLIT(target: any, previousMonths: any[][], unit?: any): number[][] {
  const weights = numbersOf(previousMonths, "previousMonths");
  try {
    const parts = splitTarget(requiredNumber(target, "target"), weights, optionalNumber(unit, "unit") ?? 1);
    const asRow = previousMonths.length === 1;
    return asRow ? [parts] : parts.map((p) => [p]);
  } catch (error) {
    if (error instanceof TargetSplitError) fail("num", "targetSplit", { reason: error.reason });
    throw error;
  }
}

/**
 * GMV change split into traffic, conversion and basket effects (LMDI); the three effects add up to the change in GMV.
 * @customfunction LMDI
 * @param visitors Visitors before and after (two cells).
 * @param buyers Buyers before and after (two cells).
 * @param gmv GMV before and after (two cells).
 * @returns A row of three effects: visitors, conversion, average order value.
 */
export function LMDI(visitors: any[][], buyers: any[][], gmv: any[][]): number[][] {
  const pair = (range: any[][], name: string) => {
    const values = numbersOf(range, name);
    if (values.length !== 2) fail("value", "twoValues", { name });
    return values;
  };
  const [v0, v1] = pair(visitors, "visitors");
  const [b0, b1] = pair(buyers, "buyers");
  const [g0, g1] = pair(gmv, "gmv");
  const result = gmvDrivers({ visitors: v0, buyers: b0, gmv: g0 }, { visitors: v1, buyers: b1, gmv: g1 });
  if (!result.ok) return fail("num", "lmdiNonPositive");
  return [[result.effects.visitors, result.effects.conversion, result.effects.aov]];
}
