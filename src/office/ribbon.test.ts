/** The ribbon's "Generate review sheet" runs the saved choices without the pane, and opens the pane otherwise. */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { generateFromSavedSettings } from "./ribbon";
import { defaultChoices, saveChoices } from "./choices";
import { lastRun } from "./lastRun";
import { sampleSheet } from "../../test/helpers/cli";

function install(excel: FakeExcel) {
  const showAsTaskpane = jest.fn(async () => undefined);
  Object.assign(globalThis, {
    Excel: { run: excel.run },
    Office: { context: { requirements: { isSetSupported: () => true } }, addin: { showAsTaskpane } },
  });
  return showAsTaskpane;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

const monthly = sampleSheet("shop-2025q3/monthly.csv");

test("with saved choices it regenerates the review, without opening the pane", async () => {
  const excel = new FakeExcel();
  excel.addSheet("数据", monthly);
  const showPane = install(excel);
  await saveChoices(excel.context, { ...defaultChoices("en"), data: { kind: "range", sheet: "数据", address: "A1:L11" }, period: { from: "2025-06", to: "2025-10" } });
  await generateFromSavedSettings();
  expect(showPane).not.toHaveBeenCalled();
  expect(excel.sheets.map((s) => s.name)).toEqual(["数据", "Review", "Monthly trend", "Channels"]);
  expect(lastRun()).toMatchObject({ ok: true, sheets: ["Review", "Monthly trend", "Channels"] });
  expect(excel.cell("Review", "D6")).toBe(19800000);
});

test("without saved choices it opens the pane", async () => {
  const excel = new FakeExcel();
  const showPane = install(excel);
  await generateFromSavedSettings();
  expect(showPane).toHaveBeenCalledTimes(1);
});

test("when the data has become unreadable it opens the pane with the cell-addressed reason", async () => {
  const excel = new FakeExcel();
  excel.addSheet("数据", [["月份", "GMV"], ["2025-01", "oops"]]);
  const showPane = install(excel);
  await saveChoices(excel.context, { ...defaultChoices("zh"), data: { kind: "range", sheet: "数据", address: "A1:B2" } });
  await generateFromSavedSettings();
  expect(showPane).toHaveBeenCalledTimes(1);
  expect(lastRun()).toMatchObject({ ok: false, message: expect.stringContaining("数据!B2") });
});
