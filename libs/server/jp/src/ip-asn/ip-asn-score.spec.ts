import type { IpAsnSchemeRules, PositionKind } from '@kompeten/shared-contracts';
import { categoryOf, estimateCompetency, matchRows, schemeProblems, windowOf, type InputSum } from './ip-asn-score';

// DOMAIN.md §4, the competency dimension of the 2019 scheme, written out by hand for these cases.
const SEMINAR = { forms: [4, 9, 10, 11] };
const TECHNICAL = [{ forms: [3, 8] }, { forms: [16, 17], competencyKinds: ['teknis' as const] }];
const RULES: IpAsnSchemeRules = {
  maxPoints: 40,
  jobKinds: {
    struktural: [
      {
        key: 'kepemimpinan',
        label: 'Kepemimpinan',
        points: 15,
        match: [{ forms: [1, 5] }],
        minJp: null,
        lookbackYears: null,
      },
      { key: 'teknis', label: 'Teknis ≥ 20 JP', points: 15, match: TECHNICAL, minJp: 20, lookbackYears: 1 },
      { key: 'seminar', label: 'Seminar', points: 10, match: [SEMINAR], minJp: null, lookbackYears: 2 },
    ],
    fungsional: [
      { key: 'fungsional', label: 'Fungsional', points: 15, match: [{ forms: [2] }], minJp: null, lookbackYears: null },
      { key: 'teknis', label: 'Teknis ≥ 20 JP', points: 15, match: TECHNICAL, minJp: 20, lookbackYears: 1 },
      { key: 'seminar', label: 'Seminar', points: 10, match: [SEMINAR], minJp: null, lookbackYears: 2 },
    ],
    pelaksana: [
      { key: 'teknis', label: 'Teknis ≥ 20 JP', points: 22.5, match: TECHNICAL, minJp: 20, lookbackYears: 1 },
      { key: 'seminar', label: 'Seminar', points: 17.5, match: [SEMINAR], minJp: null, lookbackYears: 2 },
    ],
  },
};
const BANDS = [
  { min: 91, label: 'Sangat Tinggi' },
  { min: 81, label: 'Tinggi' },
  { min: 71, label: 'Sedang' },
  { min: 61, label: 'Rendah' },
  { min: 0, label: 'Sangat Rendah' },
];

const sums = (o: Record<string, number>) =>
  new Map<string, InputSum>(Object.entries(o).map(([k, jp]) => [k, { jp, lines: jp > 0 ? 1 : 0 }]));
const estimate = (kind: PositionKind | null, o: Record<string, number> = {}) =>
  estimateCompetency(RULES, kind, 2026, sums(o));
const earned = (kind: PositionKind, o: Record<string, number>) =>
  Object.fromEntries(estimate(kind, o).inputs.map((i) => [i.key, i.pointsEarned]));

