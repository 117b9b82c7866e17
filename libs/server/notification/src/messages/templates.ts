import type { AgencyTimeZone, NotificationKind } from '@kompeten/shared-contracts';
import { formatInZone } from '@kompeten/shared-util';

/**
 * The words of every notification (issue 17): the in-app title, body and link, and the email's subject, text and HTML.
 * Pure: the jobs read the facts, these say them. Indonesian (the platform's language); links are absolute in email
 * (PUBLIC_URL) and paths in the app.
 */
export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the web app. */
  link: string | null;
  email: { subject: string; text: string; html: string };
}

/** Where the password link goes in a setup-link email body until it is minted at sending (decision 0032). */
export const SETUP_LINK_PLACEHOLDER = '{{setup_link_url}}';

const PRODUCT = 'Kompeten';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** A plain greeting + paragraphs + one button-like link, as text and as simple HTML (no remote images, no tracking). */
function email(
  subject: string,
  name: string,
  paragraphs: string[],
  action: { label: string; url: string } | null,
): Message['email'] {
  const greeting = `Yth. ${name},`;
  const footer = `Email ini dikirim otomatis oleh ${PRODUCT}. Anda dapat mengatur email yang Anda terima di halaman Profil.`;
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '--',
    footer,
  ].join('\n');
  const url = action ? (action.url === SETUP_LINK_PLACEHOLDER ? action.url : escapeHtml(action.url)) : '';
  const html = `<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;color:#1a1a1a;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>\n<p style="font-size:13px">Atau buka: ${url}</p>` : ''}
<hr><p style="font-size:12px;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}

const jpText = (jp: number) => `${jp.toLocaleString('id-ID', { maximumFractionDigits: 2 })} JP`;

export function certificateIssuedMessage(
  publicUrl: string,
  f: { name: string; courseName: string; number: string },
): Message {
  const body = `Sertifikat "${f.courseName}" nomor ${f.number} telah terbit dan dapat diunduh.`;
  return {
    kind: 'certificate_issued',
    title: 'Sertifikat Anda telah terbit',
    body,
    link: '/sertifikat',
    email: email(`Sertifikat Anda telah terbit: ${f.courseName}`, f.name, [body], {
      label: 'Lihat sertifikat',
      url: `${publicUrl}/sertifikat`,
    }),
  };
}

export function enrolmentDecidedMessage(
  publicUrl: string,
  f: { name: string; courseTitle: string; outcome: 'approved' | 'rejected'; reason: string | null },
): Message {
  if (f.outcome === 'approved') {
    const body = `Pendaftaran Anda pada pelatihan "${f.courseTitle}" telah disetujui. Anda dapat mulai belajar.`;
    return {
      kind: 'enrolment_approved',
      title: 'Pendaftaran disetujui',
      body,
      link: '/belajar',
      email: email(`Pendaftaran disetujui: ${f.courseTitle}`, f.name, [body], {
        label: 'Mulai belajar',
        url: `${publicUrl}/belajar`,
      }),
    };
  }
  const reason = f.reason ? ` Alasan: ${f.reason}` : '';
  const body = `Pendaftaran Anda pada pelatihan "${f.courseTitle}" ditolak.${reason}`;
  return {
    kind: 'enrolment_rejected',
    title: 'Pendaftaran ditolak',
    body,
    link: '/katalog',
    email: email(
      `Pendaftaran ditolak: ${f.courseTitle}`,
      f.name,
      [body, 'Hubungi atasan langsung Anda bila ada pertanyaan.'],
      { label: 'Lihat katalog pelatihan', url: `${publicUrl}/katalog` },
    ),
  };
}

