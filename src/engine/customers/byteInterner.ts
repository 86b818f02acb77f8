/**
 * Interning of byte strings (UTF-8 slices of a buffer) to dense integer indexes without making a string per
 * occurrence: an open-addressing hash table over a byte arena. A string is made once per distinct key.
 */
const EMPTY = -1;

export class ByteInterner {
  readonly ids: string[] = [];
  private slots: Int32Array;
  private mask: number;
  private arena: Uint8Array;
  private arenaUsed = 0;
  private keyStart: Int32Array;
  private keyLength: Int32Array;
  private keyHash: Int32Array;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.arena = new Uint8Array(size * 8);
    this.keyStart = new Int32Array(size / 2);
    this.keyLength = new Int32Array(size / 2);
    this.keyHash = new Int32Array(size / 2);
  }

  /** The index of bytes[start, end), adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    // FNV-1a over the bytes; `high` collects bit 7 to tell ASCII keys apart.
    let hash = 0x811c9dc5 | 0;
    let high = 0;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      high |= b;
      hash = Math.imul(hash ^ b, 0x01000193);
    }
    const length = end - start;
    const mask = this.mask;
    const slots = this.slots;
    const arena = this.arena;
    let slot = hash & mask;
    for (;;) {
      const id = slots[slot];
      if (id === EMPTY) break;
      if (this.keyHash[id] === hash && this.keyLength[id] === length) {
        const s = this.keyStart[id];
        let same = true;
        for (let k = 0; k < length; k++) {
          if (arena[s + k] !== bytes[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, start, end, hash, slot, high < 0x80);
  }

  /** An id of its own for a row without one (never equal to another); its text is "". */
  unique(): number {
    return this.push("", -1, 0, 0);
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, slot: number, ascii: boolean): number {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    const text = ascii ? asciiString(bytes, start, end) : this.decoder.decode(bytes.subarray(start, end));
    const id = this.push(text, this.arenaUsed, length, hash);
    this.arenaUsed += length;
    this.slots[slot] = id;
    if (this.ids.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private push(text: string, start: number, length: number, hash: number): number {
    const id = this.ids.length;
    if (id === this.keyStart.length) {
      const widen = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.keyStart = widen(this.keyStart);
      this.keyLength = widen(this.keyLength);
      this.keyHash = widen(this.keyHash);
    }
    this.ids.push(text);
    this.keyStart[id] = start;
    this.keyLength[id] = length;
    this.keyHash[id] = hash;
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let id = 0; id < this.ids.length; id++) {
      if (this.keyStart[id] < 0) continue; // rows without an id are not in the table
      let slot = this.keyHash[id] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A string of ASCII bytes, in slices small enough for fromCharCode's argument list. */
export function asciiString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 4096) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let out = "";
  for (let s = start; s < end; s += 4096) out += String.fromCharCode.apply(null, bytes.subarray(s, Math.min(end, s + 4096)) as unknown as number[]);
  return out;
}
