import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  type Page,
  type ResetAccountResponse,
  type RoleAssignment,
  type SetAccountResponse,
} from '@kompeten/shared-contracts';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  recordAudit,
  type PageQueryDto,
  type Principal,
} from '@kompeten/server-core';
import { AccessScope, agencyExists, findUnitInAgency, ROLE_RANK } from '@kompeten/server-organisation';
import type { AccountEvent } from '@kompeten/shared-contracts';
import { listAccountEvents, recordAccountEvent } from '../accounts/account-events';
import { heldRolesOf, requireAccountManageable } from '../accounts/account-rules';
import {
  accountAgencyId,
  insertRoleAssignment,
  lockAccountEmails,
  lockAccountOfEmployee,
  lockAccountPendingEmail,
  lockEmployeeRow,
  selectEmployeeRoleAssignments,
} from '../accounts/account-store';
import { resolvePendingRequests } from '../accounts/reset-request-store';
import { SetupLinkService } from '../accounts/setup-link.service';
import { SessionService } from '../auth/session.service';
import type { GrantRoleDto, SetAccountDto } from '../dto/employee.dto';
import { EmployeeService } from '../employees/employee.service';
import type { EmployeeWithPath } from '../employees/employee.mapper';
import { RoleAssignmentEntity } from '../entities/role-assignment.entity';
import { UserAccountEntity } from '../entities/user-account.entity';

const duplicateEmail = (email: string) =>
  conflict(ErrorCode.EMPLOYEE_DUPLICATE_EMAIL, `Email ${email} sudah dipakai akun lain`);

