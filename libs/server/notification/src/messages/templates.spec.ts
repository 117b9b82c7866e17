import {
  certificateIssuedMessage,
  enrolmentDecidedMessage,
  jpClaimDecidedMessage,
  SETUP_LINK_PLACEHOLDER,
  setupLinkMessage,
  withSetupLink,
} from './templates';

const URL = 'https://kompeten.ntbprov.go.id';
const NAME = 'Dr. Baiq Nurul Aini, S.E., M.M.';

describe('notification messages', () => {
  it('certificate issued: the in-app title the issue names, a link to /sertifikat, an email with PUBLIC_URL', () => {
    const m = certificateIssuedMessage(URL, {
      name: NAME,
      courseName: 'Pelayanan Publik Prima',
      number: '800/0007/BPSDM/2026',
    });
    expect(m).toMatchObject({ kind: 'certificate_issued', title: 'Sertifikat Anda telah terbit', link: '/sertifikat' });
    expect(m.body).toBe(
      'Sertifikat "Pelayanan Publik Prima" nomor 800/0007/BPSDM/2026 telah terbit dan dapat diunduh.',
    );
    expect(m.email.subject).toBe('Sertifikat Anda telah terbit: Pelayanan Publik Prima');
    expect(m.email.text).toContain(`Yth. ${NAME},`);
    expect(m.email.text).toContain(`Lihat sertifikat: ${URL}/sertifikat`);
    expect(m.email.html).toContain(`href="${URL}/sertifikat"`);
    expect(m.email.html).toContain('lang="id"');
  });

  it('enrolment approved and rejected say so in Indonesian; a reason is given when there is one', () => {
    const ok = enrolmentDecidedMessage(URL, {
      name: NAME,
      courseTitle: 'BerAKHLAK',
      outcome: 'approved',
      reason: null,
    });
    expect(ok).toMatchObject({ kind: 'enrolment_approved', title: 'Pendaftaran disetujui', link: '/belajar' });
    expect(ok.body).toBe('Pendaftaran Anda pada pelatihan "BerAKHLAK" telah disetujui. Anda dapat mulai belajar.');
    expect(ok.email.text).toContain(`${URL}/belajar`);
    const no = enrolmentDecidedMessage(URL, {
      name: NAME,
      courseTitle: 'BerAKHLAK',
      outcome: 'rejected',
      reason: 'Kuota penuh',
    });
    expect(no).toMatchObject({ kind: 'enrolment_rejected', title: 'Pendaftaran ditolak' });
    expect(no.body).toBe('Pendaftaran Anda pada pelatihan "BerAKHLAK" ditolak. Alasan: Kuota penuh');
    expect(no.email.subject).toBe('Pendaftaran ditolak: BerAKHLAK');
  });

  it('JP claims: verified with the JP credited (Indonesian decimal comma), rejected with the reason', () => {
    const ok = jpClaimDecidedMessage(URL, {
      name: NAME,
      title: 'Workshop SIASN',
      outcome: 'verified',
      reason: null,
      creditedJp: 4.5,
    });
    expect(ok).toMatchObject({ kind: 'jp_claim_verified', title: 'Klaim JP diverifikasi', link: '/jp' });
    expect(ok.body).toBe('Klaim pengembangan kompetensi "Workshop SIASN" telah diverifikasi dan 4,5 JP dicatat.');
    const no = jpClaimDecidedMessage(URL, {
      name: NAME,
      title: 'Workshop SIASN',
      outcome: 'rejected',
      reason: 'Sertifikat tidak terbaca',
      creditedJp: null,
    });
    expect(no.body).toBe('Klaim pengembangan kompetensi "Workshop SIASN" ditolak. Alasan: Sertifikat tidak terbaca');
    expect(no.email.text).toContain(`${URL}/jp`);
  });

  it('escapes what people typed in the HTML, never in the text', () => {
    const m = jpClaimDecidedMessage(URL, {
      name: '<b>Lalu</b>',
      title: 'A & B <script>',
      outcome: 'rejected',
      reason: '"x"',
      creditedJp: null,
    });
    expect(m.email.html).not.toContain('<script>');
    expect(m.email.html).toContain('A &amp; B &lt;script&gt;');
    expect(m.email.html).toContain('&lt;b&gt;Lalu&lt;/b&gt;');
    expect(m.email.text).toContain('A & B <script>');
  });

  it('the password link is a placeholder until sent, with the expiry in the person’s zone', () => {
    const m = setupLinkMessage({
      name: 'Lalu Ahmad',
      purpose: 'reset',
      expiresAt: new Date('2026-12-07T10:00:00Z'),
      zone: 'Asia/Makassar',
    });
    expect(m).toMatchObject({ kind: 'password_setup_link', link: null });
    expect(m.email.subject).toBe('Atur ulang kata sandi Kompeten');
    expect(m.email.text).toContain('berlaku sampai 7 Des 2026 18.00 WITA');
    expect(m.email.text).toContain(SETUP_LINK_PLACEHOLDER);
    const sent = withSetupLink(m.email, `${URL}/atur-kata-sandi/abc_DEF-123`);
    expect(sent.text).toContain(`Buat kata sandi: ${URL}/atur-kata-sandi/abc_DEF-123`);
    expect(sent.html).toContain(`href="${URL}/atur-kata-sandi/abc_DEF-123"`);
    expect(sent.text + sent.html).not.toContain(SETUP_LINK_PLACEHOLDER);
    expect(
      setupLinkMessage({ name: 'X', purpose: 'setup', expiresAt: new Date(), zone: 'Asia/Jakarta' }).email.subject,
    ).toBe('Buat kata sandi akun Kompeten Anda');
  });
});
