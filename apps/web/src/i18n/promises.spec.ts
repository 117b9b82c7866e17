import { en } from './en';
import { id } from './id';

// issue 13 ("the completion screen promises nothing the platform does not yet do"): there is no JP ledger, no
// certificate and no SIASN push yet, so no text a learner sees may say they happen. When one of them lands, its feature
// removes its word from this list.
const NOT_BUILT = [/sertifikat/i, /certificate/i, /JP (akan )?dicatat/i, /JP will be recorded/i, /dikirim ke SIASN/i, /sent to SIASN/i];

function strings(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('what the learner is promised', () => {
  it.each([['id', id], ['en', en]] as const)('the %s catalog promises no certificate, JP record or SIASN push', (_lang, catalog) => {
    const learner = strings(catalog).filter(([path]) => /^(learning|myLearning|quiz|attempt|catalog|enrolment)\./.test(path));
    expect(learner.length).toBeGreaterThan(10);
    expect(learner.filter(([, text]) => NOT_BUILT.some((re) => re.test(text)))).toEqual([]);
  });

  it('the completion message says only that the completion is recorded', () => {
    expect(id.learning.completedMessage).toBe('Anda telah menyelesaikan kursus ini. Penyelesaiannya tercatat di Pembelajaran saya.');
    expect(en.learning.completedMessage).toBe('You completed this course. The completion is recorded in My learning.');
  });
});