describe('IP ASN competency estimate (DOMAIN.md §4, hand-computed)', () => {
  it.each([
    // struktural: leadership 15, technical ≥ 20 JP 15, seminar/workshop/magang/kursus 10
    ['struktural', {}, 0, 0],
    ['struktural', { kepemimpinan: 40 }, 15, 37.5],
    ['struktural', { teknis: 20 }, 15, 37.5],
    ['struktural', { teknis: 19.5 }, 0, 0],
    ['struktural', { seminar: 2 }, 10, 25],
    ['struktural', { kepemimpinan: 40, teknis: 19.99, seminar: 3 }, 25, 62.5],
    ['struktural', { kepemimpinan: 40, teknis: 24, seminar: 3 }, 40, 100],
    // fungsional: functional training 15, technical 15, seminar 10
    ['fungsional', {}, 0, 0],
    ['fungsional', { fungsional: 30 }, 15, 37.5],
    ['fungsional', { teknis: 21, seminar: 8 }, 25, 62.5],
    ['fungsional', { fungsional: 30, teknis: 21, seminar: 8 }, 40, 100],
    // pelaksana: technical ≥ 20 JP 22.5, seminar 17.5 (no leadership or functional input)
    ['pelaksana', {}, 0, 0],
    ['pelaksana', { teknis: 20 }, 22.5, 56.3],
    ['pelaksana', { seminar: 4 }, 17.5, 43.8],
    ['pelaksana', { teknis: 20, seminar: 4 }, 40, 100],
    ['pelaksana', { teknis: 12, seminar: 0 }, 0, 0],
  ] as const)('%s with %j earns %d points (%d %% of 40)', (kind, input, points, percent) => {
    const e = estimate(kind, input);
    expect({ points: e.points, percent: e.percent, maxPoints: e.maxPoints }).toEqual({
      points,
      percent,
      maxPoints: 40,
    });
  });

  it('shows every input of the job kind with what it earned, met or not', () => {
    expect(earned('struktural', { kepemimpinan: 40, teknis: 12 })).toEqual({ kepemimpinan: 15, teknis: 0, seminar: 0 });
    expect(earned('fungsional', { seminar: 1 })).toEqual({ fungsional: 0, teknis: 0, seminar: 10 });
    expect(earned('pelaksana', { teknis: 25 })).toEqual({ teknis: 22.5, seminar: 0 });
    const [teknis] = estimate('pelaksana', { teknis: 12.5 }).inputs;
    expect(teknis).toMatchObject({
      key: 'teknis',
      jp: 12.5,
      minJp: 20,
      met: false,
      pointsPossible: 22.5,
      years: [2026, 2026],
    });
  });

  it('estimates nothing without a job kind', () => {
    expect(estimate(null, { teknis: 40 })).toEqual({ points: null, maxPoints: 40, percent: null, inputs: [] });
  });

  it('counts the years of each input back from the report year, that year included', () => {
    expect(windowOf({ lookbackYears: 1 }, 2026)).toEqual([2026, 2026]);
    expect(windowOf({ lookbackYears: 2 }, 2026)).toEqual([2025, 2026]);
    expect(windowOf({ lookbackYears: null }, 2026)).toEqual([null, 2026]);
    const rows = matchRows(RULES, 2026);
    expect(rows.filter((r) => r.job_kind === 'pelaksana')).toEqual([
      { job_kind: 'pelaksana', rule_key: 'teknis', from_year: 2026, forms: [3, 8], kinds: null },
      { job_kind: 'pelaksana', rule_key: 'teknis', from_year: 2026, forms: [16, 17], kinds: ['teknis'] },
      { job_kind: 'pelaksana', rule_key: 'seminar', from_year: 2025, forms: [4, 9, 10, 11], kinds: null },
    ]);
  });

  it.each([
    [100, 'Sangat Tinggi'],
    [91, 'Sangat Tinggi'],
    [90.99, 'Tinggi'],
    [81, 'Tinggi'],
    [80.5, 'Sedang'],
    [71, 'Sedang'],
    [61, 'Rendah'],
    [60.99, 'Sangat Rendah'],
    [0, 'Sangat Rendah'],
  ])('bands a whole IP ASN of %d as %s (≥ boundaries)', (score, label) => {
    expect(categoryOf(score, BANDS)).toBe(label);
  });

  it('accepts the 2019 scheme and names what is wrong with a broken one', () => {
    expect(schemeProblems(RULES, BANDS)).toEqual([]);
    const broken = structuredClone(RULES) as unknown as { jobKinds: Record<string, Array<Record<string, unknown>>> };
    broken.jobKinds.pelaksana[0].points = 30; // 30 + 17.5 > 40
    broken.jobKinds.struktural[2].match = [{ forms: [4, 9] }, { forms: [9] }];
    broken.jobKinds.fungsional[1].minJp = -1;
    delete broken.jobKinds.fungsional[0].key;
    expect(schemeProblems(broken, [{ min: 10, label: 'x' }])).toEqual([
      'rules.jobKinds.struktural[2].match: jenis diklat 9 muncul di dua kriteria',
      'rules.jobKinds.fungsional[0].key harus huruf kecil, angka atau _',
      'rules.jobKinds.fungsional[1].minJp harus null atau angka di atas 0',
      'poin masukan pelaksana (47.5) melebihi maxPoints (40)',
      'salah satu kategori harus mulai dari 0',
    ]);
    expect(schemeProblems(null, [])).toEqual(['rules harus objek']);
  });
});
