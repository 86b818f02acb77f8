/**
 * Interning of byte strings (UTF-8 slices of a buffer) to dense integer indexes without making a string per
 * occurrence: an open-addressing hash table whose slots hold the hash, the id, the length and, for keys of up to
 * 12 bytes (most customer and order ids), the key itself, so that a lookup touches one cache line. Longer keys
 * are compared against a byte arena. A string is made once per distinct key.
 *
 * Most ids are numbers, bare or behind a short fixed prefix (`10234`, `C0001234`). Such a key is the prefix,
 * the count of its digits and their value; with the prefix fixed (the first numbered key's) and the digit
 * count either fixed too (zero-padded ids: the first numbered key's) or implied by the value (no leading
 * zero), the value alone tells the key apart, so it indexes a plain array instead of the hash table: no
 * hashing, no key comparison, and neighbouring ids share cache lines. Other keys take the hash table.
 */
const SLOT = 8; // int32 words per slot: hash, id + 1 (0 = empty), length, three words of key, two spare
const INLINE = 12;
/** Digits a numbered key may have (values stay exact small integers) and bytes its prefix may have. */
const MAX_DIGITS = 9;
const MAX_PREFIX = 4;
/** Values a direct table may span at most (entries of 4 bytes each). */
const MAX_DIRECT = 1 << 24;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Marks a numbered key written without padding (numberedKey holds the value | PLAIN). */
const PLAIN = 1 << 30;

export class ByteInterner {
  /** Texts by id; numbered keys get theirs only when `ids` is read (most runs never need them). */
  private readonly texts: string[] = [];
  /** Ids below this have their text in `texts`. */
  private materialized = 0;
  /** Per id: the numbered key's value (| PLAIN when unpadded), or −1 when the text was made at once. */
  private numberedKey = new Int32Array(1024);
  private slots: Int32Array;
  private readonly plannedSize: number;
  /** Keys in the hash table (the others are in the direct tables). */
  private hashedKeys = 0;
  private mask: number;
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  /** Arena offset per id (−1 for inline keys and ids of their own). */
  private keyStart: Int32Array;
  private readonly decoder = new TextDecoder("utf-8");
  private encoder: TextEncoder | null = null;
  // Numbered keys: the prefix (packed bytes, set by the first numbered key) and the padded digit count.
  private numberedSeen = false;
  private prefix = 0;
  private prefixLength = 0;
  private width = 0;
  private prefixText: string | null = null;
  /** Values below this take a direct table; fixed at construction so a key always takes the same route. */
  private readonly directLimit: number;
  /** id + 1 by value (0 = not yet) for keys of `width` digits, and for other keys without a leading zero. */
  private padded: Int32Array = new Int32Array(0);
  private plain: Int32Array = new Int32Array(0);

  constructor(expected = 1024) {
    this.directLimit = Math.min(MAX_DIRECT, Math.max(1 << 20, Math.ceil(expected) * 8));
    let size = 1024;
    while (size < expected * 2) size *= 2;
    // The hash table is made on the first key that needs it: lists of numbered ids never do.
    this.slots = new Int32Array(0);
    this.plannedSize = size;
    this.mask = size - 1;
    this.keyStart = new Int32Array(size / 2);
  }

  /** The number of distinct keys (and ids of their own) so far. */
  get size(): number {
    return this.texts.length;
  }

  /** The text of every id, by id (numbered keys' texts are made here, once). */
  get ids(): string[] {
    const texts = this.texts;
    for (let id = this.materialized; id < texts.length; id++) {
      const key = this.numberedKey[id];
      if (key >= 0) texts[id] = numberedText(this.prefixText!, this.width, key);
    }
    this.materialized = texts.length;
    return texts;
  }

  /** The keys for another interner to absorb (ByteInterner.absorb), in a form that can be posted to a thread. */
  keys(): InternedKeys {
    // Texts only of the ids that are not numbered (numbered ones are their value): less to copy to a thread.
    const texts: string[] = [];
    for (let id = 0; id < this.texts.length; id++) if (this.numberedKey[id] < 0) texts.push(this.texts[id]);
    return { size: this.texts.length, texts, numberedKey: this.numberedKey.subarray(0, this.texts.length), prefixText: this.prefixText, width: this.width };
  }

  /**
   * Interns another interner's keys in their order, as if this one had met them next; returns the map from
   * the other's ids to this one's. Ids of their own (unique) get new ids of their own.
   */
  absorb(keys: InternedKeys): Int32Array {
    const n = keys.size;
    const map = new Int32Array(n);
    const sameNumbers = keys.prefixText !== null && keys.prefixText === this.prefixText && keys.width === this.width;
    let nextText = 0;
    for (let id = 0; id < n; id++) {
      const key = keys.numberedKey[id];
      if (key >= 0 && sameNumbers && (key & (PLAIN - 1)) < this.directLimit) {
        map[id] = this.numberedByValue(key & (PLAIN - 1), (key & PLAIN) === 0);
        continue;
      }
      const text = key >= 0 ? numberedText(keys.prefixText!, keys.width, key) : keys.texts[nextText++];
      if (text === "") {
        map[id] = this.unique();
        continue;
      }
      const bytes = (this.encoder ??= new TextEncoder()).encode(text);
      map[id] = this.intern(bytes, 0, bytes.length);
    }
    return map;
  }

