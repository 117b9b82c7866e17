import type { ErrorCode } from '@kompeten/shared-contracts';

/** How an error maps to HTTP; services speak in kinds, never in Nest HttpExceptions. */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'unavailable';

export const KIND_STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The specific sentence for a request in English; without it the code's sentence (ERROR_MESSAGES_EN) is used. */
  messageEn?: string;

  /** Gives the error its specific English sentence (decision 0026): `throw invalid(code, 'Kalimat…').en('Sentence…')`. */
  en(message: string): this {
    this.messageEn = message;
    return this;
  }
}

export const notFound = (code: ErrorCode, message: string) => new DomainError('not_found', code, message);
export const invalid = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError('validation', code, message, details);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const forbidden = (code: ErrorCode, message: string) => new DomainError('forbidden', code, message);
