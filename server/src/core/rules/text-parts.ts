import type { ResolutionDocument } from '../model';
import type { Span } from '../text';

/** The stretches of running text a typography rule reads: title, paragraphs (after their labels), footnote texts. */
export function runningText(model: ResolutionDocument): Span[] {
  const spans: Span[] = [];
  if (model.title) spans.push(model.title.titleSpan);
  for (const p of model.paragraphs) spans.push(p.body);
  for (const f of model.footnotes) spans.push(f.textSpan);
  return spans;
}

/** CJK ideographs and the full-width punctuation that sits in Chinese text. */
export function isChinese(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d;
}

/** Whether a UTF-16 code unit is a CJK ideograph. */
export function isIdeographCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * A stack of whole numbers (offsets, counts) in a typed array that doubles as it fills: a
 * paragraph of 50 MB of open brackets pushes tens of millions of them, which a plain array holds
 * as costly for the garbage collector.
 */
export class IntStack {
  private items = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The top value, removed; undefined when empty. */
  pop(): number | undefined {
    return this.length > 0 ? this.items[--this.length] : undefined;
  }

  /** The value at `index` (0 is the bottom). */
  at(index: number): number {
    return this.items[index];
  }
}

/**
 * A set of footnote numbers: the whole numbers from 0 up to `capacity` as one byte each in a
 * typed array, any other number (a huge one, a fraction, NaN) in a `Set` beside it. A draft of
 * 50 MB cites a million markers; a `Set` of that many numbers outgrows the processor's caches as
 * it rehashes, and took 8–9 times as long for 5 times the markers, where the bytes take 5.
 */
export class NumberSet {
  private readonly bytes: Uint8Array;
  private others?: Set<number>;

  /** `capacity`: the whole numbers below it are held as bytes (a few times the count of numbers expected is enough). */
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(0, Math.min(Math.floor(capacity), 1 << 28)));
  }

  /** A set of numbers for `count` items: room for numbers up to a few times the count. */
  static forCount(count: number): NumberSet {
    return new NumberSet(4 * count + 1024);
  }

  add(n: number): void {
    if (n >= 0 && n < this.bytes.length && Number.isInteger(n)) this.bytes[n] = 1;
    else (this.others ??= new Set()).add(n);
  }

  has(n: number): boolean {
    if (n >= 0 && n < this.bytes.length && Number.isInteger(n)) return this.bytes[n] === 1;
    return this.others?.has(n) ?? false;
  }
}

/**
 * Where the first item with each footnote number stands (its index in a list of markers or
 * footnote texts): for the whole numbers below `capacity` an `Int32Array`, for any other number a
 * `Map` beside it. A `Map` of a million numbers grew faster than the draft, as `NumberSet` says.
 */
export class NumberIndex {
  /** Index + 1 by number; 0 for none. */
  private readonly slots: Int32Array;
  private others?: Map<number, number>;

  constructor(capacity: number) {
    this.slots = new Int32Array(Math.max(0, Math.min(Math.floor(capacity), 1 << 28)));
  }

  /** An index for `count` items: room for numbers up to a few times the count. */
  static forCount(count: number): NumberIndex {
    return new NumberIndex(4 * count + 1024);
  }

  /** The index kept for `n`, or -1. */
  get(n: number): number {
    if (n >= 0 && n < this.slots.length && Number.isInteger(n)) return this.slots[n] - 1;
    return this.others?.get(n) ?? -1;
  }

  /** Keeps `index` (0 or more) for `n`. */
  set(n: number, index: number): void {
    if (n >= 0 && n < this.slots.length && Number.isInteger(n)) this.slots[n] = index + 1;
    else (this.others ??= new Map()).set(n, index);
  }
}