  /** The id of a numbered key of this interner's prefix, by its value (padded: of this interner's width). */
  private numberedByValue(value: number, padded: boolean): number {
    if (padded && value >= this.padded.length) this.padded = grown(this.padded, value, this.directLimit);
    if (!padded && value >= this.plain.length) this.plain = grown(this.plain, value, this.directLimit);
    const table = padded ? this.padded : this.plain;
    const stored = table[value];
    if (stored !== 0) return stored - 1;
    const id = this.push(-1, "", padded ? value : value | PLAIN);
    table[value] = id + 1;
    return id;
  }

  /** The index of bytes[start, end), adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const numbered = this.numbered(bytes, start, end);
    if (numbered >= 0) return numbered;
    return this.hashed(bytes, start, end);
  }

  /**
   * The index of a numbered key (prefix, then digits only) when it takes a direct table (adding it when
   * new); −1 when the key takes the hash table.
   */
  private numbered(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    let prefix = 0;
    while (i < end) {
      const b = bytes[i];
      if (b >= 48 && b <= 57) break;
      if (i - start === MAX_PREFIX) return -1;
      prefix |= b << ((i - start) << 3);
      i++;
    }
    const digits = end - i;
    if (digits === 0 || digits > MAX_DIGITS) return -1;
    const prefixLength = i - start;
    let value = 0;
    for (; i < end; i++) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    if (value >= this.directLimit) return -1;
    if (!this.numberedSeen) {
      this.numberedSeen = true;
      this.prefix = prefix;
      this.prefixLength = prefixLength;
      this.width = digits;
    } else if (prefix !== this.prefix || prefixLength !== this.prefixLength) return -1;
    const padded = digits === this.width;
    // An unpadded key with a leading zero (C05 beside C0001234) would read as another key's value: hash table.
    if (!padded && bytes[end - digits] === 48) return -1;
    // The text is made from the value when `ids` is read: the prefix, then the digits, zero-padded when padded.
    if (this.prefixText === null) this.prefixText = asciiOrDecoded(this.decoder, bytes, start, start + prefixLength);
    return this.numberedByValue(value, padded);
  }

  private hashed(bytes: Uint8Array, start: number, end: number): number {
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
    if (this.slots.length === 0) this.slots = new Int32Array(this.plannedSize * SLOT);
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
    if (++this.hashedKeys * 2 > this.mask + 1) this.rehash();
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

  private push(arenaStart: number, text: string, numberedKey = -1): number {
    const id = this.texts.length;
    if (id === this.keyStart.length) {
      const next = new Int32Array(this.keyStart.length * 2);
      next.set(this.keyStart);
      this.keyStart = next;
    }
    if (id === this.numberedKey.length) {
      const next = new Int32Array(this.numberedKey.length * 2);
      next.set(this.numberedKey);
      this.numberedKey = next;
    }
    this.texts.push(text);
    this.keyStart[id] = arenaStart;
    this.numberedKey[id] = numberedKey;
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

/** An interner's keys as ByteInterner.keys gives them: numbered keys by value, the others by text. */
export interface InternedKeys {
  /** Ids in all. */
  size: number;
  /** The texts of the ids that are not numbered, in id order ("" for ids of their own). */
  texts: string[];
  /** Per id: the numbered key's value (| PLAIN when unpadded), or −1. */
  numberedKey: Int32Array;
  prefixText: string | null;
  width: number;
}

/** The text of a numbered key: the prefix, then the digits, zero-padded to `width` unless marked PLAIN. */
function numberedText(prefix: string, width: number, key: number): string {
  const number = String(key & (PLAIN - 1));
  return prefix + ((key & PLAIN) === 0 && number.length < width ? "0".repeat(width - number.length) + number : number);
}

/** A table of id + 1 by value long enough for `value` (doubling, at most `limit` entries). */
function grown(table: Int32Array, value: number, limit: number): Int32Array {
  let size = Math.max(1 << 12, table.length);
  while (size <= value) size *= 2;
  const next = new Int32Array(Math.min(size, limit));
  next.set(table);
  return next;
}

function asciiOrDecoded(decoder: TextDecoder, bytes: Uint8Array, start: number, end: number): string {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return decoder.decode(bytes.subarray(start, end));
  return asciiString(bytes, start, end);
}

/** A string of ASCII bytes, in slices small enough for fromCharCode's argument list. */
export function asciiString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 4096) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let out = "";
  for (let s = start; s < end; s += 4096) out += String.fromCharCode.apply(null, bytes.subarray(s, Math.min(end, s + 4096)) as unknown as number[]);
  return out;
}
