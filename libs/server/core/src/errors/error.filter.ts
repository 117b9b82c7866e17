import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@kompeten/shared-contracts';
import { ErrorCode } from '@kompeten/shared-contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, KIND_STATUS } from './domain-error';

const STATUS_CODE: Record<number, string> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.AUTH_UNAUTHENTICATED,
  403: ErrorCode.AUTH_FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Postgres errors that only bad input can cause (e.g. a malformed uuid slipping past validation). A second line of
 * defence behind the request checks: 22021 (a NUL or an invalid byte sequence) and 22P05 (a character jsonb cannot
 * hold, e.g. \u0000) mean the text itself is unusable.
 */
const PG_INPUT_ERRORS = new Set(['22P02', '22001', '22003', '22007', '22008', '22021', '22P05']);
const PG_CHARACTER_ERRORS = new Set(['22021', '22P05']);

/** Nest's NotFoundException for a request no route matched reads "Cannot <METHOD> <path>". */
const UNMATCHED_ROUTE = /^Cannot ([A-Z]+) (\S+)$/;

/**
 * One place that turns every error into `{ statusCode, code, message, correlationId, details? }`.
 * Unknown errors become a bare 500 and are logged with the correlation id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    // Errors raised before the request logger ran (e.g. by the body parser) still get a correlation id.
    const correlationId = String(req?.id ?? req?.headers?.['x-request-id'] ?? randomUUID());
    if (!res.headersSent && !res.getHeader('x-request-id')) res.setHeader('x-request-id', correlationId);
    const body = this.toBody(exception, correlationId);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    if (res.headersSent) return;
    // An error is never worth caching, even on a route that lets its content be cached (a 404 before enrolment kept
    // for an hour would hide the file after it).
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, correlationId: string): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: KIND_STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        correlationId,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: 429,
        code: ErrorCode.RATE_LIMITED,
        message: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
        correlationId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const resp = exception.getResponse();
      let message = exception.message;
      let details: unknown;
      let code = STATUS_CODE[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
      if (typeof resp === 'object' && resp !== null) {
        const r = resp as { message?: unknown; code?: string; details?: unknown };
        if (Array.isArray(r.message)) {
          details = r.message;
          message = `Permintaan tidak valid: ${(r.message as string[]).join('; ')}`;
        } else if (typeof r.message === 'string') {
          message = r.message;
        }
        if (r.code) code = r.code;
        if (r.details) details = r.details;
      }
      const unmatched = status === 404 ? UNMATCHED_ROUTE.exec(message) : null;
      if (unmatched) {
        // The path without its query, cut short: the answer names the route, it does not echo the request back.
        const path = unmatched[2].split('?')[0].slice(0, 200);
        message = `Rute tidak ditemukan: ${unmatched[1]} ${path}`;
      }
      if (status >= 500)
        return { statusCode: 500, code: ErrorCode.INTERNAL, message: 'Terjadi kesalahan pada server', correlationId };
      return { statusCode: status, code, message, correlationId, ...(details !== undefined ? { details } : {}) };
    }
    const bodyParser = exception as { type?: string; status?: number; expose?: boolean; message?: string };
    // Body-parser errors carry a `type`; some (e.g. a corrupt gzip body) are plain http-errors marked safe to expose.
    const clientError =
      typeof bodyParser?.type === 'string' || exception instanceof SyntaxError || bodyParser?.expose === true;
    if (
      bodyParser &&
      typeof bodyParser === 'object' &&
      bodyParser.status &&
      bodyParser.status >= 400 &&
      bodyParser.status < 500 &&
      clientError
    ) {
      if (bodyParser.type === 'entity.too.large') {
        return {
          statusCode: 413,
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: 'Isi permintaan terlalu besar',
          correlationId,
        };
      }
      if (bodyParser.type === 'entity.parse.failed' || exception instanceof SyntaxError) {
        return {
          statusCode: 400,
          code: ErrorCode.MALFORMED_JSON,
          message: 'Isi permintaan bukan JSON yang valid',
          correlationId,
        };
      }
      return {
        statusCode: bodyParser.status,
        code: ErrorCode.VALIDATION_FAILED,
        message: bodyParser.message ?? 'Permintaan tidak valid',
        correlationId,
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code;
      if (code && PG_INPUT_ERRORS.has(code)) {
        const message = PG_CHARACTER_ERRORS.has(code)
          ? 'Permintaan memuat karakter yang tidak dapat disimpan (mis. NUL)'
          : 'Nilai pada permintaan tidak valid';
        return { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message, correlationId };
      }
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.INTERNAL,
      message: 'Terjadi kesalahan pada server',
      correlationId,
    };
  }
}
