/**
 * `--customers-out FILE.csv`: every scored customer (id, R/F/M values and scores, segment, 8-class, tier) as
 * UTF-8 CSV with a byte-order mark (Excel opens it with Chinese intact), written in blocks through outputFile.
 */
import { checkOutputFile, writeOutputFile } from "./outputFile";
import type { OrderTable } from "../engine/customers/orderTable";
import type { Segmentation } from "../engine/customers/segmentation";
import { class8Name, SEGMENTS, TIERS } from "../engine/customers/segmentNames";
import type { Lang } from "../i18n/issues";

/** The header line; a CSV starting with it is one this tool wrote (and may replace). */
export const CUSTOMERS_CSV_HEADER = "id,recency,frequency,monetary,R,F,M,segment,class8,tier";

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text in blocks of about a megabyte. */
export function* customerCsvParts(result: Segmentation, orders: OrderTable, lang: Lang): Generator<string> {
  const { scores } = result;
  const segmentNames = SEGMENTS.map((s) => csvField(lang === "zh" ? s.nameZh : s.name));
  const tierNames = TIERS.map((s) => csvField(lang === "zh" ? s.nameZh : s.name));
  let block = `\uFEFF${CUSTOMERS_CSV_HEADER}\r\n`;
  for (let k = 0; k < scores.count; k++) {
    const c8 = class8Name(scores.class8[k]);
    block += `${csvField(orders.customerIds[scores.source[k]])},${scores.recency[k]},${scores.frequency[k]},${scores.monetary[k]},${scores.r[k]},${scores.f[k]},${scores.m[k]},${segmentNames[scores.segment[k]]},${csvField(lang === "zh" ? c8.nameZh : c8.name)},${tierNames[scores.tier[k]]}\r\n`;
    if (block.length > 1 << 20) {
      yield block;
      block = "";
    }
  }
  if (block) yield block;
}

/** Checks the path before the work; `write` then writes the list and returns the line to print. */
export async function prepareCustomersOut(path: string, inputs: string[], options: { force?: boolean }) {
  const target = await checkOutputFile(path, { kind: "csv", inputs, force: options.force, csvHeader: CUSTOMERS_CSV_HEADER });
  return {
    target,
    async write(result: Segmentation, orders: OrderTable, lang: Lang): Promise<string> {
      writeOutputFile(target, customerCsvParts(result, orders, lang));
      const count = result.scores.count.toLocaleString("en-US");
      return lang === "zh" ? `已写入 ${target.path}（${count} 位客户）` : `Wrote ${target.path} (${count} customers)`;
    },
  };
}
