import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmployeeType, PositionKind, Role } from '@kompeten/shared-contracts';
import { buildNip, parseNip } from '@kompeten/shared-util';
import {
  ensureAccountByEmail,
  hashPassword,
  insertAccount,
  insertEmployee,
  insertRole,
  setSupervisor,
} from '@kompeten/server-identity';
import { agencyIdByCode, insertAgency, insertWorkUnit } from '@kompeten/server-organisation';
import { ensureRootAgency } from '../bootstrap-tasks';
import { seedDemoCertificates } from './demo-certificates';
import { seedDemoJp, type DemoJpPerson } from './demo-jp';
import {
  BACK_TITLES,
  DEMO_AGENCIES,
  DEMO_PASSWORD,
  DEMO_UNITS,
  POSITIONS,
  PROVINCE_EXTRA_UNITS,
  personName,
  prng,
} from './demo-world';

const log = new Logger('DemoSeed');
export const DEMO_ASN_COUNT = 300;

interface Person {
  nip: string;
  type: EmployeeType;
  fullName: string;
  frontTitle?: string;
  backTitle?: string;
  position: string;
  kind: PositionKind;
  rank: string;
  agency: string;
  unit: string;
  email?: string;
  supervisorNip?: string;
  roles: Array<{ role: Role; unit?: string }>;
}

/** The people README lists as demo logins. */
export const DEMO_PEOPLE: Person[] = [
  {
    nip: '197205122000031002',
    type: 'PNS',
    fullName: 'Lalu Abdul Wahab',
    frontTitle: 'Drs. H.',
    backTitle: 'M.Si.',
    position: 'Kepala BPSDM Provinsi NTB',
    kind: 'struktural',
    rank: 'IV/c',
    agency: 'prov-ntb',
    unit: 'BPSDM',
    email: 'bpsdm@ntbprov.go.id',
    roles: [{ role: 'learner' }, { role: 'province_admin' }, { role: 'supervisor' }],
  },
  {
    nip: '197803152005012002',
    type: 'PNS',
    fullName: 'Nurhayati Rahman',
    frontTitle: 'Dr.',
    backTitle: 'S.Pd., M.Pd.',
    position: 'Widyaiswara Ahli Madya',
    kind: 'fungsional',
    rank: 'IV/a',
    agency: 'prov-ntb',
    unit: 'BPSDM',
    email: 'widyaiswara@ntbprov.go.id',
    supervisorNip: '197205122000031002',
    roles: [{ role: 'learner' }, { role: 'widyaiswara' }],
  },
  {
    nip: '198003142005011003',
    type: 'PNS',
    fullName: 'Iwan Setiawan',
    backTitle: 'S.Sos., M.A.P.',
    position: 'Kepala BKPSDM Kota Mataram',
    kind: 'struktural',
    rank: 'IV/b',
    agency: 'kota-mataram',
    unit: 'BKPSDM',
    email: 'bkpsdm@mataramkota.go.id',
    roles: [{ role: 'learner' }, { role: 'agency_admin' }],
  },
  {
    nip: '197501012000031003',
    type: 'PNS',
    fullName: 'Muhammad Ilham Hakim',
    frontTitle: 'dr.',
    backTitle: 'M.Kes.',
    position: 'Kepala Dinas Kesehatan',
    kind: 'struktural',
    rank: 'IV/b',
    agency: 'kota-mataram',
    unit: 'DINKES',
    email: 'kadinkes@mataramkota.go.id',
    roles: [{ role: 'learner' }, { role: 'supervisor' }],
  },
  {
    nip: '198807212010122004',
    type: 'PNS',
    fullName: 'Baiq Rina Susanti',
    backTitle: 'S.E.',
    position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
    kind: 'fungsional',
    rank: 'III/b',
    agency: 'kota-mataram',
    unit: 'DINKES',
    email: 'pengelola@mataramkota.go.id',
    supervisorNip: '197501012000031003',
    roles: [{ role: 'learner' }, { role: 'hr_officer', unit: 'DINKES' }],
  },
  {
    nip: '198609262015051001',
    type: 'PNS',
    fullName: 'Lalu Muhammad Hasan',
    backTitle: 'S.Kom.',
    position: 'Pranata Komputer Ahli Pertama',
    kind: 'fungsional',
    rank: 'III/a',
    agency: 'kota-mataram',
    unit: 'DINKES',
    email: 'hasan@mataramkota.go.id',
    supervisorNip: '197501012000031003',
    roles: [{ role: 'learner' }],
  },
  {
    nip: '199203152022011002',
    type: 'PPPK',
    fullName: 'Ahmad Zainul Fadli',
    backTitle: 'S.Pd.',
    position: 'Guru Ahli Pertama',
    kind: 'fungsional',
    rank: 'IX',
    agency: 'kota-mataram',
    unit: 'DISDIK',
    email: 'zainul@mataramkota.go.id',
    roles: [{ role: 'learner' }],
  },
  {
    nip: '199004172019032005',
    type: 'PNS',
    fullName: 'Sri Wahyuni',
    backTitle: 'S.I.P.',
    position: 'Penata Layanan Operasional',
    kind: 'pelaksana',
    rank: 'III/a',
    agency: 'kab-kendal',
    unit: 'DUKCAPIL',
    email: 'wahyuni@kendalkab.go.id',
    roles: [{ role: 'learner' }],
  },
];

