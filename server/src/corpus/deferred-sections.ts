/**
 * Sections of an index file left out of the server's start and read whole on their first use, or
 * in the background as soon as the index is in use: the paragraphs' documents, lines, places and
 * kinds, the passages' paragraphs and the suffix weights (25 MB at the 200 MB corpus, 15-20 ms of
 * reading before the index could answer its first question), and the documents' symbols and
 * names (9-12 ms of parsing, and as long again making them). Each is a property of the index's
 * data that reads its section the first time it is asked for and is an ordinary array from then
 * on; the file is held open from the start, so that an index file replaced meanwhile (a rename)
 * is still the one read.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { fileIdentity, readFully, readFullyInBackground } from './paged-section';

/** One section left in the file: where, how long, and what its bytes become. */
export interface DeferredPlace {
  /** Byte offset of the section in the file. */
  position: number;
  bytes: number;
  /** Its elements (of an array), or its entries (the documents): what `deferredLength` says before it is read. */
  length: number;
  /** The value the section's bytes make (a buffer of their own); throws when they make none. */
  decode: (bytes: Buffer) => unknown;
}

/** A section that is a typed array of `length` elements of this type. */
export function typedSection(position: number, length: number, type: { new (buffer: ArrayBuffer, offset: number, length: number): ArrayBufferView; BYTES_PER_ELEMENT: number }): DeferredPlace {
  return { position, length, bytes: length * type.BYTES_PER_ELEMENT, decode: (b) => new type(b.buffer as ArrayBuffer, b.byteOffset, length) };
}

/** The file the sections of one index's data are read from, and the sections still in it. */
interface DeferredFile {
  path: string;
  fd?: number;
  left: Map<string, DeferredPlace>;
}

const files = new WeakMap<object, DeferredFile>();

// A file is closed once its sections are all read, or once its index is let go.
const closer = new FinalizationRegistry<{ fd?: number }>((held) => close(held));

function close(file: { fd?: number }): void {
  if (file.fd === undefined) return;
  try {
    closeSync(file.fd);
  } catch {
    // already closed
  }
  file.fd = undefined;
}

/** Puts the value read in the property's place: an ordinary property from then on. */
function settle(target: object, name: string, value: unknown): unknown {
  Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  const file = files.get(target);
  if (file?.left.delete(name) && file.left.size === 0) close(file);
  return value;
}

function readNow(file: DeferredFile, place: DeferredPlace): unknown {
  if (file.fd === undefined) throw new Error(`${file.path}: a section of the index could not be read (the file was closed)`);
  const buffer = Buffer.allocUnsafeSlow(place.bytes);
  readFully(file.fd, buffer, place.position);
  return place.decode(buffer);
}

/**
 * Leaves these sections of the file at `path` out of `data`: each property reads its section on
 * its first use. `identity` is the file as it was when its header was read (`fileIdentity`):
 * another file at the path is refused here, at once (throws).
 */
export function deferSections(data: object, path: string, identity: string, sections: Record<string, DeferredPlace>): void {
  const names = Object.keys(sections);
  if (names.length === 0) return;
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  if (fileIdentity(fstatSync(fd)) !== identity) {
    closeSync(fd);
    throw new Error(`${path} was replaced since its index was read`);
  }
  const file: DeferredFile = { path, fd, left: new Map(Object.entries(sections)) };
  files.set(data, file);
  closer.register(data, file);
  for (const name of names) {
    const place = sections[name];
    Object.defineProperty(data, name, {
      enumerable: true,
      configurable: true,
      get(this: object) {
        return settle(this, name, readNow(file, place));
      },
      set(this: object, value: unknown) {
        settle(this, name, value);
      },
    });
  }
}

/** The length of a section still in the file (without reading it); undefined when it is not deferred. */
export function deferredLength(data: object, name: string): number | undefined {
  return files.get(data)?.left.get(name)?.length;
}

/**
 * Reads the sections still in the file in the background, on Node's thread pool (the thread
 * answers requests meanwhile; a section asked for before it is in is read at once). False when
 * one could not be read (it is read on its first use instead, and that says why).
 */
export async function readDeferredInBackground(data: object): Promise<boolean> {
  const file = files.get(data);
  if (!file) return true;
  let all = true;
  for (const [name, place] of [...file.left]) {
    const fd = file.fd;
    if (fd === undefined || !file.left.has(name)) continue;
    try {
      const buffer = Buffer.allocUnsafeSlow(place.bytes);
      await readFullyInBackground(fd, buffer, place.position);
      // Asked for meanwhile: already read at once.
      if (file.left.has(name)) settle(data, name, place.decode(buffer));
    } catch {
      all = false;
    }
  }
  return all;
}
