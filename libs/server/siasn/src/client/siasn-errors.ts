/**
 * What a failed SIASN call means for delivery (decision 0028):
 * - `transient`: nothing was stored (throttled, gateway down before the backend, token server down): retry with back-off,
 *   honouring `retryAfterMs` when SIASN sent Retry-After.
 * - `unknown_outcome`: a write was sent and no clear answer came back (timeout, dropped connection, 5xx after sending):
 *   SIASN may hold the record. Read the ASN's history back before posting again, never retry blind.
 * - `rejected`: SIASN refused the content (validation, 4xx): a person must fix it; park, do not retry.
 * - `not_found`: the NIP is unknown to SIASN: park with the reason.
 * - `auth`: the agency's credentials were refused even after fresh tokens: park until an admin fixes them.
 */
export type SiasnFailureKind = 'transient' | 'unknown_outcome' | 'rejected' | 'not_found' | 'auth';

export class SiasnCallError extends Error {
  constructor(
    readonly kind: SiasnFailureKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SiasnCallError';
  }

  /** Worth trying again later (after a read-back for an unknown outcome). */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'unknown_outcome';
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A short, human text of a SIASN error body: `message`, `Message` (gateway), `data` (not-found), or the raw text. */
export function siasnMessage(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['message', 'Message', 'error_description', 'data', 'Error', 'error'])
      if (typeof b[k] === 'string' && b[k]) return b[k] as string;
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  return fallback;
}
