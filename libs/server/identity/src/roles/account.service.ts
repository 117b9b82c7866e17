import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type RoleAssignment } from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit } from '@kompeten/server-core';
import { AccessScope, ROLE_RANK, WorkUnitEntity } from '@kompeten/server-organisation';
import { hashPassword, passwordProblem } from '../auth/password';
import { SessionService } from '../auth/session.service';
import type { GrantRoleDto, SetAccountDto } from '../dto/employee.dto';
import { EmployeeService } from '../employees/employee.service';
import { RoleAssignmentEntity } from '../entities/role-assignment.entity';
import { UserAccountEntity } from '../entities/user-account.entity';

/** Sign-in accounts of ASN and the roles they hold. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EmployeeService) private readonly employees: EmployeeService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  /** Creates the ASN's account (with the learner role in its agency) or resets its password. */
  async setAccount(scope: AccessScope, employeeId: string, dto: SetAccountDto): Promise<{ userId: string; created: boolean }> {
    const problem = passwordProblem(dto.password);
    if (problem) throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, problem);
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      const emp = await this.employees.findReadable(scope, employeeId, m);
      if (!scope.canManageEmployeesAt(emp.agencyId, emp.unitPath)) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengatur akun pegawai ini');
      // One account per ASN: a double-submitted request waits here and then resets instead of failing on the unique index.
      await m.query('SELECT 1 FROM employee WHERE id = $1 FOR UPDATE', [employeeId]);
      const repo = m.getRepository(UserAccountEntity);
      const email = (dto.email ?? emp.email)?.toLowerCase() ?? null;
      if (email) {
        const other = await repo.findOneBy({ email });
        if (other && other.employeeId !== employeeId) throw conflict(ErrorCode.EMPLOYEE_DUPLICATE_EMAIL, `Email ${email} sudah dipakai akun lain`);
      }
      const existing = await repo.findOneBy({ employeeId });
      const audit = { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
      if (existing) {
        await repo.update({ id: existing.id }, { passwordHash, email, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: new Date() });
        await this.sessions.endUserSessions(m, existing.id, 'password-reset');
        await recordAudit(m, audit, { action: 'user.password_reset', entityType: 'user_account', entityId: existing.id, agencyId: emp.agencyId });
        return { userId: existing.id, created: false };
      }
      const { identifiers } = await repo.insert({ employeeId, email, passwordHash, passwordChangedAt: new Date() });
      const userId = identifiers[0].id as string;
      await m.getRepository(RoleAssignmentEntity).insert({ userId, role: 'learner', agencyId: emp.agencyId, unitId: null });
      await recordAudit(m, audit, { action: 'user.create', entityType: 'user_account', entityId: userId, agencyId: emp.agencyId, after: { employeeId, email, roles: ['learner'] } });
      return { userId, created: true };
    });
  }

  async listRoles(scope: AccessScope, employeeId: string): Promise<RoleAssignment[]> {
    await this.employees.findReadable(scope, employeeId);
    const rows: Array<Record<string, string | null>> = await this.db.query(
      `SELECT r.id, r.role, r.agency_id, a.name AS agency_name, r.unit_id, wu.name AS unit_name
         FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id JOIN agency a ON a.id = r.agency_id
         LEFT JOIN work_unit wu ON wu.id = r.unit_id
        WHERE ua.employee_id = $1 ORDER BY r.created_at`,
      [employeeId],
    );
    return rows.map((r) => ({ id: r.id as string, role: r.role as RoleAssignment['role'], agencyId: r.agency_id as string, agencyName: r.agency_name as string, unitId: r.unit_id, unitName: r.unit_name }));
  }

  /** Grants a role. Granting one already held changes nothing (idempotent). */
  async grant(scope: AccessScope, employeeId: string, dto: GrantRoleDto): Promise<RoleAssignment> {
    await this.db.transaction(async (m) => {
      await this.employees.findReadable(scope, employeeId, m);
      if (!scope.canGrant(dto.role, dto.agencyId)) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang memberikan peran ini di instansi tersebut');
      if (dto.unitId && ROLE_RANK[dto.role] > ROLE_RANK.hr_officer) throw invalid(ErrorCode.ROLE_INVALID_SCOPE, 'Peran admin berlaku untuk seluruh instansi; tidak dapat dibatasi ke unit kerja');
      const user = await m.getRepository(UserAccountEntity).findOneBy({ employeeId });
      if (!user) throw invalid(ErrorCode.ROLE_INVALID_SCOPE, 'Pegawai ini belum punya akun; buat akunnya dahulu');
      if (dto.unitId && !(await m.getRepository(WorkUnitEntity).existsBy({ id: dto.unitId, agencyId: dto.agencyId }))) {
        throw invalid(ErrorCode.ROLE_INVALID_SCOPE, 'Unit kerja tidak ada di instansi itu');
      }
      const inserted = await m.query(
        `INSERT INTO role_assignment (user_id, role, agency_id, unit_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, role, agency_id, unit_key) DO NOTHING RETURNING id`,
        [user.id, dto.role, dto.agencyId, dto.unitId ?? null],
      );
      if (inserted.length) {
        await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, { action: 'role.grant', entityType: 'role_assignment', entityId: inserted[0].id, agencyId: dto.agencyId, after: { employeeId, ...dto } });
      }
    });
    const roles = await this.listRoles(scope, employeeId);
    return roles.find((r) => r.role === dto.role && r.agencyId === dto.agencyId && r.unitId === (dto.unitId ?? null)) as RoleAssignment;
  }

  /** Revokes a role assignment. Revoking one that is gone changes nothing. */
  async revoke(scope: AccessScope, assignmentId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const ra = await m.getRepository(RoleAssignmentEntity).findOneBy({ id: assignmentId });
      if (!ra) return;
      if (!scope.canGrant(ra.role, ra.agencyId)) throw notFound(ErrorCode.ROLE_NOT_FOUND, 'Penugasan peran tidak ditemukan');
      await m.getRepository(RoleAssignmentEntity).delete({ id: assignmentId });
      // Tokens carrying the role stop working now; the user's client refreshes into a token without it.
      await this.sessions.retireAccessTokens(m, ra.userId);
      await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, { action: 'role.revoke', entityType: 'role_assignment', entityId: assignmentId, agencyId: ra.agencyId, before: ra });
    });
  }
}
