import { mayHostAt, sessionProblem } from './community-rules';

describe('community rules', () => {
  const today = '2026-12-04';
  it.each([
    ['2026-12-04', 90, null],
    ['2026-12-05', 90, 'Pertemuan yang belum terjadi tidak dapat dicatat'],
    ['2025-12-03', 90, 'Pertemuan lebih dari setahun yang lalu tidak dapat dicatat'],
    ['2025-12-04', 90, null],
    ['2026-02-30', 90, 'Tanggal pertemuan tidak valid'],
    ['04-12-2026', 90, 'Tanggal pertemuan tidak valid'],
    ['2026-12-01', 14, 'Durasi pertemuan 15–1440 menit'],
    ['2026-12-01', 1441, 'Durasi pertemuan 15–1440 menit'],
    ['2026-12-01', 30.5, 'Durasi pertemuan 15–1440 menit'],
  ])('a session on %s lasting %s minutes: %s', (heldOn, minutes, problem) => {
    expect(sessionProblem(heldOn, minutes, today)).toBe(problem);
  });

  it('an ASN widyaiswara or admin of the agency hosts a community there', () => {
    expect(mayHostAt({ isAsn: true, adminThere: false, widyaiswaraThere: true })).toBe(true);
    expect(mayHostAt({ isAsn: true, adminThere: true, widyaiswaraThere: false })).toBe(true);
    expect(mayHostAt({ isAsn: true, adminThere: false, widyaiswaraThere: false })).toBe(false);
    expect(mayHostAt({ isAsn: false, adminThere: true, widyaiswaraThere: true })).toBe(false);
  });
});
