import { formatIssueList, InputError, issue, ISSUES_SHOWN_PER_CODE } from "./issues";

describe("a list of problems as the analyst reads it", () => {
  // A column of 62 unreadable dates (rows 2..63) and one other problem after it.
  const dates = Array.from({ length: 62 }, (_, k) => issue("badMonth", `日报!A${k + 2}`, { text: `x${k}` }));
  const other = issue("badNumber", "日报!B9", { text: "abc" });

  test("at most five lines of one kind, then one line counting the rest and naming the last cell", () => {
    const lines = formatIssueList([...dates, other], "zh");
    expect(ISSUES_SHOWN_PER_CODE).toBe(5);
    expect(lines).toHaveLength(5 + 1 + 1);
    expect(lines.slice(0, 5).map((l) => l.split(":")[0])).toEqual(["日报!A2", "日报!A3", "日报!A4", "日报!A5", "日报!A6"]);
    expect(lines[5]).toContain("另有 57 处"); // 62 − 5
    expect(lines[5]).toContain("日报!A63");
    expect(lines[6]).toContain("日报!B9");
    const en = new InputError([...dates, other]).format("en");
    expect(en).toContain("and 57 more like this (up to 日报!A63)");
  });

  test("six of a kind are all shown: a summary line would save nothing", () => {
    expect(formatIssueList(dates.slice(0, 6), "en")).toHaveLength(6);
    expect(formatIssueList(dates.slice(0, 7), "en")).toHaveLength(6);
  });
});
