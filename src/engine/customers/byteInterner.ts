/**
 * Interning of byte strings (UTF-8 slices of a buffer) to dense integer indexes without making a string per
 * occurrence: an open-addressing hash table whose slots hold the hash, the id, the length and, for keys of up to
 * 12 bytes (most customer and order ids), the key itself, so that a lookup touches one cache line. Longer keys
 * are compared against a byte arena. A string is made once per distinct key.
 */
const SLOT = 8; // int32 words per slot: hash, id + 1 (0 = empty), length, three words of key, two spare
const INLINE = 12;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class ByteInterner {
  readonly ids: string[] = [];
  private slots: Int32Array;
  private mask: number;
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  /** Arena offset per id (−1 for inline keys and ids of their own). */
  private keyStart: Int32Array;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * SLOT);
    this.mask = size - 1;
    this.keyStart = new Int32Array(size / 2);
  }

  /** The index of bytes[start, end), adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let high = 0;
    let hash: number;
    if (length <= INLINE) {
      for (let i = 0; i < length; i++) {
        const b = bytes[start + i];
        high |= b;
        const shift = (i & 3) << 3;
        if (i < 4) w0 |= b << shift;
        else if (i < 8) w1 |= b << shift;
        else w2 |= b << shift;
      }
      hash = mix(w0 + Math.imul(w1, 0x9e3779b1) + Math.imul(w2, 0x7feb352d) + Math.imul(length, 0x27d4eb2f));
    } else {
      hash = 0x811c9dc5 | 0;
      for (let i = start; i < end; i++) {
        const b = bytes[i];
        high |= b;
        hash = Math.imul(hash ^ b, 0x01000193);
      }
      hash = mix(hash);
    }
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const base = slot * SLOT;
      const stored = slots[base + 1];
      if (stored === 0) break;
      if (slots[base] === hash && slots[base + 2] === length) {
        if (length <= INLINE) {
          if (slots[base + 3] === w0 && slots[base + 4] === w1 && slots[base + 5] === w2) return stored - 1;
        } else if (this.sameAsArena(stored - 1, bytes, start, length)) return stored - 1;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.push(length <= INLINE ? -1 : this.store(bytes, start, length), high < 0x80 ? asciiString(bytes, start, end) : this.decoder.decode(bytes.subarray(start, end)));
    const base = slot * SLOT;
    slots[base] = hash;
    slots[base + 1] = id + 1;
    slots[base + 2] = length;
    slots[base + 3] = w0;
    slots[base + 4] = w1;
    slots[base + 5] = w2;
    if (this.ids.length * 2 > this.mask + 1) this.rehash();
    return id;
  }

  /** An id of its own for a row without one (never equal to another); its text is "". */
  unique(): number {
    return this.push(-1, "");
  }

  private sameAsArena(id: number, bytes: Uint8Array, start: number, length: number): boolean {
    const s = this.keyStart[id];
    const arena = this.arena;
    for (let k = 0; k < length; k++) if (arena[s + k] !== bytes[start + k]) return false;
    return true;
  }

  private store(bytes: Uint8Array, start: number, length: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, start + length), this.arenaUsed);
    const at = this.arenaUsed;
    this.arenaUsed += length;
    return at;
  }

  private push(arenaStart: number, text: string): number {
    const id = this.ids.length;
    if (id === this.keyStart.length) {
      const next = new Int32Array(this.keyStart.length * 2);
      next.set(this.keyStart);
      this.keyStart = next;
    }
    this.ids.push(text);
    this.keyStart[id] = arenaStart;
    return id;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * SLOT);
    const mask = size - 1;
    const old = this.slots;
    for (let base = 0; base < old.length; base += SLOT) {
      if (old[base + 1] === 0) continue;
      let slot = old[base] & mask;
      while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      const to = slot * SLOT;
      for (let k = 0; k < 6; k++) slots[to + k] = old[base + k];
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
