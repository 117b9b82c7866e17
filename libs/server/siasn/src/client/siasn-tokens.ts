import type { SiasnConnection } from './siasn-config';
import { SiasnCallError, siasnMessage } from './siasn-errors';

interface Cached {
  token: string;
  /** Epoch ms after which the token is not used any more (a margin before SIASN's own expiry). */
  usableUntil: number;
}

/** Never use a token in its last minute (or its last tenth, for very short ones): clocks and queues drift. */
export const usableFor = (expiresInSeconds: number) =>
  Math.max(1, expiresInSeconds - Math.min(60, expiresInSeconds / 10)) * 1000;

/**
 * The two tokens every SIASN call carries (DOMAIN.md §6), cached until shortly before expiry, fetched once for many
 * concurrent callers, and dropped together on a 401. One cache per connection (per agency credential).
 */
export class SiasnTokens {
  private gateway: Cached | null = null;
  private sso: Cached | null = null;
  private inflight: Promise<{ gateway: string; sso: string }> | null = null;
  /** Token requests made, for tests and the admin page. */
  fetched = 0;

  constructor(
    private readonly connection: SiasnConnection,
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<{ gateway: string; sso: string }> {
    const t = this.now();
    if (this.gateway && this.sso && this.gateway.usableUntil > t && this.sso.usableUntil > t)
      return { gateway: this.gateway.token, sso: this.sso.token };
    this.inflight ??= this.refresh().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Fetches both tokens afresh (the admin's "test connection"): each one's failure in words, null when it worked. */
  async probe(): Promise<{ gateway: string | null; sso: string | null }> {
    const [g, s] = await Promise.allSettled([this.fetchGateway(), this.fetchSso()]);
    const why = (r: PromiseSettledResult<Cached>) =>
      r.status === 'fulfilled' ? null : ((r.reason as Error)?.message ?? String(r.reason));
    return { gateway: why(g), sso: why(s) };
  }

  /** After a 401: both tokens go, whichever SIASN refused. */
  drop(): void {
    this.gateway = null;
    this.sso = null;
  }

  private async refresh(): Promise<{ gateway: string; sso: string }> {
    const t = this.now();
    const [gateway, sso] = await Promise.all([
      this.gateway && this.gateway.usableUntil > t ? this.gateway : this.fetchGateway(),
      this.sso && this.sso.usableUntil > t ? this.sso : this.fetchSso(),
    ]);
    this.gateway = gateway;
    this.sso = sso;
    return { gateway: gateway.token, sso: sso.token };
  }

  private fetchGateway(): Promise<Cached> {
    const c = this.connection;
    return this.tokenCall('gateway', c.apimTokenUrl, new URLSearchParams({ grant_type: 'client_credentials' }), {
      authorization: `Basic ${Buffer.from(`${c.apimKey}:${c.apimSecret}`).toString('base64')}`,
    });
  }

  private fetchSso(): Promise<Cached> {
    const c = this.connection;
    return this.tokenCall(
      'SSO',
      c.ssoTokenUrl,
      new URLSearchParams({
        grant_type: 'password',
        client_id: c.ssoClientId,
        username: c.ssoUsername,
        password: c.ssoPassword,
      }),
      {},
    );
  }

  private async tokenCall(
    which: string,
    url: string,
    form: URLSearchParams,
    headers: Record<string, string>,
  ): Promise<Cached> {
    this.fetched++;
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body: form.toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new SiasnCallError('transient', `SIASN ${which} token: ${(e as Error).message}`);
    }
    const body = await res.json().catch(() => null);
    if (res.status === 400 || res.status === 401 || res.status === 403)
      throw new SiasnCallError(
        'auth',
        `SIASN menolak kredensial ${which}: ${siasnMessage(body, `HTTP ${res.status}`)}`,
        res.status,
      );
    const token = (body as { access_token?: unknown } | null)?.access_token;
    const expiresIn = Number((body as { expires_in?: unknown } | null)?.expires_in ?? 300);
    if (!res.ok || typeof token !== 'string' || !token)
      throw new SiasnCallError('transient', `SIASN ${which} token: HTTP ${res.status}`, res.status);
    return { token, usableUntil: this.now() + usableFor(Number.isFinite(expiresIn) ? expiresIn : 300) };
  }
}