/** How many generated ASN each agency gets (the named people come on top, 300 in all). */
const SHARE: Record<string, number> = { 'prov-ntb': 50, 'kota-mataram': 70, 'kab-kendal': 12 };

async function insertAgencies(m: EntityManager, rootId: string): Promise<Map<string, { id: string; domain: string }>> {
  const ids = new Map<string, { id: string; domain: string }>();
  for (const a of DEMO_AGENCIES) {
    const parentId = a.parent ? ids.get(a.parent)?.id : rootId;
    const id = await insertAgency(m, {
      code: a.code,
      name: a.name,
      level: a.level,
      parentId: parentId ?? null,
      timeZone: a.timeZone,
      hrBodyName: a.hrBodyName,
      // A made-up but well-formed SIASN instansiId, so the demo's pushes reach the simulator (docs/siasn.md).
      siasnInstansiId: createHash('md5').update(`siasn-instansi:${a.code}`).digest('hex').toUpperCase(),
    });
    ids.set(a.code, { id, domain: a.domain });
  }
  return ids;
}

async function insertUnits(m: EntityManager, agencyId: string, isProvince: boolean): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const add = async (code: string, name: string, parent: { id: string; path: string; depth: number } | null) => {
    const unit = await insertWorkUnit(m, { agencyId, code, name, parent });
    ids.set(code, unit.id);
    return unit;
  };
  for (const u of [...(isProvince ? PROVINCE_EXTRA_UNITS : []), ...DEMO_UNITS] as typeof DEMO_UNITS) {
    const parent = await add(u.code, u.name, null);
    for (const c of u.children ?? []) await add(c.code, c.name, parent);
  }
  return ids;
}

function generatedPeople(): Person[] {
  const rand = prng(20261123);
  const used = new Set(DEMO_PEOPLE.map((p) => p.nip));
  const people: Person[] = [];
  const total = DEMO_ASN_COUNT - DEMO_PEOPLE.length;
  const fixed = Object.values(SHARE).reduce((a, b) => a + b, 0);
  const others = DEMO_AGENCIES.filter((a) => !(a.code in SHARE) && a.code !== 'prov-jateng');
  const counts = new Map<string, number>(Object.entries(SHARE));
  others.forEach((a, i) =>
    counts.set(a.code, Math.floor((total - fixed) / others.length) + (i < (total - fixed) % others.length ? 1 : 0)),
  );
  for (const [agency, count] of counts) {
    const units = [...(agency.startsWith('prov') ? PROVINCE_EXTRA_UNITS : []), ...DEMO_UNITS].map((u) => u.code);
    const heads = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      const gender = rand() < 0.5 ? 'L' : 'P';
      const pppk = rand() < 0.15;
      let nip = '';
      do {
        const by = 1968 + Math.floor(rand() * 30);
        const birth = { y: by, m: 1 + Math.floor(rand() * 12), d: 1 + Math.floor(rand() * 28) };
        const tmt = { y: Math.min(2025, by + 22 + Math.floor(rand() * 12)), m: 1 + Math.floor(rand() * 12) };
        nip = pppk
          ? buildNip(
              birth,
              { y: Math.max(tmt.y, 2019), m: 1 + Math.floor(rand() * 3) },
              gender,
              1 + Math.floor(rand() * 999),
            )
          : buildNip(birth, tmt, gender, 1 + Math.floor(rand() * 999));
      } while (used.has(nip) || !parseNip(nip, pppk ? 'PPPK' : 'PNS').ok);
      used.add(nip);
      const unit = units[i % units.length];
      const isHead = !heads.has(unit) && !pppk;
      const pos = isHead
        ? { name: 'Kepala Bidang', kind: 'struktural' as const, rank: 'IV/a' }
        : POSITIONS[Math.floor(rand() * (POSITIONS.length - 1))];
      people.push({
        nip,
        type: pppk ? 'PPPK' : 'PNS',
        fullName: personName(rand, gender),
        backTitle: BACK_TITLES[Math.floor(rand() * BACK_TITLES.length)] ?? undefined,
        position: pos.name,
        kind: pos.kind,
        rank: pppk ? 'IX' : pos.rank,
        agency,
        unit,
        supervisorNip: heads.get(unit),
        roles: isHead ? [{ role: 'learner' }, { role: 'supervisor' }] : [{ role: 'learner' }],
      });
      if (isHead) heads.set(unit, nip);
    }
  }
  return people;
}

