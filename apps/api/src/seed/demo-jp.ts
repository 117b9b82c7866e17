import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone, CompetencyKind, DeliveryMode } from '@kompeten/shared-contracts';
import { provisionClaims, type ProvisionedClaim } from '@kompeten/server-jp';
import { localDateOf } from '@kompeten/shared-util';
import { prng } from './demo-world';

/**
 * JP for the demo world (issue 16): verified external-learning claims credited through the ledger's one writer (so
 * every aggregate matches its ledger), this year and last year, and pending claims waiting in verifiers' queues. Dates
 * are relative to the day the seed runs, in the agency's zone, so "this year" always has numbers and no claim ends
 * in the future. Seeded claims carry no evidence file.
 */

interface Activity {
  form: number;
  title: string;
  organiser: string;
  quantity: number;
  mode?: DeliveryMode;
  kind?: CompetencyKind;
}

/** Activities ASN of a regional government really claim (quantity in the national rule's unit: hours, sessions, days). */
const ACTIVITIES: Activity[] = [
  {
    form: 9,
    title: 'Seminar Nasional Transformasi Digital Pelayanan Publik',
    organiser: 'Lembaga Administrasi Negara',
    quantity: 6,
    mode: 'online',
    kind: 'teknis',
  },
  {
    form: 14,
    title: 'Coaching Kinerja dengan Atasan Langsung',
    organiser: 'Dinas Kesehatan Kota Mataram',
    quantity: 3,
    kind: 'manajerial',
  },
  {
    form: 17,
    title: 'Pelatihan Jarak Jauh Pengelolaan Arsip Dinamis',
    organiser: 'Arsip Nasional Republik Indonesia',
    quantity: 4.5,
    mode: 'online',
    kind: 'teknis',
  },
  {
    form: 3,
    title: 'Diklat Teknis Penyusunan Anggaran Berbasis Kinerja',
    organiser: 'BPSDM Provinsi NTB',
    quantity: 18,
    kind: 'teknis',
  },
  {
    form: 8,
    title: 'Bimbingan Teknis Aplikasi SIASN',
    organiser: 'Kantor Regional X BKN',
    quantity: 6,
    kind: 'teknis',
  },
  {
    form: 23,
    title: 'Komunitas Belajar Guru Penggerak',
    organiser: 'Dinas Pendidikan Kota Mataram',
    quantity: 2,
    kind: 'sosial_kultural',
  },
  {
    form: 11,
    title: 'Kursus Bahasa Inggris untuk Pelayanan Publik',
    organiser: 'Balai Bahasa NTB',
    quantity: 9,
    kind: 'sosial_kultural',
  },
  {
    form: 7,
    title: 'Sosialisasi Nilai Dasar ASN BerAKHLAK',
    organiser: 'BKPSDM',
    quantity: 3,
    kind: 'sosial_kultural',
  },
  {
    form: 5,
    title: 'Pelatihan Manajerial Pengawas',
    organiser: 'BPSDM Provinsi NTB',
    quantity: 16,
    kind: 'manajerial',
  },
  {
    form: 4,
    title: 'Workshop Penyusunan Sasaran Kinerja Pegawai',
    organiser: 'BKPSDM Kota Mataram',
    quantity: 6,
    kind: 'manajerial',
  },
  {
    form: 15,
    title: 'Mentoring Pejabat Fungsional',
    organiser: 'Instansi Pembina Jabatan Fungsional',
    quantity: 2,
    kind: 'teknis',
  },
  {
    form: 10,
    title: 'Magang di BKPSDM: Pemutakhiran Data Kompetensi SIASN',
    organiser: 'BKPSDM Kabupaten Sragen',
    quantity: 2,
    kind: 'teknis',
  },
  {
    form: 24,
    title: 'Bimbingan di Tempat Kerja: Pelayanan Prima',
    organiser: 'RSUD Kota Mataram',
    quantity: 4,
    kind: 'teknis',
  },
];

export interface DemoJpPerson {
  nip: string;
  agencyCode: string;
  unitCode: string;
  employeeId: string;
  agencyId: string;
  timeZone: AgencyTimeZone;
}

