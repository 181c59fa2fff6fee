/**
 * A large section of an index file (the suffix array, the bigram postings) read a page at a time
 * with positional reads, in place of an array in memory: the server then neither reads a large
 * corpus's index whole at its start nor holds it whole, and the operating system's page cache
 * does the caching. A few recent pages are kept (a bounded number), so that the binary searches of
 * one question read each page once.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
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
  element: 'int32' | 'uint8';
  /** The file as it was when the section was placed (device, inode, size): another file at the same path is refused (index files are replaced by a rename, never written in place; a read touches their time). */
  identity?: string;
}

/** What identifies a file's content for `PagedSectionPlace.identity`. */
export function fileIdentity(stat: { dev: number; ino: number; size: number }): string {
  return `${stat.dev}:${stat.ino}:${stat.size}`;
}

type Element<K extends PagedSectionPlace['element']> = K extends 'int32' ? Int32Array : Uint8Array;

// The file of a section is closed once no section of it is left.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Reads `length` bytes at `position` into `into` (all of them, or throws). */
function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, position + done);
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

  /** The file is opened on the first read (or at once with `open`). */
  constructor(readonly place: PagedSectionPlace & { element: K }) {
    this.length = place.length;
    this.bytes = place.element === 'int32' ? 4 : 1;
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
    return (this.place.element === 'int32' ? new Int32Array(buffer.buffer, 0, to - from) : new Uint8Array(buffer.buffer, 0, to - from)) as Element<K>;
  }

  get(i: number): number {
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
    return this.read(a, b);
  }
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
  const suffixes = isPagedPlace(data.suffixes) ? PagedSection.open({ ...data.suffixes.place, element: 'int32' }) : data.suffixes;
  const bigramPostings = isPagedPlace(data.bigramPostings) ? PagedSection.open({ ...data.bigramPostings.place, element: 'uint8' }) : data.bigramPostings;
  return { ...data, suffixes, bigramPostings };
}
