import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody, Language } from '@kompeten/shared-contracts';
import { ERROR_MESSAGES_EN, ErrorCode, isErrorCode, pickLanguage } from '@kompeten/shared-contracts';
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

/** The filter's own sentences, in both languages (decision 0026). */
const TEXT = {
  rateLimited: {
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: ERROR_MESSAGES_EN[ErrorCode.RATE_LIMITED],
  },
  invalidRequest: { id: 'Permintaan tidak valid', en: 'Invalid request' },
  routeNotFound: { id: 'Rute tidak ditemukan', en: 'Route not found' },
  internal: { id: 'Terjadi kesalahan pada server', en: ERROR_MESSAGES_EN[ErrorCode.INTERNAL] },
  tooLarge: { id: 'Isi permintaan terlalu besar', en: ERROR_MESSAGES_EN[ErrorCode.PAYLOAD_TOO_LARGE] },
  malformedJson: { id: 'Isi permintaan bukan JSON yang valid', en: ERROR_MESSAGES_EN[ErrorCode.MALFORMED_JSON] },
  badCharacter: {
    id: 'Permintaan memuat karakter yang tidak dapat disimpan (mis. NUL)',
    en: 'The request holds a character that cannot be stored (e.g. NUL).',
  },
  badValue: { id: 'Nilai pada permintaan tidak valid', en: 'A value in the request is not valid.' },
} satisfies Record<string, Record<Language, string>>;

/** The validation pipe's own Indonesian phrases in English; class-validator's default messages are English already. */
function englishDetail(detail: string): string {
  return detail.replace(/^Kolom "(.+)" tidak dikenal$/, 'Unknown field "$1"');
}

type AnsweringRequest = Request & { id?: string; principal?: { language?: Language } };

/** The language to answer in: Accept-Language, else the caller's profile (from the token), else Indonesian. */
export function answerLanguage(req: AnsweringRequest | undefined): Language {
  const header = req?.headers?.['accept-language'];
  return pickLanguage(typeof header === 'string' ? header : undefined, req?.principal?.language ?? null);
}

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
    const req = ctx.getRequest<AnsweringRequest>();
    // Errors raised before the request logger ran (e.g. by the body parser) still get a correlation id.
    const correlationId = String(req?.id ?? req?.headers?.['x-request-id'] ?? randomUUID());
    if (!res.headersSent && !res.getHeader('x-request-id')) res.setHeader('x-request-id', correlationId);
    const body = this.toBody(exception, correlationId, answerLanguage(req));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    if (res.headersSent) return;
    // An error is never worth caching, even on a route that lets its content be cached (a 404 before enrolment kept
    // for an hour would hide the file after it).
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.statusCode).json(body);
  }

  /**
   * `lang` en: a domain error answers with its specific English sentence, else its code's (ERROR_MESSAGES_EN); the
   * Indonesian sentence a service threw stays the answer in Indonesian.
   */
  toBody(exception: unknown, correlationId: string, lang: Language = 'id'): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: KIND_STATUS[exception.kind],
        code: exception.code,
        message: lang === 'en' ? (exception.messageEn ?? ERROR_MESSAGES_EN[exception.code]) : exception.message,
        correlationId,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: 429,
        code: ErrorCode.RATE_LIMITED,
        message: TEXT.rateLimited[lang],
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
          message = `${TEXT.invalidRequest[lang]}: ${(r.message as string[]).join('; ')}`;
        } else if (typeof r.message === 'string') {
          message = r.message;
        }
        if (r.code) code = r.code;
        if (r.details) details = r.details;
        if (lang === 'en' && r.code && isErrorCode(r.code)) {
          // The validation pipe's details name the fields; the rest of a code-carrying exception speaks the code's sentence.
          message = Array.isArray(r.details)
            ? `${TEXT.invalidRequest.en}: ${(r.details as unknown[]).map((d) => englishDetail(String(d))).join('; ')}`
            : ERROR_MESSAGES_EN[r.code];
        }
      }
      const unmatched = status === 404 ? UNMATCHED_ROUTE.exec(message) : null;
      if (unmatched) {
        // The path without its query, cut short: the answer names the route, it does not echo the request back.
        const path = unmatched[2].split('?')[0].slice(0, 200);
        message = `${TEXT.routeNotFound[lang]}: ${unmatched[1]} ${path}`;
      } else if (lang === 'en' && details === undefined && isErrorCode(code) && code !== ErrorCode.VALIDATION_FAILED) {
        // A bare Nest exception (e.g. the uuid pipe's 404) carries an Indonesian sentence: English uses the code's.
        message = ERROR_MESSAGES_EN[code];
      }
      if (status >= 500)
        return { statusCode: 500, code: ErrorCode.INTERNAL, message: TEXT.internal[lang], correlationId };
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
          message: TEXT.tooLarge[lang],
          correlationId,
        };
      }
      if (bodyParser.type === 'entity.parse.failed' || exception instanceof SyntaxError) {
        return {
          statusCode: 400,
          code: ErrorCode.MALFORMED_JSON,
          message: TEXT.malformedJson[lang],
          correlationId,
        };
      }
      return {
        statusCode: bodyParser.status,
        code: ErrorCode.VALIDATION_FAILED,
        message:
          lang === 'en'
            ? (bodyParser.message ?? TEXT.invalidRequest.en)
            : (bodyParser.message ?? TEXT.invalidRequest.id),
        correlationId,
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code;
      if (code && PG_INPUT_ERRORS.has(code)) {
        const message = PG_CHARACTER_ERRORS.has(code) ? TEXT.badCharacter[lang] : TEXT.badValue[lang];
        return { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message, correlationId };
      }
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.INTERNAL,
      message: TEXT.internal[lang],
      correlationId,
    };
  }
}
