import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for BKN's SIASN as agencies' working clients see it (DOMAIN.md §6): the gateway token
 * (client credentials, HTTP Basic), the SSO token (Keycloak realm `public-siasn`, password grant), and under
 * `/apisiasn/1.0` the reads and writes a completion push needs, with SIASN's response shapes and validation errors.
 * Switchable faults (latency, 5xx, 429 with Retry-After, hangs, token expiry, and "stored but the answer was lost")
 * make the push's delivery guarantees testable. State is in memory: one simulator, one SIASN.
 *
 * Control endpoints under `/_sim` (no tokens): GET state, POST faults, POST reset, POST expire-tokens,
 * POST unknown-nips, POST ip-asn, GET records/{nip}, GET documents.
 */

export interface SimCredentials {
  apimKey: string;
  apimSecret: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
}

/** Faults apply to `/apisiasn/1.0` calls only (the token endpoints stay well unless `tokenFailRate` is set). */
export interface SimFaults {
  /** Added to every answer. */
  latencyMs: number;
  /** Share of calls answered 503 before doing anything. */
  failRate: number;
  /** Share of calls answered 429 with `Retry-After: retryAfterSeconds`. */
  throttleRate: number;
  retryAfterSeconds: number;
  /** Share of calls never answered (held until the client gives up or `hangMs` passes, then the socket is closed). */
  hangRate: number;
  hangMs: number;
  /** Share of writes stored and then left unanswered: the connection is dropped after the record exists. */
  lostAckRate: number;
  /** Share of token requests answered 500. */
  tokenFailRate: number;
  /** Requests per second per gateway credential before 429s; 0 = no limit. */
  rateLimitPerSecond: number;
}

export const NO_FAULTS: SimFaults = {
  latencyMs: 0,
  failRate: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  hangRate: 0,
  hangMs: 30_000,
  lostAckRate: 0,
  tokenFailRate: 0,
  rateLimitPerSecond: 0,
};

/** A stored riwayat kursus row, in the create spelling (read-back answers both spellings). */
export interface SimKursus {
  id: string;
  pnsOrangId: string;
  nip: string;
  instansiId: string;
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
  lokasiId: string | null;
}