/**
 * Sign-in accounts of ASN and the roles they hold. Admins never choose or learn a password: a new account or a reset
 * yields a one-time setup link; a login email an admin sets waits for the user's confirmation (issue 12, decision 0012).
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EmployeeService) private readonly employees: EmployeeService,
    @Inject(SetupLinkService) private readonly links: SetupLinkService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  /**
   * Creates the ASN's account (with the learner role in its agency) and answers its setup link, shown once; or, for an
   * existing account, asks for a new login email (pending until the user confirms it). Never sets a password.
   */
  async setAccount(scope: AccessScope, employeeId: string, dto: SetAccountDto): Promise<SetAccountResponse> {
    return this.db.transaction(async (m) => {
      const emp = await this.manageableEmployee(scope, employeeId, m);
      // One account per ASN: a double-submitted request waits here and then finds the account instead of failing on the unique index.
      await lockEmployeeRow(m, employeeId);
      const repo = m.getRepository(UserAccountEntity);
      const existing = await repo.findOneBy({ employeeId });
      const audit = { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
      if (existing) {
        requireAccountManageable(scope, emp, await heldRolesOf(m, existing.id));
        const wanted = dto.email?.toLowerCase();
        if (wanted !== undefined) await this.requestEmail(m, scope.principal, existing, wanted, emp.agencyId);
        const now = (await repo.findOneBy({ id: existing.id })) as UserAccountEntity;
        return {
          userId: existing.id,
          created: false,
          setupLink: null,
          email: now.email,
          pendingEmail: now.pendingEmail,
        };
      }
      requireAccountManageable(scope, emp, [{ role: 'learner', agencyId: emp.agencyId, unitPath: emp.unitPath }]);
      const pendingEmail = (dto.email ?? emp.email)?.toLowerCase() ?? null;
      if (pendingEmail && (await repo.existsBy({ email: pendingEmail }))) throw duplicateEmail(pendingEmail);
      const { identifiers } = await repo.insert({
        employeeId,
        email: null,
        passwordHash: null,
        passwordChangedAt: null,
        pendingEmail,
        pendingEmailSetAt: pendingEmail ? new Date() : null,
        pendingEmailSetBy: pendingEmail ? scope.principal.userId : null,
      });
      const userId = identifiers[0].id as string;
      await m
        .getRepository(RoleAssignmentEntity)
        .insert({ userId, role: 'learner', agencyId: emp.agencyId, unitId: null });
      await recordAudit(m, audit, {
        action: 'user.create',
        entityType: 'user_account',
        entityId: userId,
        agencyId: emp.agencyId,
        after: { employeeId, pendingEmail, roles: ['learner'] },
      });
      await recordAccountEvent(m, scope.principal, userId, 'account_created', { email: pendingEmail });
      const setupLink = await this.links.issue(m, userId, 'setup', scope.principal);
      return { userId, created: true, setupLink, email: null, pendingEmail };
    });
  }

  /** Resets the account: the password stops working, every session ends, and a new one-time setup link is answered (once). */
  async reset(scope: AccessScope, employeeId: string): Promise<ResetAccountResponse> {
    return this.db.transaction(async (m) => {
      const emp = await this.manageableEmployee(scope, employeeId, m);
      const lockedId = await lockAccountOfEmployee(m, employeeId);
      if (!lockedId) throw notFound(ErrorCode.ACCOUNT_NOT_FOUND, 'Pegawai ini belum punya akun; buat akunnya dahulu');
      const user = (await m.getRepository(UserAccountEntity).findOneBy({ id: lockedId })) as UserAccountEntity;
      requireAccountManageable(scope, emp, await heldRolesOf(m, user.id));
      const purpose = user.passwordHash ? 'reset' : 'setup';
      await m
        .getRepository(UserAccountEntity)
        .update({ id: user.id }, { passwordHash: null, failedLoginCount: 0, lockedUntil: null });
      await this.sessions.endUserSessions(m, user.id, 'password-reset');
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        { action: 'user.password_reset', entityType: 'user_account', entityId: user.id, agencyId: emp.agencyId },
      );
      await recordAccountEvent(m, scope.principal, user.id, 'password_reset');
      // A "forgot password" request of the account is answered by this link, whichever page it was issued from.
      await resolvePendingRequests(m, user.id, scope.principal.userId);
      const setupLink = await this.links.issue(m, user.id, purpose, scope.principal);
      return { userId: user.id, setupLink };
    });
  }

  /** The signed-in user accepts the login email waiting for them; sign-in by the old one stops. */
  async confirmPendingEmail(principal: Principal): Promise<void> {
    await this.db.transaction(async (m) => {
      const row = await lockAccountEmails(m, principal.userId);
      if (!row?.pending_email)
        throw conflict(ErrorCode.ACCOUNT_NO_PENDING_EMAIL, 'Tidak ada email baru yang menunggu konfirmasi');
      // Pending emails are not unique: the first owner to confirm an address wins it.
      if (await m.getRepository(UserAccountEntity).existsBy({ email: row.pending_email }))
        throw duplicateEmail(row.pending_email);
      await m
        .getRepository(UserAccountEntity)
        .update(
          { id: row.id },
          { email: row.pending_email, pendingEmail: null, pendingEmailSetAt: null, pendingEmailSetBy: null },
        );
      await recordAudit(
        m,
        { userId: principal.userId, correlationId: principal.correlationId },
        {
          action: 'user.email_confirmed',
          entityType: 'user_account',
          entityId: row.id,
          agencyId: row.agency_id,
          before: { email: row.email },
          after: { email: row.pending_email },
        },
      );
      await recordAccountEvent(m, principal, row.id, 'email_confirmed', {
        email: row.pending_email,
        previous: row.email,
      });
    });
  }

  /** The signed-in user declines the login email waiting for them. Idempotent. */
  async declinePendingEmail(principal: Principal): Promise<void> {
    await this.db.transaction(async (m) => {
      const row = await lockAccountPendingEmail(m, principal.userId);
      if (!row?.pending_email) return;
      await m
        .getRepository(UserAccountEntity)
        .update({ id: row.id }, { pendingEmail: null, pendingEmailSetAt: null, pendingEmailSetBy: null });
      await recordAudit(
        m,
        { userId: principal.userId, correlationId: principal.correlationId },
        {
          action: 'user.email_declined',
          entityType: 'user_account',
          entityId: row.id,
          agencyId: row.agency_id,
          before: { pendingEmail: row.pending_email },
        },
      );
    });
  }

  /** What happened to the caller's own account, newest first. */
  accountEvents(principal: Principal, q: PageQueryDto): Promise<Page<AccountEvent>> {
    return listAccountEvents(this.db.manager, principal.userId, q);
  }

  /** The ASN, readable (else 404) and whose record the caller manages (else 403). */
  private async manageableEmployee(
    scope: AccessScope,
    employeeId: string,
    m: EntityManager,
  ): Promise<EmployeeWithPath> {
    const emp = await this.employees.findReadable(scope, employeeId, m);
    if (!scope.canManageEmployeesAt(emp.agencyId, emp.unitPath))
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengatur akun pegawai ini');
    return emp;
  }

  /** Stores a requested login email as pending (or clears the request when it is the current one). A confirmed email of another account is a 409. */
  private async requestEmail(
    m: EntityManager,
    actor: Principal,
    user: UserAccountEntity,
    email: string,
    agencyId: string,
  ): Promise<void> {
    const repo = m.getRepository(UserAccountEntity);
    if (email === user.email) {
      if (user.pendingEmail)
        await repo.update({ id: user.id }, { pendingEmail: null, pendingEmailSetAt: null, pendingEmailSetBy: null });
      return;
    }
    if (email === user.pendingEmail) return;
    const other = await repo.findOneBy({ email });
    if (other && other.id !== user.id) throw duplicateEmail(email);
    await repo.update(
      { id: user.id },
      { pendingEmail: email, pendingEmailSetAt: new Date(), pendingEmailSetBy: actor.userId },
    );
    await recordAudit(
      m,
      { userId: actor.userId, correlationId: actor.correlationId },
      {
        action: 'user.email_change_requested',
        entityType: 'user_account',
        entityId: user.id,
        agencyId,
        before: { email: user.email },
        after: { pendingEmail: email },
      },
    );
    await recordAccountEvent(m, actor, user.id, 'email_change_requested', { email });
  }

  async listRoles(scope: AccessScope, employeeId: string): Promise<RoleAssignment[]> {
    await this.employees.findReadable(scope, employeeId);
    const rows = await selectEmployeeRoleAssignments(this.db, employeeId);
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
    }));
  }

  /** Grants a role. Granting one already held changes nothing (idempotent). */
  async grant(scope: AccessScope, employeeId: string, dto: GrantRoleDto): Promise<RoleAssignment> {
    await this.db.transaction(async (m) => {
      const target = await this.employees.findReadable(scope, employeeId, m);
      if (!scope.canGrant(dto.role, dto.agencyId))
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang memberikan peran ini di instansi tersebut');
      // A platform admin may grant in any agency: one that does not exist is a 404, not a foreign-key failure.
      if (!(await agencyExists(m, dto.agencyId)))
        throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      if (dto.unitId && ROLE_RANK[dto.role] > ROLE_RANK.hr_officer)
        throw invalid(
          ErrorCode.ROLE_INVALID_SCOPE,
          'Peran admin berlaku untuk seluruh instansi; tidak dapat dibatasi ke unit kerja',
        );
      const user = await m.getRepository(UserAccountEntity).findOneBy({ employeeId });
      if (!user) throw invalid(ErrorCode.ROLE_INVALID_SCOPE, 'Pegawai ini belum punya akun; buat akunnya dahulu');
      if (dto.unitId && !(await findUnitInAgency(m, dto.agencyId, dto.unitId))) {
        throw invalid(ErrorCode.ROLE_INVALID_SCOPE, 'Unit kerja tidak ada di instansi itu');
      }
      // Ids are resolved first (a foreign id answers like an unknown one); then nobody raises their own roles.
      if (employeeId === scope.principal.employeeId)
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak dapat mengubah peran Anda sendiri');
      const insertedId = await insertRoleAssignment(m, {
        userId: user.id,
        role: dto.role,
        agencyId: dto.agencyId,
        unitId: dto.unitId ?? null,
      });
      if (insertedId) {
        await recordAudit(
          m,
          { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
          {
            action: 'role.grant',
            entityType: 'role_assignment',
            entityId: insertedId,
            agencyId: dto.agencyId,
            after: { employeeId, fullName: target.fullName, ...dto },
            touchedAgencyIds: [target.agencyId],
          },
        );
      }
    });
    const roles = await this.listRoles(scope, employeeId);
    return roles.find(
      (r) => r.role === dto.role && r.agencyId === dto.agencyId && r.unitId === (dto.unitId ?? null),
    ) as RoleAssignment;
  }

  /** Revokes a role assignment. Revoking one that is gone changes nothing. */
  async revoke(scope: AccessScope, assignmentId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const ra = await m.getRepository(RoleAssignmentEntity).findOneBy({ id: assignmentId });
      if (!ra) return;
      if (!scope.canGrant(ra.role, ra.agencyId))
        throw notFound(ErrorCode.ROLE_NOT_FOUND, 'Penugasan peran tidak ditemukan');
      if (!scope.canRevoke(ra.role, ra.agencyId)) {
        throw forbidden(
          ErrorCode.ACCOUNT_RANK_FORBIDDEN,
          'Peran setara dengan peran Anda hanya dapat dicabut oleh admin di atas Anda',
        );
      }
      await m.getRepository(RoleAssignmentEntity).delete({ id: assignmentId });
      // Tokens carrying the role stop working now; the user's client refreshes into a token without it.
      await this.sessions.retireAccessTokens(m, ra.userId);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'role.revoke',
          entityType: 'role_assignment',
          entityId: assignmentId,
          agencyId: ra.agencyId,
          before: ra,
          touchedAgencyIds: [await accountAgencyId(m, ra.userId)],
        },
      );
    });
  }
}
