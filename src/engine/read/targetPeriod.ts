/**
 * Which months a target column's values are for, read from its header (domain.md, "Targets for a longer
 * period than the one reviewed"): a year in the header (`2025目标`, `2025年目标`, `FY2025 target`) means that
 * calendar year; 全年 / 年度 / annual / full-year / FY without a year means the calendar year of the reviewed
 * months; anything else (`目标`, `target`, `Q3目标`) is the target of the reviewed period itself.
 */

export type TargetPeriod = { kind: "reviewed" } | { kind: "year"; year?: number };

const SUB_YEAR = /(?:q[1-4]|季度|季|quarter|上半年|下半年|半年|\bh[12]\b|月度|monthly)/i;
const YEAR_NUMBER = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;
const WHOLE_YEAR = /(?:全年|年度|年目标|annual|full[\s-]?year|yearly|\bfy\b)/i;

export function targetPeriodFromHeader(header: string): TargetPeriod {
  if (SUB_YEAR.test(header)) return { kind: "reviewed" };
  const year = YEAR_NUMBER.exec(header);
  if (year) return { kind: "year", year: Number(year[1]) };
  if (WHOLE_YEAR.test(header) || /^fy/i.test(header)) return { kind: "year" };
  return { kind: "reviewed" };
}

/** True for a target header that names no period at all (`目标`, `target`), as opposed to `Q3目标` or `2025目标`. */
export function namesNoPeriod(header: string): boolean {
  return !SUB_YEAR.test(header) && !YEAR_NUMBER.test(header) && !WHOLE_YEAR.test(header) && !/^fy/i.test(header);
}
