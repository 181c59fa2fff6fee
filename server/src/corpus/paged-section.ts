/**
 * A large section of an index file (the text, the suffix array, the bigram postings) read a page at a time
 * with positional reads, in place of an array in memory: the server then neither reads a large
 * corpus's index whole at its start nor holds it whole, and the operating system's page cache
 * does the caching. A few recent pages are kept (a bounded number), so that the binary searches of
 * one question read each page once.
 */
import { closeSync, constants, fstatSync, openSync, read as readAsync, readSync } from 'node:fs';
import type { PagedArray, PhraseIndexData } from '../core/agreed/phrase-index';

/** Bytes read at once by `get`. */
const PAGE_BYTES = 4096;
/** Pages kept per section (16 MB at most). */
const KEPT_PAGES = 4096;

/** Where a paged section is: what a worker thread hands the server thread (which opens the file itself). */
export interface PagedSectionPlace {
  path: string;
  /** Byte offset of the section's first element in the file. */
  position: number;
  length: number;
  element: 'int32' | 'uint16' | 'uint8';
  /** The file as it was when the section was placed (device, inode, size): another file at the same path is refused (index files are replaced by a rename, never written in place; a read touches their time). */
  identity?: string;
}

/** What identifies a file's content for `PagedSectionPlace.identity`. */
export function fileIdentity(stat: { dev: number; ino: number; size: number }): string {
  return `${stat.dev}:${stat.ino}:${stat.size}`;
}

type Element<K extends PagedSectionPlace['element']> = K extends 'int32' ? Int32Array : K extends 'uint16' ? Uint16Array : Uint8Array;

const ELEMENT_BYTES: Record<PagedSectionPlace['element'], number> = { int32: 4, uint16: 2, uint8: 1 };

// The file of a section is closed once no section of it is left.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Reads `into.length` bytes at `position` into `into` (all of them, or throws). */
export function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('unexpected end of the index file');
    done += n;
  }
}

/** As `readFully`, on Node's thread pool, `chunkBytes` at a time (the thread answers requests in between). */
export async function readFullyInBackground(fd: number, into: Uint8Array, position: number, chunkBytes = 4 * 1024 * 1024): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const n = await new Promise<number>((resolve, reject) =>
      readAsync(fd, into, done, Math.min(chunkBytes, into.length - done), position + done, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead))),
    );
    if (n === 0) throw new Error('unexpected end of the index file');
    done += n;
  }
}

export class PagedSection<K extends PagedSectionPlace['element'] = PagedSectionPlace['element']> implements PagedArray<Element<K>> {
  readonly length: number;
  private fd?: number;
  private readonly bytes: number;
  private readonly perPage: number;
  private readonly pages = new Map<number, Element<K>>();
  private lastKey = NaN;
  private lastPage?: Element<K>;
  /** The whole section, once `readWhole` has read it. */
  private whole?: Element<K>;

  /** The file is opened on the first read (or at once with `open`). */
  constructor(readonly place: PagedSectionPlace & { element: K }) {
    this.length = place.length;
    this.bytes = ELEMENT_BYTES[place.element];
    this.perPage = PAGE_BYTES / this.bytes;
  }

  /** A section as a worker described it (a plain object after the message), opened now. */
  static open<K extends PagedSectionPlace['element']>(place: PagedSectionPlace & { element: K }): PagedSection<K> {
    const section = new PagedSection<K>(place);
    section.file();
    return section;
  }

