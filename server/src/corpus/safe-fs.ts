/**
 * Reading and writing files a corpus folder, a repository or a pull request may have planted:
 * only regular files are read (a FIFO, a device, a socket or a link to one is refused without
 * blocking), with a size cap; files are written through a temporary file and `rename`, never
 * through a symbolic link; and a file reached through a link that leaves its folder is refused.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';

/** A draft larger than this is not read. */
export const MAX_DRAFT_BYTES = 20 * 1024 * 1024;
/** A catalogue (or knowledge file) larger than this is not read. */
export const MAX_CATALOGUE_BYTES = 200 * 1024 * 1024;

export class UnsafeFileError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file of at most `maxBytes`. Throws UnsafeFileError ("not a regular file",
 * "larger than …") or the system error. Opening never blocks: a FIFO is opened non-blocking and
 * refused by its type.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnsafeFileError('not a regular file (a FIFO, device, socket or folder)', 'ENOTREG');
    if (stat.size > maxBytes) throw new UnsafeFileError(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB (${Math.round(stat.size / 1024 / 1024)} MB)`, 'ETOOBIG');
    // Read at most one byte more than the cap, so a file that grows meanwhile is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new UnsafeFileError(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, 'ETOOBIG');
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** True when `path`, with every link resolved, lies inside `folder` (also resolved). */
export function staysInside(folder: string, path: string): boolean {
  try {
    const real = realpathSync(path);
    const root = realpathSync(folder);
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  } catch {
    return false;
  }
}

/**
 * Writes a file atomically: a new temporary file beside it (created exclusively, so no link is
 * followed), then renamed over the target. Refuses a target that is a symbolic link (its target
 * would be overwritten). Throws the system error, or UnsafeFileError with code ESYMLINK.
 */
export function writeFileSafely(path: string, data: string | Uint8Array): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    /* no such file: fine */
  }
  if (isLink) throw new UnsafeFileError(`${path} is a symbolic link; not written through it`, 'ESYMLINK');
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      /* nothing was written */
    }
    throw err;
  }
}

/**
 * A folder only this user can use (mode 0700, owned by this user, not a link), created when
 * missing: the index cache in the system temporary folder, which other users share. False when
 * it exists and belongs to someone else or is open to others (it is then not used at all).
 */
export function ensurePrivateFolder(folder: string, create: boolean): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    if (create) return false;
  }
  try {
    const s = lstatSync(folder);
    const uid = process.getuid?.();
    if (s.isSymbolicLink() || !s.isDirectory()) return false;
    if (uid !== undefined && s.uid !== uid) return false;
    return process.platform === 'win32' || (s.mode & 0o077) === 0;
  } catch {
    return false;
  }
}
