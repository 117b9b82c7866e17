import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

/** s3rver: an S3-compatible server in Node (no type definitions of its own). */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
const S3rver = require('s3rver') as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
}) => S3rverInstance;

const BUCKET = 'kompeten-test';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deterministic, non-repeating-looking content, so a wrong offset cannot pass. */
function pattern(size: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 31 + (i >> 8)) & 0xff;
  return buf;
}

describe('S3FileStorage against a local S3-compatible server', () => {
  let dir: string;
  let server: S3rverInstance;
  let storage: S3FileStorage;
  let endpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kompeten-s3-test-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3') });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    storage = new S3FileStorage({
      bucket: BUCKET,
      endpoint,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    await storage.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });

  afterAll(async () => {
    storage?.destroy();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a 5 MB upload from a temporary file, removes the temporary file and serves a byte range from the middle', async () => {
    const content = pattern(5 * 1024 * 1024 + 123);
    const temp = join(dir, 'upload.tmp');
    await writeFile(temp, content);
    const key = 'courses/c1/video-1';

    await storage.importLocalFile(temp, key);

    await expect(access(temp)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await storage.size(key)).toBe(content.length);
    expect((await bytes(await storage.read(key))).equals(content)).toBe(true);
    const start = 2_621_000;
    const end = 2_722_999;
    const part = await bytes(await storage.readRange(key, start, end));
    expect(part.length).toBe(end - start + 1);
    expect(part.equals(content.subarray(start, end + 1))).toBe(true);
    // Safari's first probe of a video, and the last bytes. (Not `bytes=0-0`: s3rver reads an end of 0 as "to the end"; S3 and MinIO do not.)
    expect((await bytes(await storage.readRange(key, 0, 1))).equals(content.subarray(0, 2))).toBe(true);
    expect(
      (await bytes(await storage.readRange(key, content.length - 10, content.length - 1))).equals(
        content.subarray(-10),
      ),
    ).toBe(true);
  });

  it('streams a write above the multipart part size and reads it back', async () => {
    const content = pattern(9 * 1024 * 1024);
    const key = 'submissions/e1/l1/plan.pdf';
    await storage.write(key, Readable.from([content.subarray(0, 3_000_000), content.subarray(3_000_000)]));
    expect(await storage.size(key)).toBe(content.length);
    expect((await bytes(await storage.read(key))).equals(content)).toBe(true);
  });

  it('writes a small stream and removes it; removing twice is not an error', async () => {
    const key = 'imports/a1/rows.csv';
    await storage.write(key, Readable.from([Buffer.from('nip;nama\n1;Ani\n')]));
    expect((await bytes(await storage.read(key))).toString()).toBe('nip;nama\n1;Ani\n');
    await storage.remove(key);
    await expect(storage.size(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('fails a missing key with ENOENT, like the local disk does', async () => {
    const local = new LocalDiskStorage(join(dir, 'local'));
    for (const s of [local, storage]) {
      await expect(s.read('courses/nope/missing')).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(s.readRange('courses/nope/missing', 0, 9)).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(s.size('courses/nope/missing')).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(s.remove('courses/nope/missing')).resolves.toBeUndefined();
    }
  });

  it('removes the temporary file even when the upload fails', async () => {
    const temp = join(dir, 'doomed.tmp');
    await writeFile(temp, 'x');
    const elsewhere = new S3FileStorage({
      bucket: 'no-such-bucket',
      endpoint,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    try {
      await expect(elsewhere.importLocalFile(temp, 'courses/c1/doomed')).rejects.toThrow();
      await expect(access(temp)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      elsewhere.destroy();
    }
  });

  it('refuses keys the local disk would refuse', async () => {
    await expect(storage.read('../outside')).rejects.toThrow(/escapes the storage root/);
    await expect(storage.write('/abs/key', Readable.from([Buffer.from('x')]))).rejects.toThrow(
      /escapes the storage root/,
    );
  });
});
