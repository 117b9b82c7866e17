/**
 * What a video lesson's URL is, judged the same way by the server (refused at entry when it can be neither played nor
 * embedded) and the web player (which player to use). Trainers share YouTube and Vimeo links as they copy them from
 * the address bar or the share button, or a direct link to a video file (docs/learning.md, "Video lessons").
 */
export type VideoSource =
  | { kind: 'youtube'; id: string; startSeconds?: number }
  | { kind: 'vimeo'; id: string; hash?: string }
  | { kind: 'file'; url: string };

export type VideoUrlVerdict = { ok: true; source: VideoSource } | { ok: false; reason: string };

/** Video files a browser plays in a <video> element everywhere (Chromium, Firefox, Safari on phones). */
const PLAYABLE_EXTENSIONS = ['mp4', 'm4v', 'webm', 'ogv'];
/** Video files browsers do not play, with the reason given to the author. */
const UNPLAYABLE_EXTENSIONS: Record<string, string> = {
  avi: 'AVI',
  wmv: 'WMV',
  flv: 'Flash (FLV)',
  mkv: 'MKV',
  mov: 'QuickTime (MOV)',
  mpg: 'MPEG-1/2',
  mpeg: 'MPEG-1/2',
  '3gp': '3GP',
  m3u8: 'HLS (m3u8)',
  mpd: 'DASH (mpd)',
};

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com']);
const YOUTUBE_NOCOOKIE_HOSTS = new Set(['youtube-nocookie.com', 'www.youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i;

/** Pages that host video but cannot be embedded or played by us, with why (the author sees this). */
const KNOWN_PAGES: Array<[RegExp, string]> = [
  [
    /(^|\.)drive\.google\.com$|(^|\.)docs\.google\.com$/,
    'tautan Google Drive membuka halaman Google, bukan berkas video; unduh videonya lalu unggah di sini, atau unggah ke YouTube',
  ],
  [
    /(^|\.)facebook\.com$|(^|\.)fb\.watch$/,
    'video Facebook tidak dapat disematkan dan dilacak; unggah ke YouTube/Vimeo atau unggah berkasnya',
  ],
  [/(^|\.)instagram\.com$/, 'video Instagram tidak dapat disematkan dan dilacak; unggah berkasnya di sini'],
  [/(^|\.)tiktok\.com$/, 'video TikTok tidak dapat disematkan dan dilacak; unggah berkasnya di sini'],
  [
    /(^|\.)dailymotion\.com$|(^|\.)dai\.ly$/,
    'Dailymotion belum didukung; gunakan YouTube, Vimeo, atau unggah berkasnya',
  ],
];

function fileExtension(pathname: string): string {
  const last = pathname.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

/** "1m30s", "90s" or "90" (YouTube's t= / start=) in seconds; undefined when absent or unreadable. */
function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) || undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || !(m[1] || m[2] || m[3])) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) || undefined;
}

function youtube(url: URL): VideoUrlVerdict {
  const refuse = (why: string): VideoUrlVerdict => ({ ok: false, reason: `Tautan YouTube ini ${why}` });
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (['embed', 'shorts', 'live', 'v', 'e'].includes(parts[0])) id = parts[1];
  else if (parts[0] === 'playlist' || url.searchParams.has('list'))
    return refuse('menunjuk daftar putar, bukan satu video; buka videonya lalu salin tautannya');
  else if (parts[0] === 'channel' || parts[0] === 'c' || parts[0] === 'user' || parts[0]?.startsWith('@'))
    return refuse('menunjuk kanal, bukan satu video; buka videonya lalu salin tautannya');
  if (!id)
    return refuse(
      'tidak menyebut video mana (contoh yang benar: https://www.youtube.com/watch?v=… atau https://youtu.be/…)',
    );
  if (!YOUTUBE_ID.test(id)) return refuse(`memuat kode video "${id}" yang tidak sah (kode video YouTube 11 karakter)`);
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return { ok: true, source: { kind: 'youtube', id, ...(start ? { startSeconds: start } : {}) } };
}

function vimeo(url: URL): VideoUrlVerdict {
  const parts = url.pathname.split('/').filter(Boolean);
  // vimeo.com/123, vimeo.com/123/abcdef (unlisted), vimeo.com/channels/x/123, player.vimeo.com/video/123?h=abcdef
  const idAt = parts.findIndex((p) => VIMEO_ID.test(p));
  if (idAt < 0)
    return {
      ok: false,
      reason:
        'Tautan Vimeo ini tidak menyebut video mana (contoh yang benar: https://vimeo.com/123456789); buka videonya lalu salin tautannya',
    };
  const hash =
    url.searchParams.get('h') ?? (parts[idAt + 1] && VIMEO_HASH.test(parts[idAt + 1]) ? parts[idAt + 1] : undefined);
  return { ok: true, source: { kind: 'vimeo', id: parts[idAt], ...(hash ? { hash } : {}) } };
}

/**
 * Whether a video lesson's URL can be played (a video file) or embedded (YouTube, Vimeo), and how; otherwise why not,
 * in Bahasa Indonesia, for the author. Pure: it looks at the URL only (nothing is fetched).
 */
export function parseVideoUrl(raw: string): VideoUrlVerdict {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'Alamat video bukan URL yang lengkap; salin dari bilah alamat, diawali https://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'Alamat video harus diawali https://' };
  const host = url.hostname.toLowerCase();
  if (YOUTUBE_HOSTS.has(host) || YOUTUBE_NOCOOKIE_HOSTS.has(host) || host === 'youtu.be') return youtube(url);
  if (VIMEO_HOSTS.has(host)) return vimeo(url);
  for (const [pattern, why] of KNOWN_PAGES)
    if (pattern.test(host)) return { ok: false, reason: `Alamat ini tidak dapat diputar: ${why}` };
  const ext = fileExtension(url.pathname);
  if (PLAYABLE_EXTENSIONS.includes(ext)) {
    if (url.protocol !== 'https:')
      return {
        ok: false,
        reason: 'Berkas video harus diakses lewat https://; peramban menolak memutar video http di halaman yang aman',
      };
    return { ok: true, source: { kind: 'file', url: url.toString() } };
  }
  if (UNPLAYABLE_EXTENSIONS[ext])
    return {
      ok: false,
      reason: `Berkas video berformat ${UNPLAYABLE_EXTENSIONS[ext]} tidak dapat diputar peramban; ubah ke MP4 (H.264) atau WebM lalu unggah, atau unggah ke YouTube`,
    };
  return {
    ok: false,
    reason:
      'Alamat ini bukan video YouTube, video Vimeo, atau berkas video (.mp4/.webm); halaman web biasa tidak dapat diputar dan tontonannya tidak dapat dihitung. Gunakan tautan YouTube/Vimeo atau unggah berkas videonya',
  };
}

/** The YouTube or Vimeo player address for an embeddable source (what the web puts in the iframe). */
export function embedUrl(source: VideoSource, origin?: string): string | null {
  if (source.kind === 'youtube') {
    const params = new URLSearchParams({ enablejsapi: '1', playsinline: '1', rel: '0' });
    if (origin) params.set('origin', origin);
    if (source.startSeconds) params.set('start', String(source.startSeconds));
    return `https://www.youtube.com/embed/${source.id}?${params.toString()}`;
  }
  if (source.kind === 'vimeo') {
    const params = new URLSearchParams({ dnt: '1' });
    if (source.hash) params.set('h', source.hash);
    return `https://player.vimeo.com/video/${source.id}?${params.toString()}`;
  }
  return null;
}
