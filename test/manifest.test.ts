/**
 * The offline manifest check (the online validator cannot be reached here): manifest.xml parses, every resid
 * resolves to a resource of the right kind, every URL points at a file the build emits, the shared runtime and
 * the custom functions namespace are declared consistently, and the function metadata agrees with functions.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { ensureBuilt, DIST } from "./helpers/build";
import { MANIFEST_EXCEL_API } from "../src/office/capabilities";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OFFICE_JS_CDN } = require("../scripts/addinUrl");

const ROOT = join(__dirname, "..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const DEV_ORIGIN = "https://localhost:3000/";

let doc: ReturnType<DOMParser["parseFromString"]>;
const parseErrors: string[] = [];

beforeAll(() => {
  ensureBuilt();
  const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  doc = new DOMParser({ onError: (level, message) => level !== "warning" && parseErrors.push(message) }).parseFromString(text, "text/xml");
});

const all = (name: string, ns?: string): Element[] => Array.from(ns ? doc.getElementsByTagNameNS(ns, name) : doc.getElementsByTagName(name)) as Element[];
const one = (name: string) => {
  const found = all(name);
  expect(found).toHaveLength(1);
  return found[0];
};
const resources = (kind: string) => new Map(all(kind, BT).map((e) => [e.getAttribute("id")!, e]));

test("manifest.xml parses as XML and is a task-pane add-in for Excel", () => {
  expect(parseErrors).toEqual([]);
  expect(doc.documentElement!.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(all("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
});

test("names and descriptions are given in English and Chinese", () => {
  for (const name of ["DisplayName", "Description"]) {
    const el = all(name).find((e) => e.parentNode === doc.documentElement)!;
    expect(el.getAttribute("DefaultValue")).toMatch(/[A-Za-z]/);
    const zh = Array.from(el.getElementsByTagName("Override")).find((o) => o.getAttribute("Locale") === "zh-CN");
    expect(zh?.getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
  }
});

test("every resid resolves to a resource of the right kind", () => {
  const urls = resources("Url");
  const images = resources("Image");
  const shortStrings = new Map([...all("String", BT)].filter((e) => e.parentNode?.localName === "ShortStrings").map((e) => [e.getAttribute("id")!, e]));
  const longStrings = new Map([...all("String", BT)].filter((e) => e.parentNode?.localName === "LongStrings").map((e) => [e.getAttribute("id")!, e]));
  const referencing = [...all("*")].filter((e) => e.hasAttribute("resid"));
  expect(referencing.length).toBeGreaterThan(10);
  for (const el of referencing) {
    const resid = el.getAttribute("resid")!;
    const kind =
      el.localName === "Image" ? images : ["Title", "Label", "Namespace"].includes(el.localName ?? "") ? shortStrings : el.localName === "Description" ? longStrings : urls;
    expect({ element: el.localName, resid, resolves: kind.has(resid) }).toEqual({ element: el.localName, resid, resolves: true });
  }
  for (const [id, el] of [...shortStrings, ...longStrings]) {
    const zh = Array.from(el.getElementsByTagNameNS(BT, "Override")).find((o) => o.getAttribute("Locale") === "zh-CN");
    if (id !== "Functions.Namespace") expect({ id, zh: zh?.getAttribute("Value") ?? null }).toEqual({ id, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
  }
});

test("every URL points at a file the build emits", () => {
  const values = [...all("*")].flatMap((e) => ["DefaultValue", "Value"].map((a) => e.getAttribute(a) ?? "")).concat(all("AppDomain").map((e) => e.textContent ?? ""));
  const urls = values.filter((v) => v.startsWith("https://"));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(DEV_ORIGIN) || url === DEV_ORIGIN.slice(0, -1)).toBe(true);
    const file = url.slice(DEV_ORIGIN.length);
    if (file !== "") expect({ url, exists: existsSync(join(DIST, file)) }).toEqual({ url, exists: true });
  }
  expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toContain(DEV_ORIGIN);
});

test("the shared runtime is declared once and used by the pane, the functions and the commands", () => {
  const sets = all("Set").map((s) => `${s.getAttribute("Name")}@${s.getAttribute("MinVersion")}`);
  expect(sets).toContain("SharedRuntime@1.1");
  const runtime = one("Runtime");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  const shared = runtime.getAttribute("resid");
  const page = one("Page").getElementsByTagName("SourceLocation")[0].getAttribute("resid");
  const functionFile = one("FunctionFile").getAttribute("resid");
  const showTaskpane = all("Action").find((a) => a.getAttributeNS(XSI, "type") === "ShowTaskpane")!.getElementsByTagName("SourceLocation")[0].getAttribute("resid");
  expect([page, functionFile, showTaskpane]).toEqual([shared, shared, shared]);
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*src=([^ >]+)/g)].map((m) => m[1].replace(/"/g, ""));
  // office.js first, then the one webpack runtime, then the page's chunks.
  expect(scripts[0]).toBe(OFFICE_JS_CDN);
  expect(scripts[1]).toBe("runtime.js");
  for (const chunk of ["functions.js", "commands.js", "taskpane.js", "shared.js"]) expect(scripts).toContain(chunk);
  expect(scripts).not.toContain("segmentation.worker.js");
});

test("the manifest declares the ExcelApi set the code uses without asking", () => {
  const excelApi = all("Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
  expect(excelApi.map((s) => s.getAttribute("MinVersion"))).toEqual([MANIFEST_EXCEL_API]);
  expect(MANIFEST_EXCEL_API).toBe("1.8");
});

test("SupportUrl points at the help page the build emits, not at the pane", () => {
  const support = one("SupportUrl").getAttribute("DefaultValue")!;
  expect(support).toBe(`${DEV_ORIGIN}support.html`);
  const help = readFileSync(join(DIST, "support.html"), "utf8");
  expect(help).toMatch(/经营复盘/);
  expect(help).toMatch(/KPI Review/);
});

test("the ribbon's ExecuteFunction is associated by the commands code", () => {
  const names = all("FunctionName").map((e) => e.textContent);
  expect(names).toEqual(["generateReviewSheet"]);
  expect(readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8")).toContain('Office.actions.associate("generateReviewSheet"');
  const tabs = all("OfficeTab").map((t) => t.getAttribute("id"));
  expect(tabs).toEqual(["TabHome"]);
});

test("the custom functions namespace is KPI and the metadata agrees in both languages", () => {
  const namespace = resources("String").get(one("Namespace").getAttribute("resid")!)!;
  expect(namespace.getAttribute("DefaultValue")).toBe("KPI");
  const metadataUrl = resources("Url").get(one("Metadata").getElementsByTagName("SourceLocation")[0].getAttribute("resid")!)!;
  const zhOverride = Array.from(metadataUrl.getElementsByTagNameNS(BT, "Override")).find((o) => o.getAttribute("Locale") === "zh-CN")!;
  const en = JSON.parse(readFileSync(join(DIST, metadataUrl.getAttribute("DefaultValue")!.slice(DEV_ORIGIN.length)), "utf8"));
  const zh = JSON.parse(readFileSync(join(DIST, zhOverride.getAttribute("Value")!.slice(DEV_ORIGIN.length)), "utf8"));
  const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
  const declared = [...source.matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);
  expect(en.functions.map((f: { id: string }) => f.id)).toEqual(declared);
  expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(declared);
  en.functions.forEach((f: { id: string; name: string; description: string; parameters: { name: string; description: string }[] }, i: number) => {
    const z = zh.functions[i];
    expect(f.name).toBe(f.id);
    expect(z.parameters.map((p: { name: string }) => p.name)).toEqual(f.parameters.map((p) => p.name));
    expect(z.description).toMatch(/[\u4e00-\u9fff]/);
    for (const p of z.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(3);
  });
});
