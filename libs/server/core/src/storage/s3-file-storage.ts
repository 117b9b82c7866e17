import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  /** Absolute URL of an S3-compatible server (MinIO, Ceph, ...); null for AWS itself. */
  endpoint: string | null;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`; MinIO and Ceph usually need it. */
  forcePathStyle: boolean;
}

/** Multipart part size: uploads above it go in parts, at most `QUEUE_SIZE` parts buffered at once per upload. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * Stores files as objects of one bucket, under the same keys LocalDiskStorage uses as paths.
 * A missing object fails read/readRange/size with an error whose `code` is `ENOENT`, as the local disk does.
 */
export class S3FileStorage implements FileStorage {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint ?? undefined,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible servers reject the newer default trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Streams a local temporary file (a multer upload) to the bucket, then removes the temporary file. */
  async importLocalFile(tempPath: string, key: string): Promise<void> {
    try {
      await this.upload(key, createReadStream(tempPath));
    } finally {
      // Nobody retries from a temporary file: keeping it after a failed upload would only leak disk.
      await rm(tempPath, { force: true });
    }
  }

  async write(key: string, data: Readable): Promise<void> {
    await this.upload(key, data);
  }

  async read(key: string): Promise<Readable> {
    return this.get(key);
  }

  async readRange(key: string, start: number, end: number): Promise<Readable> {
    return this.get(key, `bytes=${start}-${end}`);
  }

  async size(key: string): Promise<number> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      return head.ContentLength ?? 0;
    } catch (e) {
      throw translate(e, key);
    }
  }

  /** Removing a missing object is not an error (as `rm --force`). */
  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }

  /** Closes the HTTP connections. */
  destroy(): void {
    this.client.destroy();
  }

  private async upload(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: checkKey(key), Body: body },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (e) {
      body.destroy();
      throw e;
    }
  }

  private async get(key: string, range?: string): Promise<Readable> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key), Range: range }),
      );
      if (!(res.Body instanceof Readable)) throw new Error(`S3 returned no stream for ${key}`);
      return res.Body;
    } catch (e) {
      throw translate(e, key);
    }
  }
}

/** The same keys the local disk accepts: relative, no `.`/`..` or empty segments. */
function checkKey(key: string): string {
  const segments = key.split('/');
  if (!key || key.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`Storage key escapes the storage root: ${key}`);
  }
  return key;
}

/** A missing object becomes an ENOENT error, like a missing file on disk; anything else passes through. */
function translate(e: unknown, key: string): unknown {
  const missing =
    e instanceof S3ServiceException &&
    (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata.httpStatusCode === 404) &&
    e.name !== 'NoSuchBucket';
  if (!missing) return e;
  return Object.assign(new Error(`ENOENT: no such object in storage: ${key}`, { cause: e }), { code: 'ENOENT' });
}
