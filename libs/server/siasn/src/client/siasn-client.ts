import type { SiasnConnection } from './siasn-config';
import { retryAfterMs, SiasnCallError, siasnMessage } from './siasn-errors';
import { SiasnTokens } from './siasn-tokens';

/** The riwayat kursus record as `/kursus/save` takes it (DOMAIN.md §6; built by `toKursusRecord`). */
export interface KursusRecord {
  id: string | null;
  instansiId: string;
  pnsOrangId: string;
  jenisDiklatId: string;
  jenisKursus: string;
  jenisKursusSertipikat: string;
  namaKursus: string;
  institusiPenyelenggara: string;
  jumlahJam: number;
  tahunKursus: number;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
  nomorSertipikat: string;
  lokasiId: null;
}

/** The riwayat diklat record as `/diklat/save` takes it: structural leadership training (built by `toDiklatRecord`). */
export interface DiklatRecord {
  id: string | null;
  instansiId: string;
  pnsOrangId: string;
  latihanStrukturalId: string;
  nomor: string;
  tahun: number;
  tanggal: string;
  tanggalSelesai: string;
  institusiPenyelenggara: string;
  jumlahJam: number;
  bobot: number;
  jenisKompetensi: string;
}

/** A row read back from `/pns/rw-diklat/{nip}`, the number's spellings folded into `nomor`. */
export interface DiklatHistoryItem {
  id: string;
  latihanStrukturalId: string | null;
  latihanStrukturalNama: string | null;
  nomor: string | null;
  tahun: number | null;
  tanggal: string | null;
  tanggalSelesai: string | null;
  institusiPenyelenggara: string | null;
  jumlahJam: number | null;
  jenisKompetensi: string | null;
}

/** A history row read back from `/pns/rw-kursus/{nip}`, both spellings folded into one. */
export interface KursusHistoryItem {
  id: string;
  jenisDiklatId: string | null;
  namaKursus: string;
  institusiPenyelenggara: string | null;
  jumlahJam: number | null;
  tanggalKursus: string | null;
  tanggalSelesaiKursus: string | null;
  nomorSertipikat: string | null;
  jenisKursusSertipikat: string | null;
}

export interface SiasnClientOptions {
  /** Per call, token requests included. Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** Waited for before every SIASN call (tokens excluded): the shared per-credential rate limit. */
  throttle?: () => Promise<void>;
}

/** Document references of `/upload-dok-rw`. */
export const SIASN_DOC_REF = { kursus: '881', diklat: '874' } as const;

interface Sent {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * SIASN over HTTP as agencies' working clients call it: the gateway token as `Authorization: Bearer`, the SSO token
 * in the separate `Auth: bearer` header, both cached and both refreshed once on a 401. Failures come back as
 * `SiasnCallError` with what they mean for delivery (transient, unknown outcome, rejected, not found, auth).
 */
export class SiasnClient {
  private readonly tokens: SiasnTokens;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly throttle: (() => Promise<void>) | undefined;

  constructor(
    private readonly connection: SiasnConnection,
    options: SiasnClientOptions = {},
  ) {
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.throttle = options.throttle;
    this.tokens = new SiasnTokens(connection, this.fetchFn, this.timeoutMs, options.now);
  }

  /** Token requests made so far (both kinds). */
  get tokenRequests(): number {
    return this.tokens.fetched;
  }

  /** Fetches both tokens afresh; each one's failure in words (null when it worked). Nothing else is called. */
  testTokens(): Promise<{ gateway: string | null; sso: string | null }> {
    return this.tokens.probe();
  }

  /** `pnsOrangId` of an ASN, the key every write needs; null when SIASN does not know the NIP. */
  async pnsOrangId(nip: string): Promise<string | null> {
    const res = await this.send('GET', `/pns/data-utama/${encodeURIComponent(nip)}`, null, false);
    if (res.status === 404) return null;
    this.expectOk(res, false);
    const id = (res.body as { data?: { id?: unknown } } | null)?.data?.id;
    if (typeof id !== 'string' || !id) throw new SiasnCallError('transient', 'SIASN data-utama tanpa id', res.status);
    return id;
  }

