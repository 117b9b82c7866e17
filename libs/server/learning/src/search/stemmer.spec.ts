import { stemText, stemWord, tokenize } from './stemmer';

/** Real words of course titles, in the forms a learner types; every form of a row must reach the same root. */
const FAMILIES: Array<[root: string, forms: string[]]> = [
  ['layan', ['pelayanan', 'melayani', 'layanan', 'dilayani']],
  ['awas', ['pengawasan', 'mengawasi', 'diawasi', 'pengawas']],
  ['ajar', ['pembelajaran', 'belajar', 'mempelajari', 'pelajaran']],
  ['pegawai', ['kepegawaian', 'pegawai']],
  ['mutakhir', ['pemutakhiran', 'dimutakhirkan', 'memutakhirkan', 'mutakhir']],
  ['latih', ['pelatihan', 'melatih', 'dilatih', 'latihan']],
  ['rencana', ['perencanaan', 'merencanakan', 'direncanakan', 'rencana']],
  ['pimpin', ['kepemimpinan', 'memimpin', 'pemimpin']],
  ['susun', ['penyusunan', 'menyusun', 'disusun']],
  ['tahu', ['pengetahuan', 'mengetahui', 'tahu']],
  ['akhlak', ['berakhlak', 'akhlak']],
  // These four need the corrections in stemmer.ts: Sastrawi alone leaves pengembangan, mengembangkan, pengelolaan
  // and mengelola unstemmed, and turns menilai into "ilai" and mengenal into "nal".
  ['kembang', ['pengembangan', 'mengembangkan', 'dikembangkan', 'berkembang']],
  ['kelola', ['pengelolaan', 'mengelola', 'dikelola', 'kelola']],
  ['nilai', ['penilaian', 'menilai', 'dinilai', 'nilai']],
  ['kenal', ['pengenalan', 'mengenal', 'memperkenalkan']],
];

describe('Indonesian stemming for catalog search', () => {
  it.each(FAMILIES)('stems every form to "%s"', (root, forms) => {
    expect(Object.fromEntries(forms.map((f) => [f, stemWord(f)]))).toEqual(
      Object.fromEntries(forms.map((f) => [f, root])),
    );
  });

  it('shows where it still fails (known limitations, kept visible)', () => {
    // Sastrawi reads pengemasan/mengemas as peN-/meN- + "mas" (a dictionary root) before our k-restoring fallback
    // can run, so the two find each other but miss kemasan.
    expect([stemWord('pengemasan'), stemWord('mengemas'), stemWord('kemasan')]).toEqual(['mas', 'mas', 'kemas']);
    // Loanwords are not stemmed: akuntabel/akuntabilitas and digital/digitalisasi stay apart.
    expect(stemWord('akuntabilitas')).not.toBe(stemWord('akuntabel'));
    expect(stemWord('digitalisasi')).not.toBe(stemWord('digital'));
  });

  it('tokenizes titles: lower case, accents and punctuation gone, stopwords dropped', () => {
    expect(tokenize('Pelayanan Publik yang BerAKHLAK: e-Learning SIASN 2026')).toEqual([
      'pelayanan',
      'publik',
      'berakhlak',
      'learning',
      'siasn',
      '2026',
    ]);
    expect(stemText('Pelayanan Publik yang BerAKHLAK', null, 'Pemutakhiran data di SIASN')).toBe(
      'layan publik akhlak mutakhir data siasn',
    );
  });

  it('stems a query the way it stems a title, so one form finds the others', () => {
    expect(stemText('Melayani Masyarakat dengan Hati')).toContain(stemText('pelayanan'));
    expect(stemText('Teknik Pengawasan Keuangan Daerah')).toContain(stemText('mengawasi'));
  });
});
