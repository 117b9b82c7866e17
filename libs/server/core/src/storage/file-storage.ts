import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where uploaded files live. Local disk by default; an S3-compatible store can implement the same interface. */
export interface FileStorage {
  /** Moves a local temporary file into storage under `key`. */
  importLocalFile(tempPath: string, key: string): Promise<void>;
  write(key: string, data: Readable): Promise<void>;
  read(key: string): Promise<Readable>;
  /** Bytes `start` to `end` of a file, both included (an HTTP byte range). */
  readRange(key: string, start: number, end: number): Promise<Readable>;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`Storage key escapes the storage root: ${key}`);
    return p;
  }

  async importLocalFile(tempPath: string, key: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(tempPath, target);
    } catch {
      await pipeline(createReadStream(tempPath), createWriteStream(target));
      await rm(tempPath, { force: true });
    }
  }

  async write(key: string, data: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(data, createWriteStream(target));
  }

  async read(key: string): Promise<Readable> {
    const p = this.path(key);
    await stat(p);
    return createReadStream(p);
  }

  async readRange(key: string, start: number, end: number): Promise<Readable> {
    const p = this.path(key);
    await stat(p);
    return createReadStream(p, { start, end });
  }

  async size(key: string): Promise<number> {
    return (await stat(this.path(key))).size;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Folder for in-flight uploads, on the same disk so the final move is a rename. */
  get uploadTempDir(): string {
    return join(this.root, 'tmp');
  }
}
