/**
 * The built pane against a fake Excel host (office-addin-mock, test/helpers/fakeExcel.ts) holding the sample
 * data: `Excel.run` and `Office` are provided here, and the pane runs its real Office.js code paths.
 */
import { createRoot } from "react-dom/client";
import { FakeExcel } from "../helpers/fakeExcel";
import { App } from "../../src/taskpane/App";
import { officeHost } from "../../src/taskpane/paneHost";
import { langFromLocale } from "../../src/i18n/strings";

interface HarnessSetup {
  locale: string;
  sheets: Array<{ name: string; values: unknown[][] }>;
}

const setup = (window as unknown as { __HARNESS__: HarnessSetup }).__HARNESS__;
const fake = new FakeExcel();
for (const sheet of setup.sheets) fake.addSheet(sheet.name, sheet.values);
Object.assign(window, {
  __fake: fake,
  Excel: { run: fake.run },
  Office: {
    context: { displayLanguage: setup.locale, requirements: { isSetSupported: () => true } },
    addin: { showAsTaskpane: async () => undefined },
  },
});
createRoot(document.getElementById("container")!).render(<App initialLang={langFromLocale(setup.locale)} host={officeHost} />);
