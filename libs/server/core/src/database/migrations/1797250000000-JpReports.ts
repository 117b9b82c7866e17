import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * JP compliance reports and the IP ASN estimate (issue 16, decision 0023):
 * - identity's published `identity_employee` view gains `position_kind` and `rank` (appended, every other column kept),
 *   so reports group by them in the one statement that joins the per-person-year aggregate;
 * - the IP ASN competency-dimension scheme as data (`jp_ip_asn_scheme`), the 2019 scheme seeded;
 * - official IP ASN scores where known (`jp_ip_asn_official_score`, later from SIASN);
 * - the covering index the reports read the per-person-year aggregate through (replacing the plain year index).
 */
const EMPLOYEE_VIEW_BEFORE =
  'CREATE VIEW identity_employee AS SELECT id, agency_id, unit_id, nip, employee_type, full_name, front_title, back_title, position_name, supervisor_id, active FROM employee';
const EMPLOYEE_VIEW_AFTER =
  'CREATE OR REPLACE VIEW identity_employee AS SELECT id, agency_id, unit_id, nip, employee_type, full_name, front_title, back_title, position_name, supervisor_id, active, position_kind, rank FROM employee';

const SEMINAR = { forms: [4, 9, 10, 11] };
const TECHNICAL = [{ forms: [3, 8] }, { forms: [16, 17], competencyKinds: ['teknis'] }];

/**
 * The 2019 scheme (PermenPANRB 38/2018, Peraturan BKN 8/2019; DOMAIN.md §4). Leadership (Diklat Struktural 1 or
 * Pelatihan Manajerial 5) and functional training (Diklat Fungsional 2) count whenever they were done (a qualification
 * for the job, not a yearly activity); technical training must reach 20 JP within the report year; seminar, workshop,
 * magang and kursus count within the last two years. Technical training is Diklat Teknis (3) and Bimbingan Teknis (8),
 * plus e-learning and distance training (16, 17) of the technical competency kind.
 */
const RULES_2019 = {
  maxPoints: 40,
  jobKinds: {
    struktural: [
      {
        key: 'kepemimpinan',
        label: 'Pelatihan kepemimpinan sesuai jenjang jabatan',
        points: 15,
        match: [{ forms: [1, 5] }],
        minJp: null,
        lookbackYears: null,
      },
      {
        key: 'teknis',
        label: 'Pelatihan teknis minimal 20 JP',
        points: 15,
        match: TECHNICAL,
        minJp: 20,
        lookbackYears: 1,
      },
      {
        key: 'seminar',
        label: 'Seminar, workshop, magang atau kursus dalam 2 tahun terakhir',
        points: 10,
        match: [SEMINAR],
        minJp: null,
        lookbackYears: 2,
      },
    ],
    fungsional: [
      {
        key: 'fungsional',
        label: 'Pelatihan fungsional sesuai jabatan',
        points: 15,
        match: [{ forms: [2] }],
        minJp: null,
        lookbackYears: null,
      },
      {
        key: 'teknis',
        label: 'Pelatihan teknis minimal 20 JP',
        points: 15,
        match: TECHNICAL,
        minJp: 20,
        lookbackYears: 1,
      },
      {
        key: 'seminar',
        label: 'Seminar, workshop, magang atau kursus dalam 2 tahun terakhir',
        points: 10,
        match: [SEMINAR],
        minJp: null,
        lookbackYears: 2,
      },
    ],
    pelaksana: [
      {
        key: 'teknis',
        label: 'Pelatihan teknis minimal 20 JP',
        points: 22.5,
        match: TECHNICAL,
        minJp: 20,
        lookbackYears: 1,
      },
      {
        key: 'seminar',
        label: 'Seminar, workshop, magang atau kursus dalam 2 tahun terakhir',
        points: 17.5,
        match: [SEMINAR],
        minJp: null,
        lookbackYears: 2,
      },
    ],
  },
};

const BANDS_2019 = [
  { min: 91, label: 'Sangat Tinggi' },
  { min: 81, label: 'Tinggi' },
  { min: 71, label: 'Sedang' },
  { min: 61, label: 'Rendah' },
  { min: 0, label: 'Sangat Rendah' },
];

export class JpReports1797250000000 implements MigrationInterface {
  name = 'JpReports1797250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(EMPLOYEE_VIEW_AFTER);
    await q.query(`
      CREATE TABLE jp_ip_asn_scheme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version text NOT NULL,
        effective_from date NOT NULL,
        legal_basis text NOT NULL,
        rules jsonb NOT NULL,
        bands jsonb NOT NULL,
        note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_jp_ip_asn_scheme_version ON jp_ip_asn_scheme (version)`);
    await q.query(`CREATE UNIQUE INDEX uq_jp_ip_asn_scheme_from ON jp_ip_asn_scheme (effective_from)`);
    await q.query(
      `INSERT INTO jp_ip_asn_scheme (version, effective_from, legal_basis, rules, bands, note)
       VALUES ('2019', '2019-01-01', 'PermenPANRB 38/2018; Peraturan BKN 8/2019', $1, $2,
               'Dimensi kompetensi (maks. 40) per jenis jabatan; kategori berlaku untuk IP ASN utuh (0–100)')`,
      [JSON.stringify(RULES_2019), JSON.stringify(BANDS_2019)],
    );
    await q.query(`
      CREATE TABLE jp_ip_asn_official_score (
        employee_id uuid NOT NULL CONSTRAINT jp_ip_asn_official_score_employee_id_fkey REFERENCES employee(id),
        year int NOT NULL,
        total_score numeric(5,2) NOT NULL,
        competency_score numeric(5,2),
        source text NOT NULL,
        retrieved_at timestamptz NOT NULL,
        PRIMARY KEY (employee_id, year),
        CONSTRAINT jp_ip_asn_official_score_total_check CHECK (total_score >= 0 AND total_score <= 100),
        CONSTRAINT jp_ip_asn_official_score_competency_check CHECK (competency_score IS NULL OR (competency_score >= 0 AND competency_score <= 40))
      )`);
    // The reports read one year's aggregate index-only through this (a heap row is ~380 bytes with its months and
    // jsonb maps; the index entry ~60). It starts with year, so the year index it replaces has nothing left to do.
    await q.query(
      `CREATE INDEX ix_jp_person_year_report ON jp_person_year (year, employee_id, total_jp, formal_jp, social_jp, experiential_jp)`,
    );
    await q.query(`DROP INDEX ix_jp_person_year_year`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_jp_person_year_year ON jp_person_year (year)`);
    await q.query(`DROP INDEX ix_jp_person_year_report`);
    await q.query(`DROP TABLE jp_ip_asn_official_score`);
    await q.query(`DROP TABLE jp_ip_asn_scheme`);
    // CREATE OR REPLACE cannot drop columns: the view goes back to its earlier columns by being made again.
    await q.query(`DROP VIEW identity_employee`);
    await q.query(EMPLOYEE_VIEW_BEFORE);
  }
}
