import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, OutboxEvent, type Employee, type Page } from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit, toPage, writeOutbox } from '@kompeten/server-core';
import { AccessScope, OrganisationService } from '@kompeten/server-organisation';
import { recordAccountEvent } from '../accounts/account-events';
import { heldRolesOf, requireAccountManageable } from '../accounts/account-rules';
import { selectAccountIdOfEmployee } from '../accounts/account-store';
import { SessionService } from '../auth/session.service';
import type { CreateEmployeeDto, EmployeeQueryDto, UpdateEmployeeDto } from '../dto/employee.dto';
import { EmployeeEntity } from '../entities/employee.entity';
import { UserAccountEntity } from '../entities/user-account.entity';
import { employeeFor, loadEmployee, publicEmployee, toEmployee, type EmployeeWithPath } from './employee.mapper';
import { listEmployeeRows, lockNip } from './employee-store';
import { requireValidNip, requireValidRank, unitPathIn } from './employee-rules';

@Injectable()
export class EmployeeService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async list(scope: AccessScope, q: EmployeeQueryDto): Promise<Page<Employee>> {
    const { total, rows } = await listEmployeeRows(this.db, scope, q);
    return toPage(
      rows.map(toEmployee).map((e) => employeeFor(scope, e)),
      total,
      q,
    );
  }

  async get(scope: AccessScope, id: string): Promise<Employee> {
    return employeeFor(scope, await this.findReadable(scope, id));
  }

  async findReadable(scope: AccessScope, id: string, m: EntityManager = this.db.manager): Promise<EmployeeWithPath> {
    const e = await loadEmployee(m, id);
    if (!e || !scope.canReadEmployee(e)) throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'Pegawai tidak ditemukan');
    return e;
  }

  /** Creates an ASN record. Repeating the same request returns the existing record (idempotent); a different one with that NIP is a 409. */
  async create(scope: AccessScope, dto: CreateEmployeeDto): Promise<{ employee: Employee; created: boolean }> {
    const agency = await this.org.findReadableAgency(scope, dto.agencyId);
    const parts = requireValidNip(dto.nip, dto.employeeType, agency.timeZone);
    const rank = requireValidRank(dto.rank, dto.employeeType);
    return this.db.transaction(async (m) => {
      const unitPath = await unitPathIn(m, dto.agencyId, dto.unitId);
      if (!scope.canManageEmployeesAt(dto.agencyId, unitPath))
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang menambah pegawai di unit ini');
      await this.checkSupervisor(m, scope, dto.agencyId, dto.supervisorId ?? null, null);
      const repo = m.getRepository(EmployeeEntity);
      const values = {
        agencyId: dto.agencyId,
        unitId: dto.unitId ?? null,
        nip: parts.nip,
        employeeType: dto.employeeType,
        fullName: dto.fullName,
        frontTitle: dto.frontTitle || null,
        backTitle: dto.backTitle || null,
        positionName: dto.positionName ?? null,
        positionKind: dto.positionKind ?? null,
        rank,
        supervisorId: dto.supervisorId ?? null,
        email: dto.email?.toLowerCase() ?? null,
        phone: dto.phone ?? null,
        birthDate: parts.birthDate,
        gender: parts.gender,
      };
      // Serialise creates of one NIP, so a double-submitted request finds the first record instead of a unique violation (500).
      await lockNip(m, parts.nip);
      const existing = await repo.findOneBy({ nip: parts.nip });
      if (existing) {
        const same = (Object.keys(values) as Array<keyof typeof values>).every(
          (k) => String(existing[k] ?? '') === String(values[k] ?? ''),
        );
        if (same)
          return {
            employee: employeeFor(scope, (await loadEmployee(m, existing.id)) as EmployeeWithPath),
            created: false,
          };
        throw conflict(ErrorCode.EMPLOYEE_DUPLICATE_NIP, `NIP ${parts.nip} sudah terdaftar`);
      }
      const { identifiers } = await repo.insert(values);
      const employee = (await loadEmployee(m, identifiers[0].id)) as EmployeeWithPath;
      await announcePlacement(m, employee.id);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'employee.create',
          entityType: 'employee',
          entityId: employee.id,
          agencyId: employee.agencyId,
          after: publicEmployee(employee),
        },
      );
      return { employee: employeeFor(scope, employee), created: true };
    });
  }

  async update(scope: AccessScope, id: string, dto: UpdateEmployeeDto): Promise<Employee> {
    return this.db.transaction(async (m) => {
      const before = await this.findReadable(scope, id, m);
      if (!scope.canManageEmployeesAt(before.agencyId, before.unitPath))
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengubah data pegawai ini');
      if (dto.unitId !== undefined) {
        const newPath = await unitPathIn(m, before.agencyId, dto.unitId);
        if (!scope.canManageEmployeesAt(before.agencyId, newPath))
          throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang memindahkan pegawai ke unit itu');
      }
      if (dto.supervisorId !== undefined && (dto.supervisorId ?? null) !== before.supervisorId)
        await this.checkSupervisor(m, scope, before.agencyId, dto.supervisorId ?? null, id);
      if (dto.active !== undefined && dto.active !== before.active)
        await this.changeAccountActive(m, scope, before, dto.active);
      const changes: Partial<EmployeeEntity> = { ...dto, ...(dto.email ? { email: dto.email.toLowerCase() } : {}) };
      if (dto.rank !== undefined) changes.rank = requireValidRank(dto.rank, before.employeeType);
      if (Object.keys(changes).length) await m.getRepository(EmployeeEntity).update({ id }, changes);
      if (before.active && dto.active === false) {
        // An ASN made inactive (retired, moved out) is signed out everywhere at once, not when the token expires.
        const account = await m.getRepository(UserAccountEntity).findOneBy({ employeeId: id });
        if (account) await this.sessions.endUserSessions(m, account.id, 'employee-deactivated');
      }
      const after = (await loadEmployee(m, id)) as EmployeeWithPath;
      // A new unit, a new position or a return to active service can put the ASN in a live audience assignment.
      if (
        after.active &&
        (after.unitId !== before.unitId ||
          (after.positionName ?? '').toLowerCase() !== (before.positionName ?? '').toLowerCase() ||
          !before.active)
      )
        await announcePlacement(m, id);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'employee.update',
          entityType: 'employee',
          entityId: id,
          agencyId: after.agencyId,
          before: publicEmployee(before),
          after: publicEmployee(after),
          // Moved to another agency: the agency it left sees the entry too.
          touchedAgencyIds: [before.agencyId],
        },
      );
      return employeeFor(scope, after);
    });
  }

  /**
   * A supervisor approves the ASN's training, so nobody appoints themself or sets their own (issue 12), and an id the
   * caller cannot read answers 404 like an unknown one, never revealing a name.
   */
  private async checkSupervisor(
    m: EntityManager,
    scope: AccessScope,
    agencyId: string,
    supervisorId: string | null,
    selfId: string | null,
  ): Promise<void> {
    if (supervisorId) {
      if (supervisorId === selfId)
        throw invalid(
          ErrorCode.EMPLOYEE_INVALID_SUPERVISOR,
          'Pegawai tidak dapat menjadi atasan langsung dirinya sendiri',
        );
      const sup = await loadEmployee(m, supervisorId);
      if (!sup || !scope.canReadEmployee(sup))
        throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'Atasan langsung tidak ditemukan');
      if (sup.agencyId !== agencyId)
        throw invalid(ErrorCode.EMPLOYEE_INVALID_SUPERVISOR, 'Atasan langsung tidak ditemukan di instansi yang sama');
      if (supervisorId === scope.principal.employeeId) {
        throw forbidden(
          ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
          'Anda tidak dapat menunjuk diri sendiri sebagai atasan langsung pegawai; mintalah pengelola kepegawaian lain',
        );
      }
    }
    if (selfId && selfId === scope.principal.employeeId)
      throw forbidden(
        ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
        'Anda tidak dapat menetapkan atasan langsung Anda sendiri; mintalah pengelola kepegawaian lain',
      );
  }

  /** Deactivating or reactivating an ASN with an account follows the account rank rule; deactivating ends every session. */
  private async changeAccountActive(
    m: EntityManager,
    scope: AccessScope,
    emp: EmployeeWithPath,
    active: boolean,
  ): Promise<void> {
    const accountId = await selectAccountIdOfEmployee(m, emp.id);
    if (!accountId) return;
    requireAccountManageable(scope, emp, await heldRolesOf(m, accountId));
    if (!active) await this.sessions.endUserSessions(m, accountId, 'deactivated');
    await recordAccountEvent(m, scope.principal, accountId, active ? 'account_reactivated' : 'account_deactivated');
  }
}

/**
 * Tells other domains, in the caller's transaction, that where an ASN works or what position they hold changed (or
 * that they are new): enrolment's live audience assignments enrol them (decision 0025). One event per change, so a
 * second move is a second job.
 */
async function announcePlacement(m: EntityManager, employeeId: string): Promise<void> {
  const changeId = randomUUID();
  await writeOutbox(m, OutboxEvent.EmployeePlacementChanged, changeId, { employeeId, changeId });
}