/** Seeds the demo world once; a second run changes nothing. Returns false when it was already there. */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  if (await agencyIdByCode(ds.manager, 'prov-ntb')) return false;
  const rootId = await ensureRootAgency(ds);
  const hash = await hashPassword(DEMO_PASSWORD);
  let jpClaims = 0;
  await ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7363002)');
    const agencies = await insertAgencies(m, rootId);
    const units = new Map<string, Map<string, string>>();
    for (const a of DEMO_AGENCIES) {
      if (a.code !== 'prov-jateng')
        units.set(a.code, await insertUnits(m, (agencies.get(a.code) as { id: string }).id, a.level === 'provinsi'));
    }
    const people = [...DEMO_PEOPLE, ...generatedPeople()];
    const empIds = new Map<string, string>();
    for (const p of people) {
      const parts = parseNip(p.nip, p.type);
      if (!parts.ok) throw new Error(`Demo NIP ${p.nip} is invalid: ${parts.reason}`);
      const agency = agencies.get(p.agency) as { id: string };
      const unitId = units.get(p.agency)?.get(p.unit) ?? null;
      const employeeId = await insertEmployee(m, {
        nip: p.nip,
        agencyId: agency.id,
        unitId,
        type: p.type,
        fullName: p.fullName,
        frontTitle: p.frontTitle ?? null,
        backTitle: p.backTitle ?? null,
        positionName: p.position,
        positionKind: p.kind,
        rank: p.rank,
        email: p.email ?? null,
        birthDate: parts.value.birthDate,
        gender: parts.value.gender,
      });
      empIds.set(p.nip, employeeId);
      const userId = await insertAccount(m, { employeeId, email: p.email ?? null, passwordHash: hash });
      for (const r of p.roles)
        await insertRole(m, userId, r.role, agency.id, r.unit ? (units.get(p.agency)?.get(r.unit) ?? null) : null);
    }
    for (const p of people) {
      if (p.supervisorNip) await setSupervisor(m, empIds.get(p.nip) as string, empIds.get(p.supervisorNip) as string);
    }
    await insertRole(m, await ensureAccountByEmail(m, 'admin@kompeten.go.id', hash), 'platform_admin', rootId);
    const zones = new Map(DEMO_AGENCIES.map((a) => [a.code, a.timeZone]));
    const jpPeople: DemoJpPerson[] = people.map((p) => ({
      nip: p.nip,
      agencyCode: p.agency,
      unitCode: p.unit,
      employeeId: empIds.get(p.nip) as string,
      agencyId: (agencies.get(p.agency) as { id: string }).id,
      timeZone: zones.get(p.agency) ?? 'Asia/Makassar',
    }));
    jpClaims = (
      await seedDemoJp(m, jpPeople, {
        learner: '198609262015051001',
        pppk: '199203152022011002',
        kendal: '199004172019032005',
        hrOfficer: '198807212010122004',
        supervisor: '197501012000031003',
      })
    ).claims;
    await seedDemoCertificates(m, new Map([...agencies].map(([code, a]) => [code, a.id])));
  });
  log.log(
    `Seeded the demo world: ${DEMO_AGENCIES.length} agencies, ${DEMO_ASN_COUNT} ASN, ${jpClaims} JP claims (credited through the ledger)`,
  );
  return true;
}
