/**
 * Text in the encodings Chinese Excel writes, made here without the project's reader: GBK by inverting the
 * platform's GB18030 decoder over the two-byte range, UTF-16 with a byte-order mark.
 */
let gbkTable: Map<string, number[]> | null = null;

function gbkMap(): Map<string, number[]> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder("gb18030");
  gbkTable = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
    }
  }
  return gbkTable;
}

/** GBK bytes of text (ASCII stays one byte). */
export function gbkBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkMap().get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-16LE with a byte-order mark, as Excel's "Unicode text" writes it. */
export function utf16leBytes(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
}