  /** Creates (or, with `id`, updates) a riwayat kursus; returns SIASN's `rwKursusId`. */
  async saveKursus(record: KursusRecord): Promise<string> {
    const res = await this.send('POST', '/kursus/save', record, true);
    this.expectOk(res, true);
    const id = (res.body as { mapData?: { rwKursusId?: unknown } } | null)?.mapData?.rwKursusId;
    if (typeof id !== 'string' || !id)
      throw new SiasnCallError('unknown_outcome', 'SIASN menjawab tanpa rwKursusId', res.status);
    return id;
  }

  /** Structural leadership training: `/diklat/save`; returns `rwDiklatId`. */
  async saveDiklat(record: DiklatRecord): Promise<string> {
    const res = await this.send('POST', '/diklat/save', record, true);
    this.expectOk(res, true);
    const id = (res.body as { mapData?: { rwDiklatId?: unknown } } | null)?.mapData?.rwDiklatId;
    if (typeof id !== 'string' || !id)
      throw new SiasnCallError('unknown_outcome', 'SIASN menjawab tanpa rwDiklatId', res.status);
    return id;
  }

  /** Attaches a document (the certificate PDF) to a riwayat: ref 881 for kursus, 874 for diklat. Idempotent at SIASN. */
  async uploadDocument(input: { idRiwayat: string; ref: string; pdf: Buffer; fileName: string }): Promise<void> {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(input.pdf)], { type: 'application/pdf' }), input.fileName);
    form.set('id_riwayat', input.idRiwayat);
    form.set('id_ref_dokumen', input.ref);
    const res = await this.send('POST', '/upload-dok-rw', form, true);
    this.expectOk(res, true);
  }

  /** The ASN's riwayat kursus as SIASN holds it (empty when none); both field spellings folded. */
  async kursusHistory(nip: string): Promise<KursusHistoryItem[]> {
    const res = await this.send('GET', `/pns/rw-kursus/${encodeURIComponent(nip)}`, null, false);
    if (res.status === 404) return [];
    this.expectOk(res, false);
    const rows = (res.body as { data?: unknown } | null)?.data;
    if (!Array.isArray(rows)) return [];
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id ?? ''),
      jenisDiklatId: r.jenisDiklatId == null ? null : String(r.jenisDiklatId),
      namaKursus: String(r.namaKursus ?? ''),
      institusiPenyelenggara: (r.institusiPenyelenggara as string | undefined) ?? null,
      jumlahJam: r.jumlahJam == null ? null : Number(r.jumlahJam),
      tanggalKursus: (r.tanggalKursus as string | undefined) ?? null,
      tanggalSelesaiKursus: (r.tanggalSelesaiKursus as string | undefined) ?? null,
      nomorSertipikat: ((r.nomorSertipikat ?? r.noSertipikat) as string | undefined) ?? null,
      jenisKursusSertipikat: ((r.jenisKursusSertipikat ?? r.jenisKursusSertifikat) as string | undefined) ?? null,
    }));
  }

  /**
   * The ASN's riwayat diklat (structural leadership training) as SIASN holds it (empty when none). Agencies' clients
   * read `nomor`; the certificate-number spellings of riwayat kursus (`nomorSertipikat`, `noSertipikat`) and
   * `jenisDiklatStrukturalId` are folded in too, so a gateway that answers either way is understood.
   */
  async diklatHistory(nip: string): Promise<DiklatHistoryItem[]> {
    const res = await this.send('GET', `/pns/rw-diklat/${encodeURIComponent(nip)}`, null, false);
    if (res.status === 404) return [];
    this.expectOk(res, false);
    const rows = (res.body as { data?: unknown } | null)?.data;
    if (!Array.isArray(rows)) return [];
    const text = (v: unknown) => (v == null || v === '' ? null : String(v));
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id ?? ''),
      latihanStrukturalId: text(r.latihanStrukturalId ?? r.jenisDiklatStrukturalId),
      latihanStrukturalNama: text(r.latihanStrukturalNama),
      nomor: text(r.nomor ?? r.nomorSertipikat ?? r.noSertipikat),
      tahun: r.tahun == null ? null : Number(r.tahun),
      tanggal: text(r.tanggal),
      tanggalSelesai: text(r.tanggalSelesai),
      institusiPenyelenggara: text(r.institusiPenyelenggara),
      jumlahJam: r.jumlahJam == null ? null : Number(r.jumlahJam),
      jenisKompetensi: text(r.jenisKompetensi),
    }));
  }

  /** The official IP ASN score where SIASN has one; null otherwise. */
  async officialIpAsn(nip: string): Promise<Record<string, unknown> | null> {
    const res = await this.send('GET', `/pns/nilaiipasn/${encodeURIComponent(nip)}`, null, false);
    if (res.status === 404) return null;
    this.expectOk(res, false);
    const data = (res.body as { data?: unknown } | null)?.data;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  }

  // ---- transport -----------------------------------------------------------------------------------------

  /** One call with both tokens; on 401 both are dropped, fetched again, and the call is made once more. */
  private async send(method: 'GET' | 'POST', path: string, body: unknown, write: boolean): Promise<Sent> {
    let res = await this.attempt(method, path, body, write);
    if (res.status === 401) {
      this.tokens.drop();
      res = await this.attempt(method, path, body, write);
      if (res.status === 401)
        throw new SiasnCallError('auth', `SIASN menolak token: ${siasnMessage(res.body, 'HTTP 401')}`, 401);
    }
    return res;
  }

  private async attempt(method: 'GET' | 'POST', path: string, body: unknown, write: boolean): Promise<Sent> {
    const { gateway, sso } = await this.tokens.get();
    await this.throttle?.();
    const headers: Record<string, string> = {
      authorization: `Bearer ${gateway}`,
      auth: `bearer ${sso}`,
      accept: 'application/json',
    };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== null) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await this.fetchFn(`${this.connection.baseUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      // The request may have reached SIASN: for a write that is an unknown outcome, never a plain retry.
      const why =
        (e as Error).name === 'TimeoutError' ? `tidak menjawab dalam ${this.timeoutMs} ms` : (e as Error).message;
      throw new SiasnCallError(write ? 'unknown_outcome' : 'transient', `SIASN ${method} ${path}: ${why}`);
    }
    let text = '';
    try {
      text = await res.text();
    } catch (e) {
      throw new SiasnCallError(write ? 'unknown_outcome' : 'transient', `SIASN ${path}: ${(e as Error).message}`);
    }
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* a gateway's HTML error page: kept as text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  private expectOk(res: Sent, write: boolean): void {
    if (res.status >= 200 && res.status < 300) {
      const b = res.body as { success?: unknown } | null;
      if (write && b && typeof b === 'object' && b.success === false)
        throw new SiasnCallError('rejected', siasnMessage(b, 'SIASN menolak data'), res.status);
      return;
    }
    const message = siasnMessage(res.body, `HTTP ${res.status}`);
    if (res.status === 429)
      throw new SiasnCallError(
        'transient',
        `SIASN membatasi laju: ${message}`,
        429,
        retryAfterMs(res.headers.get('retry-after')),
      );
    if (res.status >= 500)
      // A write that met a server error may still have been stored behind the gateway.
      throw new SiasnCallError(write ? 'unknown_outcome' : 'transient', `SIASN ${res.status}: ${message}`, res.status);
    if (res.status === 404) throw new SiasnCallError('not_found', message, 404);
    throw new SiasnCallError('rejected', message, res.status);
  }
}
