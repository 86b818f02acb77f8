/**
 * What the office layer offers the pane (issue 10 item 4): cancelling a running generate, finding the review
 * sheets the analyst has edited, keeping them on regenerate, and counts for the progress display.
 */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { editedReviewSheets, generateReview, type GenerateCounts } from "./generateReview";
import { defaultChoices } from "./choices";
import { ReviewCancelled } from "./writeWorkbook";
import { sampleSheet } from "../../test/helpers/cli";

const now = new Date("2026-01-05T09:00:00Z");

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("月度数据", sampleSheet("platform-2025/monthly.csv"));
  excel.addSheet("我的笔记", [["notes"]]);
  return excel;
}

const choices = { ...defaultChoices("zh"), data: { kind: "range", sheet: "月度数据", address: "A1:L25" } as const };

const snapshot = (excel: FakeExcel) => ({
  sheets: excel.sheets.map((s) => ({ id: s.id, name: s.name, cells: [...s.cells].map(([k, c]) => [k, c.formula]), tables: s.tables.map((t) => t.name) })),
  settings: [...excel.settings],
});

describe("cancelling a running generate", () => {
  test.each([
    ["reading", 0],
    ["writing", 0.3],
  ] as const)("cancelled while %s: it stops after the current block and the workbook is as before", async (stage, at) => {
    const excel = workbook();
    await generateReview(excel.context, choices, { capabilities: excel.capabilities, now });
    const before = snapshot(excel);
    const controller = new AbortController();
    let syncsAtAbort = 0;
    const run = generateReview(excel.context, choices, {
      capabilities: excel.capabilities,
      now,
      signal: controller.signal,
      onProgress: (s, fraction) => {
        if (s === stage && fraction >= at && !controller.signal.aborted) {
          controller.abort();
          syncsAtAbort = excel.syncs;
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(ReviewCancelled);
    expect(snapshot(excel)).toEqual(before);
    // It stopped: at most the clean-up sync and the current one came after the abort.
    expect(excel.syncs - syncsAtAbort).toBeLessThanOrEqual(2);
  });
});

describe("edits the analyst made to the review", () => {
  test("are detected per sheet; regenerate can keep the edited sheets under a new name", async () => {
    const excel = workbook();
    await generateReview(excel.context, choices, { capabilities: excel.capabilities, now });
    expect(await editedReviewSheets(excel.context, excel.capabilities)).toEqual([]);

    excel.context.workbook.worksheets.getItem("经营复盘").getRange("B3").formulas = [["我的批注"]];
    excel.context.workbook.worksheets.getItem("渠道结构").getRange("Z200").formulas = [[1]]; // beyond what was written
    await excel.context.sync();
    expect(await editedReviewSheets(excel.context, excel.capabilities)).toEqual(["经营复盘", "渠道结构"]);

    const result = await generateReview(excel.context, choices, { capabilities: excel.capabilities, now, keepEdited: true });
    expect(result.write.keptEdited).toEqual(["经营复盘 (已编辑)", "渠道结构 (已编辑)"]);
    expect(result.write.sheets).toEqual(["经营复盘", "月度趋势", "渠道结构"]);
    expect(excel.cell("经营复盘 (已编辑)", "B3")).toBe("我的批注");
    expect(excel.cell("经营复盘", "B3")).not.toBe("我的批注");
    expect(await editedReviewSheets(excel.context, excel.capabilities)).toEqual([]);

    // A kept sheet is the analyst's now: the next regenerate leaves it alone.
    await generateReview(excel.context, choices, { capabilities: excel.capabilities, now });
    expect(excel.sheets.map((s) => s.name).filter((n) => n.includes("已编辑"))).toEqual(["经营复盘 (已编辑)", "渠道结构 (已编辑)"]);
  });

  test("without keepEdited, edited sheets are replaced", async () => {
    const excel = workbook();
    await generateReview(excel.context, choices, { capabilities: excel.capabilities, now });
    excel.context.workbook.worksheets.getItem("经营复盘").getRange("B3").formulas = [["我的批注"]];
    await excel.context.sync();
    await generateReview(excel.context, choices, { capabilities: excel.capabilities, now });
    expect(excel.sheets.map((s) => s.name)).toEqual(["月度数据", "我的笔记", "经营复盘", "月度趋势", "渠道结构"]);
  });
});

test("progress reports the sheets written and, with an order list, the rows read", async () => {
  const excel = workbook();
  const orders = [["客户ID", "下单日期", "实付金额"], ...Array.from({ length: 30 }, (_, i) => [`C${i % 7}`, `2025-0${(i % 9) + 1}-02`, 10 + i])];
  excel.addSheet("订单", orders);
  const seen: GenerateCounts[] = [];
  await generateReview(excel.context, { ...choices, orders: { kind: "range", sheet: "订单", address: "A1:C31" } }, { capabilities: excel.capabilities, now, onProgress: (_s, _f, counts) => seen.push(counts) });
  const last = seen[seen.length - 1];
  expect(last.rowsRead).toBe(30);
  expect(last.rowsTotal).toBe(30);
  expect(last.sheetsWritten).toBe(last.sheetsTotal);
  expect(last.sheetsTotal).toBeGreaterThanOrEqual(4);
  const written = seen.map((c) => c.sheetsWritten);
  expect(written).toEqual([...written].sort((a, b) => a - b));
});
