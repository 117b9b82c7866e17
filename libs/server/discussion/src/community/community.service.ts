import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  OutboxEvent,
  type AgencyTimeZone,
  type Community,
  type CommunityJoinPolicy,
  type CommunityMember,
  type CommunitySession,
  type CommunitySessionMode,
  type Page,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, toPage, writeOutbox, type PageQueryDto } from '@kompeten/server-core';
import { findActiveEmployeeByNip } from '@kompeten/server-identity';
import { widyaiswaraAgencies } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import { ensureSpace } from '../access/space-store';
import { communityStanding } from '../access/space-rules';
import { mayHostAt, sessionProblem } from './community-rules';
import {
  activeMembersAmong,
  findCommunity,
  hostZone,
  insertCommunity,
  insertSession,
  inviteMember,
  joinCommunity,
  leaveCommunity,
  listCommunities,
  listMembers,
  listSessions,
  findSession,
  findMember,
  sessionOfRequest,
  setMemberRole,
  type CommunityRow,
  type SessionRow,
} from './community-store';

const NOT_FOUND = () => notFound(ErrorCode.COMMUNITY_NOT_FOUND, 'Komunitas tidak ditemukan');
const ASN_ONLY = () =>
  forbidden(ErrorCode.COMMUNITY_ASN_ONLY, 'Hanya ASN (akun dengan data ASN) yang dapat melakukannya');
const FACILITATORS_ONLY = () =>
  forbidden(ErrorCode.COMMUNITY_FACILITATORS_ONLY, 'Hanya fasilitator komunitas ini yang dapat melakukannya');
const offset = (q: PageQueryDto) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/**
 * Communities of practice (decision 0039): any ASN sees open communities and joins them; facilitators invite, record
 * sessions (whose attendees the JP ledger credits through `community.session-recorded`) and moderate the
 * community's discussion with the admins of the host agency.
 */
