import { contextWords, passwordProblem } from './password';

const nurul = {
  nip: '198609262015051001',
  fullName: 'Baiq Nurul Aini',
  agencyName: 'Pemerintah Kota Mataram',
  email: 'nurul.aini@mataramkota.go.id',
};

describe('passwordProblem', () => {
  it('keeps today\u2019s length and character rules', () => {
    expect(passwordProblem('pendek1')).toMatch(/minimal 10/);
    expect(passwordProblem('hanyahurufsaja')).toMatch(/huruf dan angka/);
    expect(passwordProblem('12345678901234')).toMatch(/huruf dan angka/);
    expect(passwordProblem(`a1${'x'.repeat(199)}`)).toMatch(/maksimal 200/);
  });

  it.each([
    'Password123!',
    'Bismillah123',
    'Bismillah2024!',
    'qwerty12345',
    'Indonesia2024',
    'Sayang12345',
    'Rahasia123456',
    'Merdeka1945!',
    'abcd1234abcd',
  ])('refuses the common password %s', (pw) => expect(passwordProblem(pw)).toMatch(/mudah ditebak|kompeten/));

  it.each(['Kompeten#2026', 'kompeten2026', 'SayaKOMPETEN99'])('refuses "kompeten" in %s for everyone', (pw) =>
    expect(passwordProblem(pw)).toMatch(/kompeten/),
  );

  it.each(['Nurulaini1990', 'Aini-26092015', 'x198609262015051001', 'Baiq19860926!', 'Mataram2024-ok', 'nurul.aini99'])(
    'refuses %s, built from the user\u2019s own name, NIP, agency or email',
    (pw) => {
      expect(passwordProblem(pw, nurul)).not.toBeNull();
    },
  );

  it.each(['SehatSelalu2026', 'Jalan-Pelangi-9-Biru', 'tujuh belas 17 kuda', 'Diambilalih2026', 'GuruHebat2026'])(
    'accepts the strong %s',
    (pw) => {
      expect(passwordProblem(pw, nurul)).toBeNull();
    },
  );

  it('takes context words of at least 4 characters, the email local part and the NIP\u2019s birth date', () => {
    expect(contextWords(nurul)).toEqual(
      expect.arrayContaining([
        'kompeten',
        'baiq',
        'nurul',
        'aini',
        'pemerintah',
        'mataram',
        'nurul.aini',
        '198609262015051001',
        '19860926',
      ]),
    );
    expect(contextWords({ fullName: 'Ali Bin Umar' })).toEqual(['kompeten', 'umar']);
  });
});
