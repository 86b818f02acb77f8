/** The one message the pane (or the ribbon's run) shows for whatever went wrong. */
import { describeError } from "./describeError";
import { ReviewCancelled, ReviewWriteError } from "./writeWorkbook";
import { InputError, issue } from "../i18n/issues";

test("a cancelled run says the workbook was left as it was, in both languages", () => {
  expect(describeError(new ReviewCancelled(), "zh")).toBe("已取消生成，工作簿保持原样。");
  expect(describeError(new ReviewCancelled(), "en")).toBe("Generation was cancelled; the workbook was left as it was.");
});

test("a failed write names the unfinished sheet it kept", () => {
  const message = describeError(new ReviewWriteError("月度趋势 (未完成)", new Error("GeneralException")), "zh");
  expect(message).toContain("GeneralException");
  expect(message).toContain("月度趋势 (未完成)");
});

test("bad input is named by cell", () => {
  expect(describeError(new InputError([issue("noData", "月度数据!A1")]), "en")).toContain("月度数据!A1");
});
