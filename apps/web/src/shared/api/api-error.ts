import type { ApiErrorBody } from '@kompeten/shared-contracts';

/** A failed API call: the HTTP status and the stable error code of the API's ApiErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly correlationId: string | null;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, correlationId: string | null = null, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.correlationId = correlationId;
    this.details = details;
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) {
      return new ApiError(status, body.code, body.message, body.correlationId ?? null, body.details);
    }
    return new ApiError(status, `HTTP.${status}`, `HTTP ${status}`);
  }
}

/** The client could not reach the server at all (offline, DNS, connection refused). */
export const NETWORK_ERROR_CODE = 'NETWORK.UNREACHABLE';

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).message === 'string'
  );
}
