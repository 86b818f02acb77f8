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
import { quintileBreaks, scoreDown, scoreUp, tierOf, DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import { class8Bits, class8Name, rfmCode, SEGMENT_BY_CODE, SEGMENTS, TIERS, type GroupName } from "../engine/customers/segmentNames";
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
  if (thresholds.amber > thresholds.green) fail("value", "badThresholds");
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
  return result ?? fail("value", "noMonths");
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
  return requiredRunRate(requiredNumber(target, "target"), requiredNumber(ytd, "ytd"), requiredNumber(monthsLeft, "monthsLeft")) ?? fail("value", "noMonths");
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
  return result ?? fail("value", "zeroTotal");
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
  if (denominator === 0) fail("value", "zeroTotal");
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
    if (error instanceof TargetSplitError) fail("value", "targetSplit", { reason: error.reason });
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
  if (!result.ok) return fail("value", "lmdiNonPositive");
  return [[result.effects.visitors, result.effects.conversion, result.effects.aov]];
}

/**
 * RFM score (1–5) of a value among all customers' values: 1 + the number of quintile breakpoints (PERCENTILE.INC) below it.
 * @customfunction RFMSCORE
 * @param value The customer's value (days since last order, order count or spend).
 * @param values All customers' values.
 * @param reverse TRUE for recency, where fewer days score higher. Default FALSE.
 * @returns A score from 1 to 5.
 */
export function RFMSCORE(value: any, values: any[][], reverse?: any): number {
  const all = numbersOf(values, "values");
  if (all.length === 0) fail("na", "missingArgument", { name: "values" });
  const breaks = quintileBreaks(all);
  const x = requiredNumber(value, "value");
  return optionalFlag(reverse, false) ? scoreDown(x, breaks) : scoreUp(x, breaks);
}

/**
 * Name of the RFM segment (one of 11) for R, F and M scores, in the workbook's language.
 * @customfunction RFMSEGMENT
 * @param r Recency score, 1–5.
 * @param f Frequency score, 1–5.
 * @param m Monetary score, 1–5.
 * @returns The segment, e.g. 冠军客户 (Champions).
 */
export function RFMSEGMENT(r: any, f: any, m: any): string {
  const code = rfmCode(scoreArgument(r, "r"), scoreArgument(f, "f"), scoreArgument(m, "m"));
  return groupLabel(SEGMENTS[SEGMENT_BY_CODE[code]]);
}

/**
 * The Chinese 8-class model: a score is high when it is at least the mean of that score over all customers.
 * @customfunction CLASS8
 * @param r Recency score.
 * @param f Frequency score.
 * @param m Monetary score.
 * @param means The mean R, F and M scores over all customers (three cells).
 * @returns The class, e.g. 重要价值客户.
 */
export function CLASS8(r: any, f: any, m: any, means: any[][]): string {
  const averages = numbersOf(means, "means");
  if (averages.length !== 3) fail("value", "threeValues", { name: "means" });
  const bits = class8Bits(requiredNumber(r, "r") >= averages[0], requiredNumber(f, "f") >= averages[1], requiredNumber(m, "m") >= averages[2]);
  return groupLabel(class8Name(bits));
}

/**
 * Value tier: lost after more than 180 days, dormant after more than 90, else by spend in the last 365 days (≥ 5000 high value, ≥ 1000 potential, else regular).
 * @customfunction TIER
 * @param days Days since the customer's last order.
 * @param spend The customer's spend in the last 365 days.
 * @param thresholds Optional four cells: high-value spend, potential spend, dormant days, lost days. Default 5000, 1000, 90, 180.
 * @returns 高净值 / 潜力 / 一般 / 沉默 / 流失 (High value / Potential / Regular / Dormant / Lost).
 */
export function TIER(days: any, spend: any, thresholds?: any[][]): string {
  let settings = DEFAULT_SEGMENTATION_SETTINGS.tiers;
  if (thresholds !== undefined && thresholds !== null) {
    const values = numbersOf(thresholds, "thresholds");
    if (values.length > 0) {
      if (values.length !== 4) fail("value", "fourValues", { name: "thresholds" });
      settings = { highValue: values[0], potential: values[1], dormantDays: values[2], lostDays: values[3] };
    }
  }
  return groupLabel(TIERS[tierOf(requiredNumber(days, "days"), optionalNumber(spend, "spend") ?? 0, settings)]);
}

function scoreArgument(value: unknown, name: string): number {
  const score = requiredNumber(value, name);
  if (!Number.isInteger(score) || score < 1 || score > 5) fail("value", "notAScore", { name });
  return score;
}

function groupLabel(group: GroupName): string {
  return workbookLang() === "zh" ? group.nameZh : group.name;
}