/** A local date of the current year, `fraction` of the way from 1 January to today (never in the future). */
function dayThisYear(today: string, fraction: number): string {
  const jan1 = Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`);
  const span = Date.parse(`${today}T00:00:00Z`) - jan1;
  return new Date(jan1 + Math.floor((span * fraction) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** A local date of last year (day 15–350). */
function dayLastYear(today: string, fraction: number): string {
  const year = Number(today.slice(0, 4)) - 1;
  return new Date(Date.UTC(year, 0, 15) + Math.floor(fraction * 335) * 86_400_000).toISOString().slice(0, 10);
}

/** A claim of `p` ending on `end`; seeded decisions name no verifier account. */
function claimOf(
  p: DemoJpPerson,
  a: Activity,
  end: string,
  status: 'pending' | 'verified',
  n: number,
): ProvisionedClaim {
  const days = a.form === 10 || a.form === 3 || a.form === 5 ? 3 : 1;
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    employeeId: p.employeeId,
    agencyId: p.agencyId,
    jenisDiklatId: a.form,
    title: a.title,
    organiser: a.organiser,
    startDate: start.slice(0, 4) === end.slice(0, 4) ? start : end,
    endDate: end,
    quantity: a.quantity,
    deliveryMode: a.mode ?? 'classroom',
    competencyKind: a.kind ?? null,
    certificateNumber: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17].includes(a.form)
      ? `DEMO/${p.nip.slice(-6)}/${n}/${end.slice(0, 4)}`
      : null,
    status,
    decidedBy: null,
  };
}

/**
 * The named demo logins get a story each (README): the learner 17 JP this year with a workshop waiting for the HR
 * officer, 24 last year; the PPPK teacher 10 JP with a seminar waiting; the Kendal learner 4 JP; the HR officer and
 * the supervisor some of their own. The other ASN of their unit get a few verified claims, so its figures spread.
 */
export async function seedDemoJp(
  m: EntityManager,
  people: readonly DemoJpPerson[],
  named: { learner: string; pppk: string; kendal: string; hrOfficer: string; supervisor: string },
): Promise<{ claims: number }> {
  const byNip = new Map(people.map((p) => [p.nip, p]));
  const claims: ProvisionedClaim[] = [];
  const act = (form: number) => ACTIVITIES.find((a) => a.form === form) as Activity;
  const story = (nip: string, items: Array<[Activity, 'this' | 'last', number, 'pending' | 'verified']>) => {
    const p = byNip.get(nip);
    if (!p) throw new Error(`Demo JP: no ASN ${nip}`);
    const today = localDateOf(new Date(), p.timeZone);
    items.forEach(([a, year, fraction, status], i) => {
      const end = year === 'this' ? dayThisYear(today, fraction) : dayLastYear(today, fraction);
      claims.push(claimOf(p, a, end, status, i));
    });
  };
  story(named.learner, [
    [act(9), 'this', 0.2, 'verified'],
    [act(14), 'this', 0.45, 'verified'],
    [act(17), 'this', 0.7, 'verified'],
    [act(4), 'this', 0.9, 'pending'],
    [act(3), 'last', 0.6, 'verified'],
  ]);
  story(named.pppk, [
    [act(8), 'this', 0.3, 'verified'],
    [act(23), 'this', 0.6, 'verified'],
    [
      { ...act(9), title: 'Seminar Pendidikan Inklusif', organiser: 'Dinas Pendidikan Provinsi NTB' },
      'this',
      0.85,
      'pending',
    ],
    [act(11), 'last', 0.4, 'verified'],
  ]);
  story(named.kendal, [
    [{ ...act(7), organiser: 'BKPSDM Kabupaten Kendal' }, 'this', 0.5, 'verified'],
    [{ ...act(3), organiser: 'BPSDM Provinsi Jawa Tengah' }, 'last', 0.5, 'verified'],
  ]);
  story(named.hrOfficer, [
    [act(5), 'this', 0.35, 'verified'],
    [act(10), 'this', 0.55, 'verified'],
  ]);
  story(named.supervisor, [[act(15), 'this', 0.4, 'verified']]);

  // A spread for the other ASN of Dinas Kesehatan Kota Mataram (the demo HR officer's unit): 0–2 claims this year, 0–1
  // last year. Kept small: every API test file seeds this world, and each credit is a handful of statements.
  const rand = prng(20261204);
  const storied = new Set(Object.values(named));
  for (const p of people) {
    if (storied.has(p.nip) || p.agencyCode !== 'kota-mataram' || p.unitCode !== 'DINKES') continue;
    const today = localDateOf(new Date(), p.timeZone);
    const thisYear = Math.floor(rand() * 3);
    const lastYear = Math.floor(rand() * 2);
    const picks = new Set<number>();
    for (let i = 0; i < thisYear + lastYear; i++) picks.add(Math.floor(rand() * ACTIVITIES.length));
    [...picks].forEach((k, i) => {
      const end = i < thisYear ? dayThisYear(today, rand()) : dayLastYear(today, rand());
      claims.push(claimOf(p, ACTIVITIES[k], end, 'verified', i));
    });
  }
  await provisionClaims(m, claims);
  return { claims: claims.length };
}
