/**
 * Bytes of a text file to a string, with the encoding detected, never guessed silently:
 * a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one the bytes must be valid UTF-8,
 * else valid GB18030 (a superset of GBK, what Chinese Excel writes for "CSV"); bytes that fit neither
 * are an error. Uses the platform's WHATWG TextDecoder (Node with full ICU, every browser), so the
 * same rules hold in the command line and in the pane's Web Worker.
 */
import { InputError, issue } from "../../i18n/issues";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file began with a byte-order mark. */
  bom: boolean;
}

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: TextEncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the mark has already been stripped (or there was none); keep any U+FEFF that follows as text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Where the first byte that is not valid UTF-8 sits, for the error message. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The shortest invalid prefix, by bisection over prefixes that decode (streaming so a cut sequence is not an error).
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const ok = (() => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        return true;
      } catch {
        return false;
      }
    })();
    if (ok) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A legacy binary Excel file (OLE compound document), which cannot be read as text. */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** An xlsx (or any zip) file, whatever its name says. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/**
 * Decodes a text file. `source` names the file in messages. Throws InputError (`undecodableText`,
 * `utf16WithoutBom`) when the bytes fit no supported encoding.
 */
export function decodeText(bytes: Uint8Array, source: string): DecodedText {
  for (const bom of BOMS) {
    if (!startsWith(bytes, bom.bytes)) continue;
    const text = tryDecode(bom.encoding, bytes.subarray(bom.bytes.length));
    if (text === null) throw new InputError([issue("undecodableText", source, { encoding: bom.encoding.toUpperCase(), offset: bom.bytes.length })]);
    return { text, encoding: bom.encoding, bom: true };
  }
  // UTF-16 without a mark shows as NUL bytes between ASCII characters; no CSV holds NUL otherwise.
  if (bytes.subarray(0, 4096).includes(0)) throw new InputError([issue("utf16WithoutBom", source)]);
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", bom: false };
  const gb = tryDecode("gb18030", bytes);
  if (gb !== null) return { text: gb, encoding: "gb18030", bom: false };
  throw new InputError([issue("undecodableText", source, { encoding: "UTF-8 / GB18030", offset: firstInvalidUtf8Offset(bytes) })]);
}

/** How the output names an encoding that is not plain UTF-8 (null for UTF-8, which goes unsaid). */
export function encodingNote(decoded: DecodedText): string | null {
  switch (decoded.encoding) {
    case "utf-8":
      return null;
    case "gb18030":
      return "GB18030/GBK";
    case "utf-16le":
      return "UTF-16LE";
    case "utf-16be":
      return "UTF-16BE";
  }
}
