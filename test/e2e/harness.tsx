/**
 * The built pane against a fake Excel host (office-addin-mock, test/helpers/fakeExcel.ts) holding the sample
 * data: `Excel.run` and `Office` are provided here, and the pane runs its real Office.js code paths.
 * `window.__syncDelayMs` slows every sync, so a test can act while Generate runs (Cancel, progress); each
 * Generate request the pane makes is recorded in `window.__requests`.
 */
import { createRoot } from "react-dom/client";
import { FakeExcel } from "../helpers/fakeExcel";
import { App } from "../../src/taskpane/App";
import { officeHost, type PaneHost } from "../../src/taskpane/paneHost";
import { currentOfficeColours } from "../../src/taskpane/officeTheme";
import { langFromLocale } from "../../src/i18n/strings";

interface HarnessSetup {
  locale: string;
  sheets: Array<{ name: string; values: unknown[][] }>;
  tables?: Array<{ name: string; sheet: string; address: string }>;
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

const setup = (window as unknown as { __HARNESS__: HarnessSetup }).__HARNESS__;
const harnessWindow = window as unknown as { __syncDelayMs?: number; __requests: Array<{ keepEdited: boolean }> };
const fake = new FakeExcel();
for (const sheet of setup.sheets) fake.addSheet(sheet.name, sheet.values);
for (const table of setup.tables ?? []) fake.tables.set(table.name, { sheet: table.sheet, address: table.address });
const sync = fake.context.sync.bind(fake.context);
Object.assign(fake.context, {
  sync: async () => {
    const delay = harnessWindow.__syncDelayMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return sync();
  },
});
Object.assign(window, {
  __fake: fake,
  Excel: { run: fake.run },
  Office: {
    context: { displayLanguage: setup.locale, requirements: { isSetSupported: () => true }, officeTheme: setup.officeTheme },
    addin: { showAsTaskpane: async () => undefined },
  },
});
harnessWindow.__requests = [];
const host: PaneHost = {
  ...officeHost,
  generate: (choices, onProgress, request) => {
    harnessWindow.__requests.push({ keepEdited: request.keepEdited });
    return officeHost.generate(choices, onProgress, request);
  },
};
createRoot(document.getElementById("container")!).render(<App initialLang={langFromLocale(setup.locale)} host={host} officeColours={currentOfficeColours()} />);
