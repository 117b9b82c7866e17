import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * A local mail catcher for development and tests (issue 17, docs/notifications.md): a real SMTP server (smtp-server)
 * that accepts every message and keeps it in memory, parsed by mailparser, and an HTTP side that shows what was sent:
 * an HTML page (newest first, paginated), each message, a JSON list, and a way to clear. A switchable fault makes the
 * server answer a permanent refusal (5xx) so delivery's parking is testable. Nothing is relayed anywhere.
 *
 * HTTP: GET / (page), GET /messages/{id} (one message), GET /api/messages?page&pageSize&to (JSON),
 * DELETE /api/messages or POST /api/clear (clear), POST /api/faults {"reject": {"code": 550, "message": "…"} | null}.
 */

export interface CapturedMail {
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export interface MailCaptureOptions {
  /** 0: any free port. */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** Oldest messages are dropped past this many. */
  max?: number;
}

export interface MailCaptureFaults {
  /** Answer every message's data with this SMTP error (a 5xx is permanent) instead of accepting it. */
  reject: { code: number; message: string } | null;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '').filter(Boolean));

export class MailCapture {
  private readonly mails: CapturedMail[] = [];
  private faults: MailCaptureFaults = { reject: null };
  private smtp: SMTPServer | null = null;
  private http: Server | null = null;
  private waiters: Array<() => void> = [];
  /** After the first start, the ports taken: a restart (a test bringing the server back) listens on the same ones. */
  private readonly o: Required<MailCaptureOptions>;

  constructor(o: MailCaptureOptions = {}) {
    this.o = { smtpPort: o.smtpPort ?? 0, httpPort: o.httpPort ?? 0, host: o.host ?? '127.0.0.1', max: o.max ?? 1000 };
  }

  /** Starts both sides; answers the SMTP URL to send to and the page's origin. */
  /** What the last start answered. */
  lastStart: { smtpUrl: string; smtpPort: number; httpOrigin: string } | null = null;

  get running(): boolean {
    return this.smtp !== null;
  }