export interface SimDiklat {
  id: string;
  pnsOrangId: string;
  nip: string;
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

/** SIASN's names of latihanStrukturalId 1–8 (its read-back answers them as latihanStrukturalNama). */
const LATIHAN_STRUKTURAL_NAMA = [
  'SEPADA',
  'SEPALA/ADUM/DIKLAT PIM TK.IV',
  'SEPADYA/SPAMA/DIKLAT PIM TK. III',
  'SPAMEN/SESPA/SESPANAS/DIKLAT PIM TK. II',
  'SEPATI/DIKLAT PIM TK. I',
  'SESPIM',
  'SESPATI',
  'Diklat Struktural Lainnya',
];

export interface SimDocument {
  idRiwayat: string;
  idRefDokumen: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

export interface SimOptions {
  port?: number;
  host?: string;
  credentials?: Partial<SimCredentials>;
  /** Token lifetimes in seconds (SIASN: about 1 h for the gateway, 12 h for SSO). */
  gatewayTokenSeconds?: number;
  ssoTokenSeconds?: number;
  faults?: Partial<SimFaults>;
  /** Deterministic fault decisions (mulberry32); random when absent. */
  seed?: number;
  /**
   * Answer `/pns/nilaiipasn/{nip}` for every valid NIP with a score derived from the NIP (the demo), unless one was
   * set with `setIpAsn`. Off by default: tests set the scores they expect.
   */
  ipAsnForEveryone?: boolean;
}

export const DEFAULT_SIM_CREDENTIALS: SimCredentials = {
  apimKey: 'kompeten-sim-key',
  apimSecret: 'kompeten-sim-secret',
  ssoClientId: 'kompeten-sim',
  ssoUsername: 'bkpsdm-sim',
  ssoPassword: 'rahasia-sim',
};

/** The path of each endpoint, relative to the simulator's origin (what `SIASN_*` URLs point at). */
export const SIM_PATHS = {
  gatewayToken: '/oauth2/token',
  ssoToken: '/auth/realms/public-siasn/protocol/openid-connect/token',
  base: '/apisiasn/1.0',
} as const;

const NIP = /^\d{18}$/;
const DATE = /^(\d{2})-(\d{2})-(\d{4})$/;
const GUID = /^[0-9a-f]{32}$/i;

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pnsOrangId as SIASN spells them (a GUID with dashes), stable per NIP so reruns find the same person. */
const pnsOrangIdOf = (nip: string) => {
  const h = createHash('sha256').update(`pns:${nip}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export class SiasnSimulator {
  readonly credentials: SimCredentials;
  faults: SimFaults;
  private server: Server | null = null;
  private random: () => number;
  private readonly gatewayTokens = new Map<string, number>();
  private readonly ssoTokens = new Map<string, number>();
  private readonly kursus = new Map<string, SimKursus>();
  private readonly diklat = new Map<string, SimDiklat>();
  private readonly documents: SimDocument[] = [];
  private readonly unknownNips = new Set<string>();
  private readonly ipAsn = new Map<string, Record<string, unknown>>();
  /** pnsOrangId → NIP for the ids handed out by data-utama (the only way a client learns one). */
  private readonly handedOut = new Map<string, string>();
  private readonly windows = new Map<string, { second: number; count: number }>();
  /** What happened, for tests and the reconciliation story: calls by outcome. */
  readonly counters = { calls: 0, failed: 0, throttled: 0, hung: 0, lostAcks: 0, unauthorized: 0, tokens: 0 };
  private readonly openSockets = new Set<import('node:net').Socket>();

  constructor(private readonly options: SimOptions = {}) {
    this.credentials = { ...DEFAULT_SIM_CREDENTIALS, ...options.credentials };
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.random = options.seed === undefined ? Math.random : prng(options.seed);
  }

  /** Starts listening; resolves with the origin, e.g. `http://127.0.0.1:4010`. */
  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (s) => {
      this.openSockets.add(s);
      s.on('close', () => this.openSockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    return this.origin;
  }

  get origin(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('The SIASN simulator is not listening');
    return `http://${a.address}:${a.port}`;
  }

  /** The SIASN_* settings that point a client at this simulator (the shape of the siasn lib's SiasnConnection). */
  connection() {
    const o = this.origin;
    return {
      baseUrl: `${o}${SIM_PATHS.base}`,
      apimTokenUrl: `${o}${SIM_PATHS.gatewayToken}`,
      apimKey: this.credentials.apimKey,
      apimSecret: this.credentials.apimSecret,
      ssoTokenUrl: `${o}${SIM_PATHS.ssoToken}`,
      ssoClientId: this.credentials.ssoClientId,
      ssoUsername: this.credentials.ssoUsername,
      ssoPassword: this.credentials.ssoPassword,
    };
  }

  async stop(): Promise<void> {
    for (const s of this.openSockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  reset(): void {
    this.gatewayTokens.clear();
    this.ssoTokens.clear();
    this.kursus.clear();
    this.diklat.clear();
    this.documents.length = 0;
    this.unknownNips.clear();
    this.ipAsn.clear();
    this.handedOut.clear();
    this.windows.clear();
    this.faults = { ...NO_FAULTS };
    for (const k of Object.keys(this.counters) as Array<keyof typeof this.counters>) this.counters[k] = 0;
  }

  /** Every token issued so far stops working: the next call answers 401 (as after SIASN's expiry). */
  expireTokens(): void {
    this.gatewayTokens.clear();
    this.ssoTokens.clear();
  }

  markUnknownNip(nip: string): void {
    this.unknownNips.add(nip);
  }

  setIpAsn(nip: string, score: Record<string, unknown>): void {
    this.ipAsn.set(nip, score);
  }

  records(nip?: string): SimKursus[] {
    return [...this.kursus.values()].filter((k) => !nip || k.nip === nip);
  }

  diklatRecords(nip?: string): SimDiklat[] {
    return [...this.diklat.values()].filter((k) => !nip || k.nip === nip);
  }

  uploadedDocuments(): SimDocument[] {
    return [...this.documents];
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sim');
      const answer = await this.route(req, url, body, res);
      if (answer === null) return; // hung or dropped on purpose
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Error: 'Internal Server Error', Message: (e as Error).message }));
    }
  }

  private async route(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): Promise<Answer | null> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path.startsWith('/_sim/')) return this.control(method, path.slice('/_sim/'.length), url, body);
    if (method === 'POST' && path === SIM_PATHS.gatewayToken) return this.gatewayToken(req, body);
    if (method === 'POST' && path === SIM_PATHS.ssoToken) return this.ssoToken(body);
    if (!path.startsWith(`${SIM_PATHS.base}/`)) return new Answer(404, { Error: 'Not Found', Message: path });

