import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';

/**
 * Limits on the shape of a parsed request body, checked in one pass right after JSON parsing and before guards,
 * class-transformer and class-validator run (decision 0014). Transformation and validation cost grows with every
 * element, so a small body of many tiny values (100,000 `{}` in 300 KB) would otherwise hold the event loop for seconds.
 * The walk stops at the first breach, so its own cost is bounded by MAX_BODY_NODES, not by the body.
 */
export const BODY_LIMITS = {
  /** Far deeper than any body we accept; validation recurses, so deeper input would overflow the stack. */
  maxDepth: 32,
  /** The largest real list is a bulk assignment of 5,000 employee ids (see tools/bench); DTOs cap each list lower. */
  maxArrayLength: 5_000,
  /** Keys of one object: our widest DTO has under 30; player positions and lesson content stay small. */
  maxObjectKeys: 200,
  /** Every value in the body (objects, arrays, strings, numbers…): a 5,000-id assignment is ~5,000. */
  maxNodes: 20_000,
} as const;

/**
 * C0 control characters other than TAB, LF and CR. NUL breaks PostgreSQL text and jsonb; the others have no place in
 * names, ids or HTML and break the XML inside XLSX reports and certificates. Tab and line breaks are legitimate in text.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** The same characters percent-encoded in a URL (path or query), in either case. */
const FORBIDDEN_CONTROL_ENCODED = /%(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])/;

const TOP_LEVEL_ARRAY_MESSAGE = 'Isi permintaan harus objek JSON, bukan daftar';
const DEPTH_MESSAGE = `Isi permintaan terlalu bertingkat (maks. ${BODY_LIMITS.maxDepth} tingkat)`;
const NODES_MESSAGE = `Isi permintaan memuat terlalu banyak nilai (maks. ${BODY_LIMITS.maxNodes.toLocaleString('id-ID')})`;
const CONTROL_MESSAGE = 'Permintaan memuat karakter kontrol (mis. NUL) yang tidak diizinkan';

export type BodyProblem = string | null;

/** One iterative pass over a parsed JSON value; returns a sentence naming the first problem, or null. */
export function inspectBody(body: unknown): BodyProblem {
  if (body === null || typeof body !== 'object')
    return typeof body === 'string' && FORBIDDEN_CONTROL.test(body) ? CONTROL_MESSAGE : null;
  if (Array.isArray(body)) return TOP_LEVEL_ARRAY_MESSAGE;
  const pendingValues: unknown[] = [body];
  const pendingDepths: number[] = [1];
  let nodes = 0;
  while (pendingValues.length) {
    const value = pendingValues.pop();
    const depth = pendingDepths.pop() as number;
    if (++nodes > BODY_LIMITS.maxNodes) return NODES_MESSAGE;
    if (typeof value === 'string') {
      if (FORBIDDEN_CONTROL.test(value)) return CONTROL_MESSAGE;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > BODY_LIMITS.maxDepth) return DEPTH_MESSAGE;
    if (Array.isArray(value)) {
      if (value.length > BODY_LIMITS.maxArrayLength)
        return `Daftar pada isi permintaan terlalu panjang (maks. ${BODY_LIMITS.maxArrayLength.toLocaleString('id-ID')} butir)`;
      for (let i = 0; i < value.length; i++) {
        pendingValues.push(value[i]);
        pendingDepths.push(depth + 1);
      }
      continue;
    }
    let keys = 0;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (++keys > BODY_LIMITS.maxObjectKeys)
        return `Objek pada isi permintaan memuat terlalu banyak kolom (maks. ${BODY_LIMITS.maxObjectKeys})`;
      if (FORBIDDEN_CONTROL.test(key)) return CONTROL_MESSAGE;
      pendingValues.push((value as Record<string, unknown>)[key]);
      pendingDepths.push(depth + 1);
    }
  }
  return null;
}

/** True when a URL (path and query, still percent-encoded) carries a forbidden control character. */
export function urlHasControl(url: string): boolean {
  return FORBIDDEN_CONTROL_ENCODED.test(url) || FORBIDDEN_CONTROL.test(url);
}

/** True when any string in a value (a multipart field, a parsed query) carries a forbidden control character. */
export function hasControl(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN_CONTROL.test(value);
  if (value === null || typeof value !== 'object') return false;
  return inspectBody(Array.isArray(value) ? { items: value } : value) === CONTROL_MESSAGE;
}

/**
 * Express middleware run right after the body parsers: refuses control characters in the URL and a body whose
 * shape no operation accepts, with 400 REQUEST.VALIDATION_FAILED, before authentication and transformation.
 */
export function refuseHostileInput(req: Request, _res: Response, next: NextFunction): void {
  if (urlHasControl(req.originalUrl ?? req.url)) return next(invalid(ErrorCode.VALIDATION_FAILED, CONTROL_MESSAGE));
  const problem = req.body === undefined ? null : inspectBody(req.body);
  next(problem ? invalid(ErrorCode.VALIDATION_FAILED, problem) : undefined);
}

/**
 * body-parser `verify` hook: one byte loop over the raw JSON before JSON.parse builds anything. Refuses a top-level
 * array, nesting beyond maxDepth and more values than maxNodes (counted by the commas and brackets outside strings),
 * so parsing a hostile body (100,000 keys or empty objects) never starts. Exact checks follow on the parsed value.
 */
export function refuseHostileJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let i = 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  if (buf[i] === 0x5b) throw invalid(ErrorCode.VALIDATION_FAILED, TOP_LEVEL_ARRAY_MESSAGE);
  let depth = 0;
  let values = 1;
  let inString = false;
  for (; i < buf.length; i++) {
    const byte = buf[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > BODY_LIMITS.maxDepth) throw invalid(ErrorCode.VALIDATION_FAILED, DEPTH_MESSAGE);
      if (++values > BODY_LIMITS.maxNodes) throw invalid(ErrorCode.VALIDATION_FAILED, NODES_MESSAGE);
    } else if (byte === 0x7d || byte === 0x5d) depth--;
    else if (byte === 0x2c && ++values > BODY_LIMITS.maxNodes)
      throw invalid(ErrorCode.VALIDATION_FAILED, NODES_MESSAGE);
  }
}

/**
 * The same control-character rule for bodies the JSON middleware never saw: multipart fields arrive only once the
 * upload interceptor has run. Runs before the ValidationPipe; for JSON bodies it repeats a bounded, cheap pass.
 */
@Injectable()
export class RefuseControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && hasControl(value)) throw invalid(ErrorCode.VALIDATION_FAILED, CONTROL_MESSAGE);
    return value;
  }
}
