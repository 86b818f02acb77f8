import { decodeText, encodingNote, isLegacyXls, isZip } from "./decodeText";
import { InputError } from "../../i18n/issues";

const SAMPLE = "月份,GMV(元),用户规模\n2025-01,1000,张三\n";

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i + (littleEndian ? 0 : 1)] = code & 0xff;
    out[2 + 2 * i + (littleEndian ? 1 : 0)] = code >> 8;
  }
  return out;
}

function codes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.code}@${i.address}`);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, saying nothing about the encoding", () => {
    const plain = new TextEncoder().encode(SAMPLE);
    expect(decodeText(plain, "a.csv")).toEqual({ text: SAMPLE, encoding: "utf-8", bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const decoded = decodeText(withBom, "a.csv");
    expect(decoded).toEqual({ text: SAMPLE, encoding: "utf-8", bom: true });
    expect(encodingNote(decoded)).toBeNull();
  });

  it("reads UTF-16 with a BOM in both byte orders", () => {
    expect(decodeText(utf16(SAMPLE, true), "u.txt")).toMatchObject({ text: SAMPLE, encoding: "utf-16le" });
    expect(decodeText(utf16(SAMPLE, false), "u.txt")).toMatchObject({ text: SAMPLE, encoding: "utf-16be" });
    expect(encodingNote(decodeText(utf16(SAMPLE, true), "u.txt"))).toBe("UTF-16LE");
  });

  it("reads GBK bytes (hand-encoded) as GB18030 and names the encoding", () => {
    // 张三 in GBK is D5 C5 C8 FD; 月份 is D4 C2 B7 DD.
    const bytes = new Uint8Array([0xd4, 0xc2, 0xb7, 0xdd, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]);
    const decoded = decodeText(bytes, "gbk.csv");
    expect(decoded.text).toBe("月份,张三\n");
    expect(decoded.encoding).toBe("gb18030");
    expect(encodingNote(decoded)).toBe("GB18030/GBK");
  });

  it("refuses bytes that fit no encoding, naming the file", () => {
    expect(codes(() => decodeText(new Uint8Array([0x41, 0x2c, 0xff, 0xff, 0x0a]), "bad.csv"))).toEqual(["undecodableText@bad.csv"]);
  });

  it("refuses UTF-16 without a BOM rather than reading NULs as text", () => {
    const noBom = utf16("ab,cd\n", true).subarray(2);
    expect(codes(() => decodeText(noBom, "nobom.txt"))).toEqual(["utf16WithoutBom@nobom.txt"]);
  });

  it("recognises legacy .xls and zip containers by their bytes", () => {
    expect(isLegacyXls(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(isLegacyXls(new TextEncoder().encode(SAMPLE))).toBe(false);
  });
});
