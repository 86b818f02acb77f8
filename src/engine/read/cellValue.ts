/**
 * Reading single cell values as analysts type them (domain.md, "Cells as analysts type them").
 *
 * A cell arrives as whatever the source gives: a number, a string, a boolean, a Date, null, or an
 * object from an xlsx reader ({ error }, { result }, { richText }). The functions here never guess:
 * a value is either read, recognised as missing, or rejected with what was expected.
 */

export type CellInput = unknown;

export type NumberRead =
  | { kind: "number"; value: number }
  | { kind: "missing" }
  | { kind: "invalid"; text: string };

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Folds full-width ASCII (１２３，．％（）) to half-width and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

const MISSING_TOKENS = new Set(["", "-", "--", "—", "——", "–", "n/a", "na", "null", "无"]);

/** Excel error values as Office.js and CSV exports spell them. */
const EXCEL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function isExcelError(text: string): boolean {
  return EXCEL_ERROR.test(text.trim());
}

/** Chinese magnitude suffixes, longest first so that 千万 wins over 万. */
const MAGNITUDES: ReadonlyArray<[string, number]> = [
  ["千万", 1e7],
  ["百万", 1e6],
  ["亿", 1e8],
  ["万", 1e4],
];

const CURRENCY = /^(?:¥|￥|RMB|CNY|\$|US\$)\s*/i;
const TRAILING_UNIT = /\s*(?:元|块|人|个|次|单|笔)$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Unwraps the objects xlsx readers return for formulas, rich text, hyperlinks and errors. */
export function unwrapCell(cell: CellInput): CellInput {
  if (cell !== null && typeof cell === "object" && !(cell instanceof Date)) {
    const obj = cell as Record<string, unknown>;
    if ("error" in obj) return String(obj.error);
    if ("result" in obj) return unwrapCell(obj.result);
    if (Array.isArray(obj.richText)) return (obj.richText as Array<{ text: string }>).map((r) => r.text).join("");
    if ("text" in obj) return String(obj.text);
  }
  return cell;
}

/**
 * Reads a numeric cell. `1,234`, `28.6亿`, `3,450万`, `¥1,000`, `12.5%`, `(1,234)`, `１２３` all read;
 * blanks, dashes and Excel errors are missing, never zero. A value in an explicit magnitude (亿, 万) is
 * absolute; `scale` (from a header unit such as `GMV(万元)`) applies only to plain numbers.
 */
export function readNumber(cell: CellInput, scale = 1): NumberRead {
  const raw = unwrapCell(cell);
  if (raw === null || raw === undefined) return { kind: "missing" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "invalid", text: String(raw) };
    // A header unit (万, 0.01 for percent numbers) must not add binary noise: 5.2 × 0.01 is 0.052.
    return { kind: "number", value: scale === 1 ? raw : Number((raw * scale).toPrecision(15)) };
  }
  if (typeof raw !== "string") return { kind: "invalid", text: raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw) };

  const original = raw;
  let text = toHalfWidth(raw).trim().replace(/\s+/g, " ");
  if (MISSING_TOKENS.has(text.toLowerCase()) || isExcelError(text)) return { kind: "missing" };

  let sign = 1;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    sign = -1;
    text = paren[1].trim();
  }
  if (text.startsWith("-") || text.startsWith("+")) {
    if (text.startsWith("-")) sign = -sign;
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY, "").replace(TRAILING_UNIT, "").trim();

  let factor = scale;
  if (text.endsWith("%")) {
    factor = 0.01;
    text = text.slice(0, -1).trim();
  } else if (text.endsWith("‰")) {
    factor = 0.001;
    text = text.slice(0, -1).trim();
  } else {
    for (const [suffix, magnitude] of MAGNITUDES) {
      if (text.endsWith(suffix)) {
        factor = magnitude;
        text = text.slice(0, -suffix.length).trim();
        break;
      }
    }
  }

  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(text) || text.startsWith("+") || text.startsWith("-")) return { kind: "invalid", text: original };
  const value = Number(text) * factor * sign;
  if (!Number.isFinite(value)) return { kind: "invalid", text: original };
  // Multiplying by 0.01 or 1e4 introduces binary noise (12.5% -> 0.12500000000000003); round to 15 significant digits.
  return { kind: "number", value: Number(value.toPrecision(15)) };
}

/** An xlsx formula cell saved without its calculated value (exceljs gives `{ formula }` without `result`). */
export function isFormulaWithoutValue(cell: CellInput): boolean {
  if (cell === null || typeof cell !== "object" || cell instanceof Date) return false;
  const obj = cell as Record<string, unknown>;
  return ("formula" in obj || "sharedFormula" in obj) && (obj.result === undefined || obj.result === null);
}

/** A cell's text for labels and headers: trimmed, full-width folded, whitespace collapsed. */
export function readLabel(cell: CellInput): string {
  const raw = unwrapCell(cell);
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return toHalfWidth(String(raw)).trim().replace(/\s+/g, " ");
}

export function isBlank(cell: CellInput): boolean {
  return readLabel(cell) === "";
}
