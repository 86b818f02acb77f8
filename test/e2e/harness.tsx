/**
 * The built pane against a fake Excel host (office-addin-mock, test/helpers/fakeExcel.ts) holding the sample
 * data: `Excel.run` and `Office` are provided here, and the pane runs its real Office.js code paths.
 * `window.__syncDelayMs` slows every sync, so a test can act while Generate runs (Cancel, progress).
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
const fake = new FakeExcel();
for (const sheet of setup.sheets) fake.addSheet(sheet.name, sheet.values);
for (const table of setup.tables ?? []) fake.tables.set(table.name, { sheet: table.sheet, address: table.address });
// Tables as the workbook lists them (the fake answers getItem only).
Object.assign(fake.context.workbook.tables, {
  load: () => undefined,
  get items() {
    return [...fake.tables.keys()].map((name) => ({ name }));
  },
});
const slow = new Proxy(fake.context, {
  get(target, key, receiver) {
    if (key !== "sync") return Reflect.get(target, key, receiver);
    return async () => {
      const delay = (window as unknown as { __syncDelayMs?: number }).__syncDelayMs ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return target.sync();
    };
  },
});
Object.assign(window, {
  __fake: fake,
  Excel: { run: <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(slow) },
  Office: {
    context: { displayLanguage: setup.locale, requirements: { isSetSupported: () => true }, officeTheme: setup.officeTheme },
    addin: { showAsTaskpane: async () => undefined },
  },
});
// The Office.js host, recording each Generate request; until the office side detects edited review sheets
// (checksums saved at write time), `window.__editedSheets` stands in for that answer.
const harnessWindow = window as unknown as { __editedSheets?: string[]; __requests: Array<{ keepEdited: boolean }> };
harnessWindow.__requests = [];
const host: PaneHost = {
  ...officeHost,
  editedSheets: officeHost.editedSheets ?? (async () => harnessWindow.__editedSheets ?? []),
  generate: (choices, onProgress, request) => {
    harnessWindow.__requests.push({ keepEdited: request.keepEdited });
    return officeHost.generate(choices, onProgress, request);
  },
};
createRoot(document.getElementById("container")!).render(<App initialLang={langFromLocale(setup.locale)} host={host} officeColours={currentOfficeColours()} />);