export function jpClaimDecidedMessage(
  publicUrl: string,
  f: {
    name: string;
    title: string;
    outcome: 'verified' | 'rejected';
    reason: string | null;
    creditedJp: number | null;
  },
): Message {
  if (f.outcome === 'verified') {
    const credited = f.creditedJp !== null ? ` dan ${jpText(f.creditedJp)} dicatat` : '';
    const body = `Klaim pengembangan kompetensi "${f.title}" telah diverifikasi${credited}.`;
    return {
      kind: 'jp_claim_verified',
      title: 'Klaim JP diverifikasi',
      body,
      link: '/jp',
      email: email(`Klaim JP diverifikasi: ${f.title}`, f.name, [body], {
        label: 'Lihat JP saya',
        url: `${publicUrl}/jp`,
      }),
    };
  }
  const body = `Klaim pengembangan kompetensi "${f.title}" ditolak.${f.reason ? ` Alasan: ${f.reason}` : ''}`;
  return {
    kind: 'jp_claim_rejected',
    title: 'Klaim JP ditolak',
    body,
    link: '/jp',
    email: email(
      `Klaim JP ditolak: ${f.title}`,
      f.name,
      [body, 'Anda dapat memperbaiki data atau buktinya lalu mengajukan klaim baru.'],
      { label: 'Lihat klaim saya', url: `${publicUrl}/jp` },
    ),
  };
}

/** The password link email; its URL is `SETUP_LINK_PLACEHOLDER`, replaced by a freshly minted link when sent. */
export function setupLinkMessage(f: {
  name: string;
  purpose: 'setup' | 'reset';
  expiresAt: Date;
  zone: AgencyTimeZone;
}): Message {
  const until = formatInZone(f.expiresAt, f.zone);
  const body =
    f.purpose === 'setup'
      ? `Akun ${PRODUCT} Anda telah dibuat. Buat kata sandi Anda melalui tautan di bawah ini.`
      : `Kata sandi akun ${PRODUCT} Anda telah diatur ulang. Buat kata sandi baru melalui tautan di bawah ini.`;
  const subject = f.purpose === 'setup' ? `Buat kata sandi akun ${PRODUCT} Anda` : `Atur ulang kata sandi ${PRODUCT}`;
  return {
    kind: 'password_setup_link',
    title: subject,
    body,
    link: null,
    email: email(
      subject,
      f.name,
      [
        body,
        `Tautan ini hanya dapat dipakai sekali dan berlaku sampai ${until}.`,
        'Jika Anda tidak merasa meminta ini, abaikan email ini dan hubungi pengelola kepegawaian Anda.',
      ],
      { label: 'Buat kata sandi', url: SETUP_LINK_PLACEHOLDER },
    ),
  };
}

/** Replaces the placeholder with the minted link in a stored email. */
export function withSetupLink(e: { text: string; html: string }, url: string): { text: string; html: string } {
  return {
    text: e.text.split(SETUP_LINK_PLACEHOLDER).join(url),
    html: e.html.split(SETUP_LINK_PLACEHOLDER).join(escapeHtml(url)),
  };
}

const PLACE: Record<'course' | 'class' | 'community', string> = {
  course: 'diskusi pelatihan',
  class: 'diskusi kelas',
  community: 'diskusi komunitas',
};

/** Someone @mentioned the recipient in a discussion post (decision 0039). */
export function discussionMentionMessage(
  publicUrl: string,
  f: { name: string; authorName: string; threadTitle: string; place: 'course' | 'class' | 'community'; link: string },
): Message {
  const body = `${f.authorName} menyebut Anda di ${PLACE[f.place]} "${f.threadTitle}".`;
  return {
    kind: 'discussion_mention',
    title: 'Anda disebut dalam diskusi',
    body,
    link: f.link,
    email: email(`Anda disebut dalam diskusi: ${f.threadTitle}`, f.name, [body], {
      label: 'Buka diskusi',
      url: `${publicUrl}${f.link}`,
    }),
  };
}

/** Someone replied to a thread the recipient started (decision 0039). */
export function discussionReplyMessage(
  publicUrl: string,
  f: { name: string; authorName: string; threadTitle: string; place: 'course' | 'class' | 'community'; link: string },
): Message {
  const body = `${f.authorName} membalas topik Anda "${f.threadTitle}" di ${PLACE[f.place]}.`;
  return {
    kind: 'discussion_reply',
    title: 'Balasan baru pada topik Anda',
    body,
    link: f.link,
    email: email(`Balasan baru: ${f.threadTitle}`, f.name, [body], {
      label: 'Buka diskusi',
      url: `${publicUrl}${f.link}`,
    }),
  };
}