@Injectable()
export class CommunityService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async create(
    scope: AccessScope,
    dto: { name: string; topic: string; description?: string; agencyId: string; joinPolicy?: CommunityJoinPolicy },
  ): Promise<Community> {
    const employeeId = scope.principal.employeeId;
    if (!scope.canReadAgency(dto.agencyId)) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    if (!employeeId) throw ASN_ONLY();
    const may = mayHostAt({
      isAsn: true,
      adminThere: scope.canAdministerAgency(dto.agencyId),
      widyaiswaraThere: widyaiswaraAgencies(scope).includes(dto.agencyId),
    });
    if (!may)
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Komunitas dibentuk oleh widyaiswara atau admin instansi penyelenggaranya',
      );
    const id = await this.db.transaction(async (m) => {
      const id = await insertCommunity(m, {
        name: dto.name.trim(),
        topic: dto.topic.trim(),
        description: dto.description?.trim() ?? '',
        agencyId: dto.agencyId,
        joinPolicy: dto.joinPolicy ?? 'open',
        createdBy: scope.principal.userId,
      });
      await joinCommunity(m, id, employeeId, 'facilitator');
      await ensureSpace(m, 'community', id);
      return id;
    });
    return this.get(scope, id);
  }

  async list(scope: AccessScope, q: PageQueryDto & { q?: string; mine?: boolean }): Promise<Page<Community>> {
    const m = this.db.manager;
    const { total, rows } = await listCommunities(m, {
      employeeId: scope.principal.employeeId,
      adminAgencyIds: scope.global ? null : [...scope.adminAgencyIds],
      mine: q.mine ?? false,
      q: q.q?.trim() || null,
      ...offset(q),
    });
    return toPage(
      rows.map((r) => this.toCommunity(scope, r)),
      total,
      q,
    );
  }

  async get(scope: AccessScope, id: string): Promise<Community> {
    return this.toCommunity(scope, await this.visible(this.db.manager, scope, id));
  }

  async join(scope: AccessScope, id: string): Promise<Community> {
    const employeeId = scope.principal.employeeId;
    await this.db.transaction(async (m) => {
      const c = await this.visible(m, scope, id);
      if (!employeeId) throw ASN_ONLY();
      if (c.my_status === 'active') return;
      if (c.join_policy === 'invite' && c.my_status !== 'invited')
        throw forbidden(ErrorCode.COMMUNITY_INVITE_ONLY, 'Komunitas ini menerima anggota melalui undangan fasilitator');
      await joinCommunity(m, id, employeeId, 'member');
    });
    return this.get(scope, id);
  }

  async leave(scope: AccessScope, id: string): Promise<Community> {
    const employeeId = scope.principal.employeeId;
    await this.db.transaction(async (m) => {
      const c = await this.visible(m, scope, id);
      if (!employeeId || !c.my_status) return;
      const left = await leaveCommunity(m, id, employeeId);
      if (left === 0)
        throw conflict(
          ErrorCode.COMMUNITY_LAST_FACILITATOR,
          'Fasilitator terakhir tidak dapat keluar; tunjuk fasilitator lain terlebih dahulu',
        );
    });
    return this.get(scope, id);
  }

  async invite(scope: AccessScope, id: string, nip: string): Promise<CommunityMember> {
    return this.db.transaction(async (m) => {
      const c = await this.managed(m, scope, id);
      const person = await findActiveEmployeeByNip(m, nip);
      if (!person) throw notFound(ErrorCode.COMMUNITY_PERSON_NOT_FOUND, 'Tidak ada ASN aktif dengan NIP ini');
      await inviteMember(m, c.id, person.id, scope.principal.userId);
      return this.member(m, c.id, person.id);
    });
  }

  async setRole(
    scope: AccessScope,
    id: string,
    employeeId: string,
    role: 'facilitator' | 'member',
  ): Promise<CommunityMember> {
    return this.db.transaction(async (m) => {
      const c = await this.managed(m, scope, id);
      if (!(await setMemberRole(m, c.id, employeeId, role)))
        throw notFound(ErrorCode.COMMUNITY_NOT_A_MEMBER, 'Bukan anggota aktif komunitas ini');
      return this.member(m, c.id, employeeId);
    });
  }

  async members(scope: AccessScope, id: string, q: PageQueryDto): Promise<Page<CommunityMember>> {
    const m = this.db.manager;
    await this.readable(m, scope, id);
    const { total, rows } = await listMembers(m, id, offset(q));
    return toPage(
      rows.map((r) => ({
        employeeId: r.employee_id,
        name: r.full_name,
        agencyName: r.agency_name,
        role: r.role,
        status: r.status,
        joinedAt: r.joined_at?.toISOString() ?? null,
      })),
      total,
      q,
    );
  }

  async sessions(scope: AccessScope, id: string, q: PageQueryDto): Promise<Page<CommunitySession>> {
    const m = this.db.manager;
    await this.readable(m, scope, id);
    const { total, rows } = await listSessions(m, id, offset(q));
    return toPage(rows.map(toSession), total, q);
  }

  /**
   * Records a session with its attendees (active members) and, in the same transaction, the event the JP ledger
   * credits each attendee from. The same request id sent again answers the first session.
   */
  async recordSession(
    scope: AccessScope,
    id: string,
    dto: {
      title: string;
      heldOn: string;
      durationMinutes: number;
      mode?: CommunitySessionMode;
      attendeeIds: string[];
      requestId?: string;
    },
  ): Promise<CommunitySession> {
    const userId = scope.principal.userId;
    const sessionId = await this.db.transaction(async (m) => {
      const c = await this.managed(m, scope, id);
      if (dto.requestId) {
        const again = await sessionOfRequest(m, userId, dto.requestId);
        if (again?.community_id === c.id) return again.id;
        if (again) throw conflict(ErrorCode.DISCUSSION_REQUEST_REUSED, 'Id permintaan ini sudah dipakai');
      }
      const zone = (await hostZone(m, c.id)) as AgencyTimeZone;
      const problem = sessionProblem(dto.heldOn, dto.durationMinutes, localDateOf(new Date(), zone));
      if (problem) throw invalid(ErrorCode.COMMUNITY_INVALID_SESSION, problem);
      const attendees = [...new Set(dto.attendeeIds.map((a) => a.toLowerCase()))];
      const members = await activeMembersAmong(m, c.id, attendees);
      if (attendees.some((a) => !members.has(a)))
        throw invalid(ErrorCode.COMMUNITY_NOT_A_MEMBER, 'Setiap peserta pertemuan harus anggota aktif komunitas', {
          employeeIds: attendees.filter((a) => !members.has(a)),
        });
      const sessionId = await insertSession(m, {
        communityId: c.id,
        title: dto.title.trim(),
        heldOn: dto.heldOn,
        durationMinutes: dto.durationMinutes,
        mode: dto.mode ?? 'online',
        recordedBy: userId,
        requestId: dto.requestId ?? null,
        attendeeIds: attendees,
      });
      await writeOutbox(m, OutboxEvent.CommunitySessionRecorded, sessionId, { sessionId });
      return sessionId;
    });
    return toSession((await findSession(this.db.manager, sessionId)) as SessionRow);
  }

  // ---- access -------------------------------------------------------------------------------------------------------

  private standing(scope: AccessScope, c: CommunityRow) {
    return communityStanding({
      adminOfHost: scope.canAdministerAgency(c.agency_id),
      membership: c.my_role && c.my_status ? { role: c.my_role, status: c.my_status } : null,
    });
  }

  /** Open communities, those the caller was invited to or belongs to, and those its agencies host (as admin). */
  private async visible(m: EntityManager, scope: AccessScope, id: string): Promise<CommunityRow> {
    const c = await findCommunity(m, id, scope.principal.employeeId);
    if (!c) throw NOT_FOUND();
    if (c.join_policy !== 'open' && !c.my_status && !scope.canAdministerAgency(c.agency_id)) throw NOT_FOUND();
    return c;
  }

  /** Members and managers see members and sessions; others see the community's page only. */
  private async readable(m: EntityManager, scope: AccessScope, id: string): Promise<CommunityRow> {
    const c = await this.visible(m, scope, id);
    if (!this.standing(scope, c).reader)
      throw forbidden(ErrorCode.COMMUNITY_NOT_A_MEMBER, 'Bergabunglah dengan komunitas ini untuk melihatnya');
    return c;
  }

  private async managed(m: EntityManager, scope: AccessScope, id: string): Promise<CommunityRow> {
    const c = await this.visible(m, scope, id);
    if (!this.standing(scope, c).moderator) throw FACILITATORS_ONLY();
    return c;
  }

  private async member(m: EntityManager, communityId: string, employeeId: string): Promise<CommunityMember> {
    const r = await findMember(m, communityId, employeeId);
    if (!r) throw NOT_FOUND();
    return {
      employeeId: r.employee_id,
      name: r.full_name,
      agencyName: r.agency_name,
      role: r.role,
      status: r.status,
      joinedAt: r.joined_at?.toISOString() ?? null,
    };
  }

  private toCommunity(scope: AccessScope, r: CommunityRow): Community {
    return {
      id: r.id,
      name: r.name,
      topic: r.topic,
      description: r.description,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      agencyTimeZone: r.agency_time_zone,
      joinPolicy: r.join_policy,
      memberCount: r.member_count,
      sessionCount: r.session_count,
      myRole: r.my_status ? r.my_role : null,
      myStatus: r.my_status,
      canManage: this.standing(scope, r).moderator,
      spaceId: r.space_id,
      createdAt: r.created_at.toISOString(),
    };
  }
}

function toSession(s: SessionRow): CommunitySession {
  return {
    id: s.id,
    communityId: s.community_id,
    title: s.title,
    heldOn: s.held_on,
    durationMinutes: s.duration_minutes,
    mode: s.mode,
    attendeeCount: s.attendees.length,
    attendees: s.attendees,
    recordedAt: s.created_at.toISOString(),
  };
}
