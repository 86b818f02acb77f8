/**
 * Reads the stored values of an .xlsx straight from its XML (sheet cells, shared strings, formula results),
 * so that tests judge what LibreOffice computed without a reader's interpretation (exceljs turns numbers with
 * some formats into dates and mixed-script strings into rich text).
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { DOMParser, type Element } from "@xmldom/xmldom";

export interface StoredCell {
  formula?: string;
  value: number | string | boolean | null;
  error?: string;
}

export type StoredSheet = Map<string, StoredCell>;

const texts = (el: Element): string => Array.from(el.getElementsByTagName("t")).map((t) => t.textContent ?? "").join("");

export async function readStoredValues(path: string): Promise<Map<string, StoredSheet>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parse = async (name: string) => new DOMParser().parseFromString(await zip.file(name)!.async("string"), "text/xml");
  const shared = zip.file("xl/sharedStrings.xml") ? Array.from((await parse("xl/sharedStrings.xml")).getElementsByTagName("si")).map((si) => texts(si as unknown as Element)) : [];
  const rels = await parse("xl/_rels/workbook.xml.rels");
  const targets = new Map(Array.from(rels.getElementsByTagName("Relationship")).map((r) => [r.getAttribute("Id")!, r.getAttribute("Target")!]));
  const workbook = await parse("xl/workbook.xml");
  const sheets = new Map<string, StoredSheet>();
  for (const sheet of Array.from(workbook.getElementsByTagName("sheet"))) {
    const id = sheet.getAttribute("r:id") ?? sheet.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id")!;
    const target = targets.get(id)!;
    const doc = await parse(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    const cells: StoredSheet = new Map();
    for (const c of Array.from(doc.getElementsByTagName("c"))) {
      const type = c.getAttribute("t") ?? "n";
      const f = c.getElementsByTagName("f")[0];
      const v = c.getElementsByTagName("v")[0]?.textContent ?? null;
      const cell: StoredCell = { value: null };
      if (f) cell.formula = f.textContent ?? "";
      if (type === "s") cell.value = v === null ? null : shared[Number(v)];
      else if (type === "str") cell.value = v ?? "";
      else if (type === "inlineStr") cell.value = texts(c as unknown as Element);
      else if (type === "b") cell.value = v === "1";
      else if (type === "e") cell.error = v ?? "#ERROR";
      else cell.value = v === null ? null : Number(v);
      cells.set(c.getAttribute("r")!, cell);
    }
    sheets.set(sheet.getAttribute("name")!, cells);
  }
  return sheets;
}
