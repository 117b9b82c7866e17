import type { Response as SuperagentResponse } from 'superagent';

/** supertest parser that keeps a binary answer (XLSX, PDF, uploaded files) as one Buffer in `res.body`. */
export function binaryBody(res: SuperagentResponse, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (d: Buffer) => chunks.push(d));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
