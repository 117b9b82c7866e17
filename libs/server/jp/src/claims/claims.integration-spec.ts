import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ErrorCode, type JpClaim } from '@kompeten/shared-contracts';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createPerson,
  createWorld,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import type { CreateClaimDto } from '../dto/jp.dto';
import { JpModule } from '../jp.module';
import { RulesService } from '../rules/rules.service';
import { JP_TEST_ENTITIES, ledgerAndAggregate, linesOf, ruleSetBody } from '../test/jp-fixtures';
import { canDecideClaim } from './claim-access';
import { ClaimsService, type UploadedEvidence } from './claims.service';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = 'MZ\x90\x00 this is a program';

// External-learning claims on real PostgreSQL (issue 16): submission with evidence checked by content, duplicates,
// who sees and who decides (an HR officer of one agency neither sees nor verifies another agency's claims; the
// supervisor when the agency's rules say so), verification crediting the ledger once, rejection with a reason.
describe('JP claims (ClaimsService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let claims: ClaimsService;
  let rules: RulesService;
  let org: OrganisationService;
  let dir: string;
  let bimaHr: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const upload = (name: string, body: string | Buffer): UploadedEvidence => {
    const path = join(dir, randomUUID());
    writeFileSync(path, body);
    return { path, originalname: name, size: Buffer.byteLength(body) };
  };
  const seminar = (o: Partial<CreateClaimDto> = {}): CreateClaimDto => ({
    jenisDiklatId: 9,
    title: 'Seminar Nasional Pelayanan Publik Digital',
    organiser: 'Lembaga Administrasi Negara',
    startDate: '2026-09-14',
    endDate: '2026-09-14',
    quantity: 6,
    deliveryMode: 'classroom',
    competencyKind: 'teknis',
    certificateNumber: `800/${randomUUID().slice(0, 6)}/LAN/2026`,
    ...o,
  });
  const submit = async (p: Person, o: Partial<CreateClaimDto> = {}, file = upload('sertifikat.pdf', PDF)) =>
    claims.submit(await scope(p), seminar(o), file);
  const page = { page: 1, pageSize: 100 };

  beforeAll(async () => {
    lib = await bootLibTest({ entities: JP_TEST_ENTITIES, imports: [JpModule] });
    world = await createWorld(lib.db, { learners: 2 });
    claims = lib.get(ClaimsService);
    rules = lib.get(RulesService);
    org = lib.get(OrganisationService);
    dir = mkdtempSync(join(tmpdir(), 'jp-claims-'));
    bimaHr = await createPerson(lib.db, {
      agencyId: world.sibling.id,
      fullName: 'Pengelola Kota Bima',
      roles: ['learner', 'hr_officer'],
    });
  });
  afterAll(() => lib?.close());

  describe('submitting', () => {
    it('records a pending claim in the unit of the rule in force on the end date, with its evidence', async () => {
      const claim = await submit(world.learner, { certificateNumber: '800/123/LAN/2026' });
      expect(claim).toMatchObject({
        employeeId: world.learner.employeeId,
        jenisDiklatId: 9,
        jenisDiklatName: 'Seminar',
        unit: 'hour',
        quantity: 6,
        status: 'pending',
        verifier: 'hr_officer',
        evidenceName: 'sertifikat.pdf',
        certificateNumber: '800/123/LAN/2026',
        creditedJp: null,
        canDecide: false,
      });
      const file = await claims.openEvidence(await scope(world.learner), claim.id);
      expect(file).toMatchObject({ fileName: 'sertifikat.pdf', mime: 'application/pdf', size: PDF.length });
      file.stream.destroy();
    });

    it('catches duplicates: the same certificate number however typed, or the same organiser, title and dates', async () => {
      const first = await submit(world.learners[1], {
        certificateNumber: '800/777/BPSDM/2026',
        title: 'Workshop SIASN',
      });
      await expect(
        submit(world.learners[1], { certificateNumber: '800 / 777 / bpsdm / 2026', title: 'Judul lain' }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_DUPLICATE_CLAIM,
        message: 'Sertifikat dengan nomor ini sudah Anda klaim sebelumnya (status: menunggu verifikasi)',
        details: { claimId: first.id, by: 'certificate' },
      });
      await expect(
        submit(world.learners[1], { certificateNumber: '800/778/BPSDM/2026', title: 'WORKSHOP  siasn' }),
      ).rejects.toMatchObject({ kind: 'conflict', code: ErrorCode.JP_DUPLICATE_CLAIM, details: { by: 'activity' } });
      // Another ASN with the same activity is not a duplicate.
      await expect(
        submit(world.learner, { certificateNumber: '800/779/BPSDM/2026', title: 'Workshop SIASN' }),
      ).resolves.toMatchObject({ status: 'pending' });
    });

    it('checks the evidence by content and what the rule requires, with messages a person understands', async () => {
      await expect(submit(world.learner, {}, upload('sertifikat.pdf', EXE))).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.JP_BAD_EVIDENCE,
        message: 'Isi berkas tidak sesuai dengan jenisnya (.pdf): unggah PDF, JPG atau PNG yang asli',
      });
      await expect(submit(world.learner, {}, upload('sertifikat.docx', 'PK\x03\x04'))).rejects.toMatchObject({
        code: ErrorCode.JP_BAD_EVIDENCE,
      });
      await expect(claims.submit(await scope(world.learner), seminar(), undefined)).rejects.toMatchObject({
        code: ErrorCode.JP_EVIDENCE_REQUIRED,
      });
      await expect(submit(world.learner, { certificateNumber: undefined })).rejects.toMatchObject({
        code: ErrorCode.JP_EVIDENCE_REQUIRED,
        message: 'Seminar memerlukan nomor sertifikat',
      });
      await expect(submit(world.learner, { endDate: '2099-01-01' })).rejects.toMatchObject({
        code: ErrorCode.JP_INVALID_CLAIM,
      });
      await expect(submit(world.learner, { startDate: '2026-09-15', endDate: '2026-09-14' })).rejects.toMatchObject({
        code: ErrorCode.JP_INVALID_CLAIM,
      });
      await expect(submit(world.learner, { quantity: 30 })).rejects.toMatchObject({
        code: ErrorCode.JP_INVALID_CLAIM,
        message: 'Jumlah jam (30) melebihi yang mungkin dalam rentang tanggalnya (paling banyak 24)',
      });
      // A photo of a certificate is fine.
      await expect(
        submit(world.learner, { title: 'Seminar Literasi Digital' }, upload('sertifikat.PNG', PNG)),
      ).resolves.toMatchObject({
        evidenceName: 'sertifikat.PNG',
      });
      // Three claims of this ASN were accepted, and only their evidence is in storage.
      expect(
        await lib.db.query(`SELECT count(*)::int AS n FROM jp_claim WHERE employee_id = $1`, [
          world.learner.employeeId,
        ]),
      ).toEqual([{ n: 3 }]);
      expect(readdirSync(join(lib.config.storageDir, 'jp-claims', world.learner.employeeId as string))).toHaveLength(3);
    });
  });

  describe('who sees and who decides', () => {
    let claim: JpClaim;

    beforeAll(async () => {
      claim = await submit(world.learners[1], { title: 'Seminar Kepegawaian', certificateNumber: 'SK-2026-01' });
    });

    it('an HR officer of another agency neither sees, opens, lists nor verifies the claim', async () => {
      const s = await scope(bimaHr);
      await expect(claims.get(s, claim.id)).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.JP_CLAIM_NOT_FOUND,
      });
      await expect(claims.openEvidence(s, claim.id)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(claims.decide(s, claim.id, 'verify', undefined)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(claims.decide(s, claim.id, 'reject', 'tidak sah')).rejects.toMatchObject({ kind: 'not_found' });
      expect((await claims.queue(s, page)).items).toEqual([]);
      const [row] = await lib.db.query(`SELECT status FROM jp_claim WHERE id = $1`, [claim.id]);
      expect(row.status).toBe('pending');
    });

    it('the HR officer of the unit has it in the queue; the supervisor and the claimant see it but may not decide', async () => {
      const queue = await claims.queue(await scope(world.hrOfficer), page);
      expect(queue.items.find((c) => c.id === claim.id)).toMatchObject({ canDecide: true, nip: world.learners[1].nip });
      expect((await claims.get(await scope(world.supervisor), claim.id)).canDecide).toBe(false);
      expect((await claims.queue(await scope(world.supervisor), page)).items).toEqual([]);
      await expect(claims.decide(await scope(world.supervisor), claim.id, 'verify', undefined)).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(claims.decide(await scope(world.learners[1]), claim.id, 'verify', undefined)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.JP_OWN_CLAIM,
      });
      const file = await claims.openEvidence(await scope(world.supervisor), claim.id);
      file.stream.destroy();
    });

    it('the queue’s SQL and the rule in code agree for every caller', async () => {
      const pending: Array<{
        id: string;
        agency_id: string;
        unit_path: string | null;
        supervisor_id: string | null;
        employee_id: string;
        verifier: 'hr_officer' | 'supervisor';
      }> = await lib.db.query(
        `SELECT c.id, c.employee_id, c.verifier, e.agency_id, e.supervisor_id, u.path AS unit_path
             FROM jp_claim c JOIN employee e ON e.id = c.employee_id LEFT JOIN work_unit u ON u.id = e.unit_id
            WHERE c.status = 'pending'`,
      );
      expect(pending.length).toBeGreaterThan(3);
      for (const who of [world.hrOfficer, bimaHr, world.supervisor, world.admin, world.learner, world.learners[1]]) {
        const s = await scope(who);
        const expected = pending
          .filter((c) =>
            canDecideClaim(s, {
              id: c.employee_id,
              agencyId: c.agency_id,
              unitPath: c.unit_path,
              supervisorId: c.supervisor_id,
              verifier: c.verifier,
            }),
          )
          .map((c) => c.id)
          .sort();
        expect((await claims.queue(s, page)).items.map((c) => c.id).sort()).toEqual(expected);
      }
    });
  });

  describe('deciding', () => {
    it('verifying credits the ledger once by the rules on the end date; repeating it changes nothing', async () => {
      const learner = await world.person();
      const claim = await submit(learner, { quantity: 6, endDate: '2026-09-14' });
      const verified = await claims.decide(await scope(world.hrOfficer), claim.id, 'verify', undefined);
      // 6 classroom hours at 45 minutes per JP.
      expect(verified).toMatchObject({ status: 'verified', creditedJp: 8, canDecide: false, reversed: false });
      const again = await claims.decide(await scope(world.hrOfficer), claim.id, 'verify', undefined);
      expect(again).toMatchObject({ status: 'verified', creditedJp: 8, ledgerLineId: verified.ledgerLineId });
      const lines = await linesOf(lib.db, learner.employeeId as string);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        id: verified.ledgerLineId,
        jp: '8.00',
        year: 2026,
        occurred_on: '2026-09-14',
        source_type: 'external_claim',
        jenis_diklat_id: 9,
        channel: 'formal',
        competency_kind: 'teknis',
        calculation: { basis: 'quantity', unit: 'hour', quantity: 6, minutesPerJp: 45, rawJp: 8 },
      });
      const { ledger, aggregate } = await ledgerAndAggregate(lib.db, [learner.employeeId as string]);
      expect(aggregate).toEqual(ledger);
      // The claimant's notification: one jp-claim.decided event with the decision, none for the repeat.
      expect(
        await lib.db.query(
          `SELECT aggregate_id, payload FROM outbox_event WHERE event_type = 'jp-claim.decided' AND aggregate_id = $1`,
          [claim.id],
        ),
      ).toEqual([{ aggregate_id: claim.id, payload: { claimId: claim.id } }]);
      await expect(claims.decide(await scope(world.admin), claim.id, 'reject', 'salah')).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_CLAIM_DECIDED,
      });
      const audit = await lib.db.query(
        `SELECT after FROM audit_log WHERE action = 'jp_claim.verify' AND entity_id = $1`,
        [claim.id],
      );
      expect(audit).toEqual([{ after: { status: 'verified', ledgerLineId: verified.ledgerLineId, creditedJp: 8 } }]);
    });

    it('rejecting needs a reason; a rejected activity may be claimed again', async () => {
      const learner = await world.person();
      const claim = await submit(learner, { certificateNumber: 'REJ-1' });
      await expect(claims.decide(await scope(world.hrOfficer), claim.id, 'reject', ' ')).rejects.toMatchObject({
        kind: 'validation',
      });
      const rejected = await claims.decide(
        await scope(world.hrOfficer),
        claim.id,
        'reject',
        'Sertifikat tidak terbaca',
      );
      expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Sertifikat tidak terbaca' });
      expect(await linesOf(lib.db, learner.employeeId as string)).toEqual([]);
      await expect(submit(learner, { certificateNumber: 'REJ-1' })).resolves.toMatchObject({ status: 'pending' });
      const [audit] = await lib.db.query(
        `SELECT after FROM audit_log WHERE action = 'jp_claim.reject' AND entity_id = $1`,
        [claim.id],
      );
      expect(audit.after).toEqual({ status: 'rejected', reason: 'Sertifikat tidak terbaca' });
    });
  });

  describe('an agency whose rules name the supervisor, and disable a form', () => {
    let other: World;
    let orphan: Person;

    beforeAll(async () => {
      other = await createWorld(lib.db, { learners: 1 });
      const body = await ruleSetBody(lib.db, {
        agencyId: other.agency.id,
        effectiveFrom: '2026-01-01',
        claimVerifier: 'supervisor',
        change: { 19: { enabled: false }, 14: { jpPerUnit: 2, capPerYear: 10 } },
      });
      await rules.create(await scope(other.admin), body);
      orphan = await createPerson(lib.db, {
        agencyId: other.agency.id,
        unitId: other.units.dinkes.id,
        fullName: 'ASN tanpa atasan',
      });
    });

    it('refuses a form the agency does not recognise', async () => {
      await expect(submit(other.learner, { jenisDiklatId: 19, title: 'Outbound' })).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.JP_FORM_NOT_RECOGNISED,
      });
    });

    it('the supervisor verifies, by the agency’s own rules; the HR officer only when there is no supervisor', async () => {
      const coaching = { jenisDiklatId: 14, title: 'Coaching kinerja', certificateNumber: undefined, quantity: 3 };
      const claim = await submit(other.learner, coaching);
      expect(claim.verifier).toBe('supervisor');
      expect((await claims.queue(await scope(other.hrOfficer), page)).items.map((c) => c.id)).not.toContain(claim.id);
      expect((await claims.queue(await scope(other.supervisor), page)).items.map((c) => c.id)).toEqual([claim.id]);
      const verified = await claims.decide(await scope(other.supervisor), claim.id, 'verify', undefined);
      expect(verified).toMatchObject({ status: 'verified', unit: 'session', creditedJp: 6 });
      const [line] = await linesOf(lib.db, other.learner.employeeId as string);
      expect(line).toMatchObject({ channel: 'social', calculation: { unit: 'session', quantity: 3, jpPerUnit: 2 } });

      const orphanClaim = await submit(orphan, { ...coaching, title: 'Mentoring mandiri' });
      expect((await claims.queue(await scope(other.hrOfficer), page)).items.map((c) => c.id)).toContain(orphanClaim.id);
    });
  });
});