  async start(): Promise<{ smtpUrl: string; smtpPort: number; httpOrigin: string }> {
    this.smtp = new SMTPServer({
      // A local catcher: no TLS to negotiate, any (or no) login accepted.
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onAuth: (_auth, _session, cb) => cb(null, { user: 'capture' }),
      logger: false,
      banner: 'Kompeten mail capture',
      size: 10 * 1024 * 1024,
      onData: (stream, session, cb) => void this.receive(stream, session, cb),
    });
    const smtp = this.smtp;
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(this.o.smtpPort, this.o.host, () => resolve());
    });
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    this.o.smtpPort = smtpPort;
    this.http = createServer((req, res) => void this.route(req, res));
    const http = this.http;
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.o.httpPort, this.o.host, () => resolve());
    });
    const httpPort = (http.address() as AddressInfo).port;
    this.o.httpPort = httpPort;
    this.lastStart = {
      smtpUrl: `smtp://${this.o.host}:${smtpPort}`,
      smtpPort,
      httpOrigin: `http://${this.o.host}:${httpPort}`,
    };
    return this.lastStart;
  }

  async stop(): Promise<void> {
    const smtp = this.smtp;
    const http = this.http;
    this.smtp = null;
    this.http = null;
    if (smtp) await new Promise<void>((r) => smtp.close(() => r()));
    if (http) {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    }
  }

  /** Newest first. */
  messages(): CapturedMail[] {
    return [...this.mails].reverse();
  }

  clear(): void {
    this.mails.length = 0;
  }

  setFaults(f: Partial<MailCaptureFaults>): void {
    this.faults = { ...this.faults, ...f };
  }

  /** Resolves with the first message (newest first) that matches, waiting up to `timeoutMs` for it to arrive. */
  async waitFor(match: (m: CapturedMail) => boolean, timeoutMs = 10_000): Promise<CapturedMail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages().find(match);
      if (found) return found;
      const left = until - Date.now();
      if (left <= 0) throw new Error('No matching email arrived at the capture server in time');
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    cb: (err?: Error | null, message?: string) => void,
  ): Promise<void> {
    try {
      const parsed = await simpleParser(stream);
      const reject = this.faults.reject;
      if (reject) return cb(Object.assign(new Error(reject.message), { responseCode: reject.code }));
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      this.mails.push({
        id: randomUUID(),
        messageId: parsed.messageId ?? null,
        from: addresses(parsed.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
        to: envelopeTo.length ? envelopeTo : addresses(parsed.to),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : null,
        receivedAt: new Date().toISOString(),
      });
      if (this.mails.length > this.o.max) this.mails.splice(0, this.mails.length - this.o.max);
      for (const w of this.waiters.splice(0)) w();
      cb(null, 'Tersimpan di mail capture');
    } catch (e) {
      cb(e as Error);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://capture');
    const path = url.pathname;
    try {
      if (req.method === 'GET' && path === '/api/messages') return this.json(res, 200, this.page(url));
      if ((req.method === 'DELETE' && path === '/api/messages') || (req.method === 'POST' && path === '/api/clear')) {
        this.clear();
        if (req.method === 'POST' && !(req.headers.accept ?? '').includes('json')) {
          res.writeHead(303, { location: '/' });
          return void res.end();
        }
        return this.json(res, 200, { cleared: true });
      }
      if (req.method === 'POST' && path === '/api/faults') {
        const body = JSON.parse((await readBody(req)) || '{}') as Partial<MailCaptureFaults>;
        this.setFaults(body);
        return this.json(res, 200, this.faults);
      }
      if (req.method === 'GET' && path === '/') return this.html(res, 200, this.listPage(url));
      const one = /^\/messages\/([\w-]+)$/.exec(path);
      if (req.method === 'GET' && one) {
        const mail = this.mails.find((m) => m.id === one[1]);
        return mail
          ? this.html(res, 200, this.mailPage(mail))
          : this.html(res, 404, page('Tidak ditemukan', '<p>Email tidak ditemukan.</p>'));
      }
      this.json(res, 404, { error: 'not found' });
    } catch (e) {
      this.json(res, 400, { error: (e as Error).message });
    }
  }

  private page(url: URL) {
    const pageNo = Math.max(1, Number(url.searchParams.get('page')) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('pageSize')) || 20));
    const to = url.searchParams.get('to')?.toLowerCase();
    const all = this.messages().filter((m) => !to || m.to.some((t) => t.toLowerCase() === to));
    return { items: all.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: all.length, page: pageNo, pageSize };
  }

  private listPage(url: URL): string {
    const p = this.page(url);
    const rows = p.items
      .map(
        (m) =>
          `<tr><td>${esc(new Date(m.receivedAt).toLocaleString('id-ID', { timeZone: 'UTC' }))} UTC</td><td>${esc(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${esc(m.subject || '(tanpa subjek)')}</a></td></tr>`,
      )
      .join('\n');
    const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
    const nav = [
      p.page > 1 ? `<a href="/?page=${p.page - 1}">« Sebelumnya</a>` : '',
      `Halaman ${p.page} dari ${pages}`,
      p.page < pages ? `<a href="/?page=${p.page + 1}">Berikutnya »</a>` : '',
    ].join(' ');
    return page(
      `Email terkirim (${p.total})`,
      `<form method="post" action="/api/clear"><button type="submit">Hapus semua</button></form>
${p.total ? `<table><caption>Terbaru di atas</caption><thead><tr><th scope="col">Diterima</th><th scope="col">Kepada</th><th scope="col">Subjek</th></tr></thead><tbody>${rows}</tbody></table><p>${nav}</p>` : '<p>Belum ada email.</p>'}
<p><a href="/api/messages">JSON</a></p>`,
    );
  }

  private mailPage(m: CapturedMail): string {
    return page(
      m.subject || '(tanpa subjek)',
      `<p><a href="/">« Semua email</a></p>
<dl><dt>Dari</dt><dd>${esc(m.from)}</dd><dt>Kepada</dt><dd>${esc(m.to.join(', '))}</dd><dt>Message-ID</dt><dd>${esc(m.messageId ?? '')}</dd><dt>Diterima</dt><dd>${esc(m.receivedAt)}</dd></dl>
${m.html ? `<h2>HTML</h2><iframe title="Isi HTML email" sandbox srcdoc="${esc(m.html)}" style="width:100%;height:420px;border:1px solid #ccc"></iframe>` : ''}
<h2>Teks</h2><pre style="white-space:pre-wrap">${esc(m.text)}</pre>`,
    );
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private html(res: ServerResponse, status: number, body: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'",
    });
    res.end(body);
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Kompeten mail capture</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:960px;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}caption{text-align:left;color:#555}</style>
</head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c: Buffer) => {
      data += c.toString('utf8');
      if (data.length > 64 * 1024) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