  private file(): number {
    if (this.fd === undefined) {
      // Non-blocking: a FIFO put in the file's place is not waited on.
      const fd = openSync(this.place.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      if (this.place.identity !== undefined && fileIdentity(fstatSync(fd)) !== this.place.identity) {
        closeSync(fd);
        throw new Error(`${this.place.path} was replaced since its index was read`);
      }
      this.fd = fd;
      closer.register(this, fd);
    }
    return this.fd;
  }

  private read(from: number, to: number): Element<K> {
    const buffer = Buffer.allocUnsafeSlow((to - from) * this.bytes);
    readFully(this.file(), buffer, this.place.position + from * this.bytes);
    return this.view(buffer, to - from);
  }

  /** `length` elements of this section's type over a buffer of its own. */
  private view(buffer: Buffer, length: number): Element<K> {
    const element = this.place.element;
    return (element === 'int32' ? new Int32Array(buffer.buffer, 0, length) : element === 'uint16' ? new Uint16Array(buffer.buffer, 0, length) : new Uint8Array(buffer.buffer, 0, length)) as Element<K>;
  }

  get(i: number): number {
    const whole = this.whole;
    if (whole !== undefined && i >= 0 && i < this.length) return whole[i];
    const key = Math.floor(i / this.perPage);
    if (key !== this.lastKey) {
      let page = this.pages.get(key);
      if (!page) {
        if (!(i >= 0 && i < this.length)) throw new RangeError(`element ${i} of a section of ${this.length}`);
        page = this.read(key * this.perPage, Math.min(this.length, (key + 1) * this.perPage));
        // The oldest page goes first (reading a page again costs a few microseconds).
        if (this.pages.size >= KEPT_PAGES) this.pages.delete(this.pages.keys().next().value!);
        this.pages.set(key, page);
      }
      this.lastKey = key;
      this.lastPage = page;
    }
    return this.lastPage![i - key * this.perPage];
  }

  subarray(from: number, to: number): Element<K> {
    const a = Math.max(0, Math.min(this.length, from));
    const b = Math.max(a, Math.min(this.length, to));
    return this.whole ? (this.whole.slice(a, b) as Element<K>) : this.read(a, b);
  }

  /** The whole section, once `readWhole` has read it into memory. */
  get array(): Element<K> | undefined {
    return this.whole;
  }

  /**
   * Reads the whole section into memory in the background, a chunk at a time on Node's thread
   * pool (the thread answers requests meanwhile; the pages read so far serve them); then `get`
   * and `subarray` read from memory and the pages are let go. True once it is in; false when it
   * could not be read (the section stays paged).
   */
  async readWhole(chunkBytes = 4 * 1024 * 1024): Promise<boolean> {
    if (this.whole) return true;
    try {
      const buffer = Buffer.allocUnsafeSlow(this.length * this.bytes);
      await readFullyInBackground(this.file(), buffer, this.place.position, chunkBytes);
      this.whole = this.view(buffer, this.length);
      this.pages.clear();
      this.lastKey = NaN;
      this.lastPage = undefined;
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The index's text read into memory in the background when it is paged (`readWhole`): the server
 * opens the index without reading its 45 MB of text (200 MB corpus) and answers from its pages
 * until the text is in; each completion then reads no page of it (p95 4.5 ms in memory, 10-12 ms
 * paged). The suffix array and the bigram postings stay paged. False when it stays paged.
 */
export function readTextInBackground(data: PhraseIndexData): Promise<boolean> {
  return data.text instanceof PagedSection ? data.text.readWhole() : Promise.resolve(ArrayBuffer.isView(data.text));
}

/** Whether a value is a paged section or what is left of one after a message between threads. */
export function isPagedPlace(value: unknown): value is { place: PagedSectionPlace } {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && typeof (value as { place?: PagedSectionPlace }).place?.path === 'string';
}

/**
 * An index's data as it came from a worker thread: its paged sections (plain objects after the
 * message) opened in this thread. Throws when the file is gone or was replaced meanwhile.
 */
export function openPagedSections(data: PhraseIndexData): PhraseIndexData {
  // Opened in this thread already (the index as built): kept as it is, its deferred sections with it.
  if (![data.text, data.suffixes, data.bigramPostings].some((s) => isPagedPlace(s) && !(s instanceof PagedSection))) return data;
  const text = isPagedPlace(data.text) ? PagedSection.open({ ...data.text.place, element: 'uint16' }) : data.text;
  const suffixes = isPagedPlace(data.suffixes) ? PagedSection.open({ ...data.suffixes.place, element: 'int32' }) : data.suffixes;
  const bigramPostings = isPagedPlace(data.bigramPostings) ? PagedSection.open({ ...data.bigramPostings.place, element: 'uint8' }) : data.bigramPostings;
  return { ...data, text, suffixes, bigramPostings };
}