    this.counters.calls++;
    const faulted = await this.fault(res);
    if (faulted !== undefined) return faulted;
    const denied = this.authorize(req);
    if (denied) return denied;

    const rest = path.slice(SIM_PATHS.base.length);
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/pns\/data-utama\/([^/]+)$/.exec(rest))) return this.dataUtama(m[1]);
    if (method === 'GET' && (m = /^\/pns\/rw-kursus\/([^/]+)$/.exec(rest))) return this.rwKursus(m[1]);
    if (method === 'GET' && (m = /^\/pns\/rw-diklat\/([^/]+)$/.exec(rest))) return this.rwDiklat(m[1]);
    if (method === 'GET' && (m = /^\/pns\/nilaiipasn\/([^/]+)$/.exec(rest))) return this.nilaiIpAsn(m[1]);
    if (method === 'POST' && rest === '/kursus/save') return this.write(res, () => this.saveKursus(body));
    if (method === 'POST' && rest === '/diklat/save') return this.write(res, () => this.saveDiklat(body));
    if (method === 'POST' && rest === '/upload-dok-rw') {
      const form = await new Request('http://sim/upload', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
        body,
      })
        .formData()
        .catch(() => null);
      const file = form?.get('file');
      const bytes = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : null;
      return this.write(res, () => this.upload(form, bytes));
    }
    return new Answer(404, { Error: 'Not Found', Message: `No resource at ${path}` });
  }

  /** Latency, then one of 503 / 429 / hang by share; `undefined` when the call goes through. */
  private async fault(res: ServerResponse): Promise<Answer | null | undefined> {
    const f = this.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.rateLimitPerSecond > 0) {
      const second = Math.floor(Date.now() / 1000);
      const w = this.windows.get('all') ?? { second, count: 0 };
      if (w.second !== second) Object.assign(w, { second, count: 0 });
      w.count++;
      this.windows.set('all', w);
      if (w.count > f.rateLimitPerSecond) {
        this.counters.throttled++;
        return new Answer(429, { Error: 'Too Many Requests', Message: 'Rate limit exceeded' }, { 'retry-after': '1' });
      }
    }
    const roll = this.random();
    if (roll < f.failRate) {
      this.counters.failed++;
      return new Answer(503, { Error: 'Service Unavailable', Message: 'Backend tidak tersedia' });
    }
    if (roll < f.failRate + f.throttleRate) {
      this.counters.throttled++;
      return new Answer(
        429,
        { Error: 'Too Many Requests', Message: 'Rate limit exceeded' },
        { 'retry-after': String(f.retryAfterSeconds) },
      );
    }
    if (roll < f.failRate + f.throttleRate + f.hangRate) {
      this.counters.hung++;
      await sleep(f.hangMs);
      res.socket?.destroy();
      return null;
    }
    return undefined;
  }

  /** Runs a write; with `lostAckRate`, keeps what it stored and drops the connection instead of answering. */
  private write(res: ServerResponse, run: () => Answer): Answer | null {
    const answer = run();
    if (answer.status === 200 && this.random() < this.faults.lostAckRate) {
      this.counters.lostAcks++;
      res.socket?.destroy();
      return null;
    }
    return answer;
  }

  private authorize(req: IncomingMessage): Answer | null {
    const now = Date.now();
    const bearer = /^Bearer (.+)$/i.exec(String(req.headers['authorization'] ?? ''))?.[1];
    const sso = /^bearer (.+)$/i.exec(String(req.headers['auth'] ?? ''))?.[1];
    const gatewayOk = bearer !== undefined && (this.gatewayTokens.get(bearer) ?? 0) > now;
    const ssoOk = sso !== undefined && (this.ssoTokens.get(sso) ?? 0) > now;
    if (gatewayOk && ssoOk) return null;
    this.counters.unauthorized++;
    return gatewayOk
      ? new Answer(401, { code: 401, message: 'Token SSO tidak valid atau kedaluwarsa' })
      : new Answer(401, { Error: 'Unauthorized', Message: 'Invalid Credentials' });
  }

  private gatewayToken(req: IncomingMessage, body: Buffer): Answer {
    this.counters.tokens++;
    if (this.random() < this.faults.tokenFailRate) return new Answer(500, { error: 'server_error' });
    const basic = /^Basic (.+)$/i.exec(String(req.headers['authorization'] ?? ''))?.[1];
    const [key, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
    const form = new URLSearchParams(body.toString());
    if (form.get('grant_type') !== 'client_credentials')
      return new Answer(400, {
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be client_credentials',
      });
    if (key !== this.credentials.apimKey || secret !== this.credentials.apimSecret)
      return new Answer(401, { error: 'invalid_client', error_description: 'A valid OAuth client could not be found' });
    const seconds = this.options.gatewayTokenSeconds ?? 3600;
    const token = randomBytes(24).toString('hex');
    this.gatewayTokens.set(token, Date.now() + seconds * 1000);
    return new Answer(200, { access_token: token, scope: 'default', token_type: 'Bearer', expires_in: seconds });
  }

  private ssoToken(body: Buffer): Answer {
    this.counters.tokens++;
    if (this.random() < this.faults.tokenFailRate) return new Answer(500, { error: 'server_error' });
    const form = new URLSearchParams(body.toString());
    if (form.get('grant_type') !== 'password')
      return new Answer(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
    if (form.get('client_id') !== this.credentials.ssoClientId)
      return new Answer(401, { error: 'unauthorized_client', error_description: 'Invalid client credentials' });
    if (form.get('username') !== this.credentials.ssoUsername || form.get('password') !== this.credentials.ssoPassword)
      return new Answer(401, { error: 'invalid_grant', error_description: 'Invalid user credentials' });
    const seconds = this.options.ssoTokenSeconds ?? 43_200;
    const token = randomBytes(24).toString('hex');
    this.ssoTokens.set(token, Date.now() + seconds * 1000);
    return new Answer(200, {
      access_token: token,
      expires_in: seconds,
      refresh_expires_in: seconds,
      refresh_token: randomBytes(24).toString('hex'),
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile email',
    });
  }

  private known(nip: string): boolean {
    return NIP.test(nip) && !this.unknownNips.has(nip);
  }

  private dataUtama(nip: string): Answer {
    if (!this.known(nip)) return new Answer(404, { code: 0, data: 'Data tidak ditemukan' });
    return new Answer(200, {
      code: 1,
      data: { id: this.rememberPns(nip), nipBaru: nip, nama: `ASN ${nip.slice(-4)}` },
    });
  }

  private rwKursus(nip: string): Answer {
    const rows = this.records(nip);
    if (!this.known(nip) || rows.length === 0) return new Answer(404, { code: 0, data: 'Data tidak ditemukan' });
    // Read-back spells two fields differently from the create call (DOMAIN.md §6).
    return new Answer(200, {
      code: 1,
      data: rows.map(({ nomorSertipikat, jenisKursusSertipikat, ...r }) => ({
        ...r,
        noSertipikat: nomorSertipikat,
        jenisKursusSertifikat: jenisKursusSertipikat,
      })),
    });
  }

  /** Riwayat diklat as agencies' clients read it: `nomor`, `latihanStrukturalId` with its `latihanStrukturalNama`. */
  private rwDiklat(nip: string): Answer {
    const rows = this.diklatRecords(nip);
    if (!this.known(nip) || rows.length === 0) return new Answer(404, { code: 0, data: 'Data tidak ditemukan' });
    return new Answer(200, {
      code: 1,
      data: rows.map(({ nip: nipBaru, pnsOrangId, ...r }) => ({
        ...r,
        idPns: pnsOrangId,
        nipBaru,
        latihanStrukturalNama: LATIHAN_STRUKTURAL_NAMA[Number(r.latihanStrukturalId) - 1] ?? null,
      })),
    });
  }

  private nilaiIpAsn(nip: string): Answer {
    const score = this.ipAsn.get(nip) ?? (this.options.ipAsnForEveryone ? demoIpAsn(nip) : undefined);
    if (!this.known(nip) || !score) return new Answer(404, { code: 0, data: 'Data tidak ditemukan' });
    return new Answer(200, { code: 1, data: score });
  }

  private saveKursus(body: Buffer): Answer {
    const b = parseJson(body);
    if (!b) return invalidAnswer('Body harus JSON');
    const errors: string[] = [];
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
    const nip = this.nipOfPnsOrangId(str('pnsOrangId'));
    if (!nip) errors.push('pnsOrangId tidak ditemukan');
    if (!GUID.test(str('instansiId'))) errors.push('instansiId tidak valid');
    const jenis = Number(str('jenisDiklatId'));
    if (!Number.isInteger(jenis) || jenis < 1 || jenis > 25) errors.push('jenisDiklatId tidak valid');
    if (!str('namaKursus').trim()) errors.push('namaKursus wajib diisi');
    if (!str('institusiPenyelenggara').trim()) errors.push('institusiPenyelenggara wajib diisi');
    const jam = Number(b.jumlahJam);
    if (!Number.isFinite(jam) || jam <= 0) errors.push('jumlahJam harus lebih dari 0');
    for (const k of ['tanggalKursus', 'tanggalSelesaiKursus'])
      if (!validDate(str(k))) errors.push(`${k} harus dd-MM-yyyy`);
    if (!str('nomorSertipikat').trim()) errors.push('nomorSertipikat wajib diisi');
    if (errors.length) return invalidAnswer(errors.join('; '));
    const id = typeof b.id === 'string' && this.kursus.has(b.id) ? b.id : randomUUID();
    this.kursus.set(id, {
      id,
      pnsOrangId: str('pnsOrangId'),
      nip: nip as string,
      instansiId: str('instansiId'),
      jenisDiklatId: str('jenisDiklatId'),
      jenisKursus: str('jenisKursus'),
      jenisKursusSertipikat: str('jenisKursusSertipikat'),
      namaKursus: str('namaKursus'),
      institusiPenyelenggara: str('institusiPenyelenggara'),
      jumlahJam: jam,
      tahunKursus: Number(b.tahunKursus) || Number(str('tanggalKursus').slice(6)),
      tanggalKursus: str('tanggalKursus'),
      tanggalSelesaiKursus: str('tanggalSelesaiKursus'),
      nomorSertipikat: str('nomorSertipikat'),
      lokasiId: null,
    });
    return new Answer(200, { success: true, message: 'success', mapData: { rwKursusId: id } });
  }

  private saveDiklat(body: Buffer): Answer {
    const b = parseJson(body);
    if (!b) return invalidAnswer('Body harus JSON');
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : String(b[k] ?? ''));
    const nip = this.nipOfPnsOrangId(str('pnsOrangId'));
    const errors: string[] = [];
    if (!nip) errors.push('pnsOrangId tidak ditemukan');
    const lat = Number(str('latihanStrukturalId'));
    if (!Number.isInteger(lat) || lat < 1 || lat > 8) errors.push('latihanStrukturalId tidak valid');
    for (const k of ['tanggal', 'tanggalSelesai']) if (!validDate(str(k))) errors.push(`${k} harus dd-MM-yyyy`);
    if (!str('nomor').trim()) errors.push('nomor wajib diisi');
    if (errors.length) return invalidAnswer(errors.join('; '));
    const id = typeof b.id === 'string' && this.diklat.has(b.id) ? b.id : randomUUID();
    this.diklat.set(id, {
      id,
      pnsOrangId: str('pnsOrangId'),
      nip: nip as string,
      latihanStrukturalId: str('latihanStrukturalId'),
      nomor: str('nomor'),
      tahun: Number(b.tahun) || Number(str('tanggal').slice(6)),
      tanggal: str('tanggal'),
      tanggalSelesai: str('tanggalSelesai'),
      institusiPenyelenggara: str('institusiPenyelenggara'),
      jumlahJam: Number(b.jumlahJam) || 0,
      bobot: Number(b.bobot) || 0,
      jenisKompetensi: str('jenisKompetensi'),
    });
    return new Answer(200, { success: true, message: 'success', mapData: { rwDiklatId: id } });
  }

  private upload(form: FormData | null, bytes: Buffer | null): Answer {
    if (!form) return invalidAnswer('Unggahan harus multipart/form-data');
    const file = form.get('file');
    const idRiwayat = String(form.get('id_riwayat') ?? '');
    const idRef = String(form.get('id_ref_dokumen') ?? '');
    if (!(file instanceof Blob) || !bytes || bytes.length === 0) return invalidAnswer('file wajib diisi');
    if (idRef !== '881' && idRef !== '874') return invalidAnswer('id_ref_dokumen tidak dikenal');
    const exists = idRef === '881' ? this.kursus.has(idRiwayat) : this.diklat.has(idRiwayat);
    if (!exists) return invalidAnswer('id_riwayat tidak ditemukan');
    const doc: SimDocument = {
      idRiwayat,
      idRefDokumen: idRef,
      fileName: (file as File).name || 'dokumen.pdf',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    // One document per riwayat and reference: uploading again replaces it (as SIASN's peremajaan does).
    const i = this.documents.findIndex((d) => d.idRiwayat === idRiwayat && d.idRefDokumen === idRef);
    if (i >= 0) this.documents[i] = doc;
    else this.documents.push(doc);
    return new Answer(200, { success: true, message: 'success', data: { dok_uri: `peremajaan/${idRiwayat}.pdf` } });
  }

  private nipOfPnsOrangId(id: string): string | undefined {
    return this.handedOut.get(id);
  }

  // ---- control -------------------------------------------------------------------------------------------

  private control(method: string, what: string, url: URL, body: Buffer): Answer {
    const b = parseJson(body) ?? {};
    if (method === 'GET' && what === 'state')
      return new Answer(200, {
        faults: this.faults,
        counters: this.counters,
        kursus: this.kursus.size,
        diklat: this.diklat.size,
        documents: this.documents.length,
      });
    if (method === 'POST' && what === 'faults') {
      this.faults = { ...NO_FAULTS, ...(b as Partial<SimFaults>) };
      return new Answer(200, this.faults);
    }
    if (method === 'POST' && what === 'reset') {
      this.reset();
      return new Answer(200, { reset: true });
    }
    if (method === 'POST' && what === 'expire-tokens') {
      this.expireTokens();
      return new Answer(200, { expired: true });
    }
    if (method === 'POST' && what === 'unknown-nips') {
      for (const nip of (b.nips as string[] | undefined) ?? []) this.markUnknownNip(nip);
      return new Answer(200, { unknown: [...this.unknownNips] });
    }
    if (method === 'POST' && what === 'ip-asn') {
      this.setIpAsn(String(b.nip), (b.score as Record<string, unknown>) ?? {});
      return new Answer(200, { ok: true });
    }
    const rec = /^records(?:\/(\d{18}))?$/.exec(what);
    if (method === 'GET' && rec)
      return new Answer(200, { kursus: this.records(rec[1]), diklat: this.diklatRecords(rec[1]) });
    if (method === 'GET' && what === 'documents') return new Answer(200, this.uploadedDocuments());
    return new Answer(404, { Error: 'Not Found', Message: `/_sim/${what} (${url.search})` });
  }

  /** data-utama is the only way to learn a pnsOrangId; remember it so writes can name the person. */
  private rememberPns(nip: string): string {
    const id = pnsOrangIdOf(nip);
    this.handedOut.set(id, nip);
    return id;
  }
}

/** A plausible IP ASN for a NIP (stable per NIP): the four dimensions of PermenPANRB 38/2018 and their sum. */
function demoIpAsn(nip: string): Record<string, unknown> {
  const h = createHash('sha256').update(`ipasn:${nip}`).digest();
  const kualifikasi = 5 + (h[0] % 21);
  const kompetensi = 10 + (h[1] % 31);
  const kinerja = 10 + (h[2] % 21);
  const disiplin = 1 + (h[3] % 5);
  return {
    nipBaru: nip,
    tahun: new Date().getUTCFullYear() - 1,
    kualifikasi,
    kompetensi,
    kinerja,
    disiplin,
    nilaiIpAsn: kualifikasi + kompetensi + kinerja + disiplin,
  };
}

function invalidAnswer(message: string): Answer {
  return new Answer(400, { success: false, message });
}

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

function parseJson(body: Buffer): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body.toString() || 'null');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 20 * 1024 * 1024) req.destroy(new Error('Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
