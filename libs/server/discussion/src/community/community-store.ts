import type { EntityManager } from 'typeorm';
import type {
  AgencyTimeZone,
  CommunityJoinPolicy,
  CommunityMemberStatus,
  CommunityRole,
  CommunitySessionMode,
} from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import { ORGANISATION_READ_MODELS } from '@kompeten/server-organisation';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const AGENCY = ORGANISATION_READ_MODELS.agency;

export interface CommunityRow {
  id: string;
  name: string;
  topic: string;
  description: string;
  agency_id: string;
  agency_name: string;
  agency_time_zone: AgencyTimeZone;
  join_policy: CommunityJoinPolicy;
  member_count: number;
  session_count: number;
  my_role: CommunityRole | null;
  my_status: CommunityMemberStatus | null;
  space_id: string;
  created_at: Date;
}

const COMMUNITY_SELECT = (
  employee: string,
) => `SELECT c.id, c.name, c.topic, c.description, c.agency_id, a.name AS agency_name, a.time_zone AS agency_time_zone,
       c.join_policy, c.created_at,
       (SELECT count(*)::int FROM community_member cm WHERE cm.community_id = c.id AND cm.status = 'active') AS member_count,
       (SELECT count(*)::int FROM community_session cs WHERE cs.community_id = c.id) AS session_count,
       me.role AS my_role, me.status AS my_status,
       (SELECT s.id FROM discussion_space s WHERE s.kind = 'community' AND s.target_id = c.id) AS space_id
  FROM community c JOIN ${AGENCY} a ON a.id = c.agency_id
  LEFT JOIN community_member me ON me.community_id = c.id AND me.employee_id = ${employee}`;

export async function findCommunity(
  m: EntityManager,
  id: string,
  employeeId: string | null,
): Promise<CommunityRow | null> {
  const [row]: CommunityRow[] = await m.query(`${COMMUNITY_SELECT('$2')} WHERE c.id = $1`, [id, employeeId]);
  return row ?? null;
}

/**
 * Communities a caller may see: every open one, those they were invited to or belong to, and all of the agencies they
 * administer (`adminAgencyIds` null: every agency). `mine` keeps their own; `q` matches name or topic.
 */
export async function listCommunities(
  m: EntityManager,
  f: {
    employeeId: string | null;
    adminAgencyIds: string[] | null;
    mine: boolean;
    q: string | null;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; rows: CommunityRow[] }> {
  const where = `(c.join_policy = 'open' OR me.employee_id IS NOT NULL OR $2::uuid[] IS NULL OR c.agency_id = ANY($2::uuid[]))
     AND (NOT $3::boolean OR me.employee_id IS NOT NULL)
     AND ($4::text IS NULL OR c.name ILIKE $4 OR c.topic ILIKE $4)`;
  const params = [f.employeeId, f.adminAgencyIds, f.mine, f.q ? `%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%` : null];
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM community c
       LEFT JOIN community_member me ON me.community_id = c.id AND me.employee_id = $1 WHERE ${where}`,
    params,
  );
  const rows: CommunityRow[] = await m.query(
    `${COMMUNITY_SELECT('$1')} WHERE ${where} ORDER BY c.name, c.id LIMIT $5 OFFSET $6`,
    [...params, f.limit, f.offset],
  );
  return { total, rows };
}

export async function insertCommunity(
  m: EntityManager,
  c: {
    name: string;
    topic: string;
    description: string;
    agencyId: string;
    joinPolicy: CommunityJoinPolicy;
    createdBy: string;
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO community (name, topic, description, agency_id, join_policy, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.name, c.topic, c.description, c.agencyId, c.joinPolicy, c.createdBy],
  );
  return row.id;
}

export async function membershipOf(
  m: EntityManager,
  communityId: string,
  employeeId: string | null,
): Promise<{ role: CommunityRole; status: CommunityMemberStatus } | null> {
  if (!employeeId) return null;
  const [row]: Array<{ role: CommunityRole; status: CommunityMemberStatus }> = await m.query(
    'SELECT role, status FROM community_member WHERE community_id = $1 AND employee_id = $2',
    [communityId, employeeId],
  );
  return row ?? null;
}

/** Which of the given employees are active members (the readers of the community's discussion). */
export async function activeMembersAmong(
  m: EntityManager,
  communityId: string,
  employeeIds: readonly string[],
): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const rows: Array<{ employee_id: string }> = await m.query(
    `SELECT employee_id FROM community_member
      WHERE community_id = $1 AND status = 'active' AND employee_id = ANY($2::uuid[])`,
    [communityId, employeeIds],
  );
  return new Set(rows.map((r) => r.employee_id));
}

export async function communityHost(m: EntityManager, id: string): Promise<{ agency_id: string; name: string } | null> {
  const [row]: Array<{ agency_id: string; name: string }> = await m.query(
    'SELECT agency_id, name FROM community WHERE id = $1',
    [id],
  );
  return row ?? null;
}

/** Adds an active member, or activates an invitation; an active member stays as they are. */
export async function joinCommunity(
  m: EntityManager,
  communityId: string,
  employeeId: string,
  role: CommunityRole,
): Promise<void> {
  await m.query(
    `INSERT INTO community_member (community_id, employee_id, role, status, joined_at) VALUES ($1, $2, $3, 'active', now())
     ON CONFLICT (community_id, employee_id) DO UPDATE SET status = 'active', joined_at = COALESCE(community_member.joined_at, now())`,
    [communityId, employeeId, role],
  );
}

/** Invites an ASN; anyone already invited or a member stays as they are. */
export async function inviteMember(m: EntityManager, communityId: string, employeeId: string, by: string) {
  await m.query(
    `INSERT INTO community_member (community_id, employee_id, role, status, invited_by) VALUES ($1, $2, 'member', 'invited', $3)
     ON CONFLICT (community_id, employee_id) DO NOTHING`,
    [communityId, employeeId, by],
  );
}

/** Removes a member, under the community's facilitator rows' locks; answers the facilitators left. */
export async function leaveCommunity(m: EntityManager, communityId: string, employeeId: string): Promise<number> {
  await m.query(
    `SELECT 1 FROM community_member WHERE community_id = $1 AND role = 'facilitator' ORDER BY employee_id FOR UPDATE`,
    [communityId],
  );
  await m.query('DELETE FROM community_member WHERE community_id = $1 AND employee_id = $2', [communityId, employeeId]);
  const [{ n }]: Array<{ n: number }> = await m.query(
    `SELECT count(*)::int AS n FROM community_member WHERE community_id = $1 AND role = 'facilitator' AND status = 'active'`,
    [communityId],
  );
  return n;
}

export async function setMemberRole(m: EntityManager, communityId: string, employeeId: string, role: CommunityRole) {
  const result: unknown = await m.query(
    `UPDATE community_member SET role = $3 WHERE community_id = $1 AND employee_id = $2 AND status = 'active'
     RETURNING employee_id`,
    [communityId, employeeId, role],
  );
  return returnedRows<{ employee_id: string }>(result).length > 0;
}

export interface MemberRow {
  employee_id: string;
  full_name: string;
  agency_name: string | null;
  role: CommunityRole;
  status: CommunityMemberStatus;
  joined_at: Date | null;
}

const MEMBER_SELECT = `SELECT cm.employee_id, e.full_name, a.name AS agency_name, cm.role, cm.status, cm.joined_at
  FROM community_member cm JOIN ${EMPLOYEE} e ON e.id = cm.employee_id LEFT JOIN ${AGENCY} a ON a.id = e.agency_id`;

export async function findMember(m: EntityManager, communityId: string, employeeId: string): Promise<MemberRow | null> {
  const [row]: MemberRow[] = await m.query(`${MEMBER_SELECT} WHERE cm.community_id = $1 AND cm.employee_id = $2`, [
    communityId,
    employeeId,
  ]);
  return row ?? null;
}

export async function listMembers(
  m: EntityManager,
  communityId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: MemberRow[] }> {
  const [{ total }]: Array<{ total: number }> = await m.query(
    'SELECT count(*)::int AS total FROM community_member WHERE community_id = $1',
    [communityId],
  );
  const rows: MemberRow[] = await m.query(
    `${MEMBER_SELECT}
      WHERE cm.community_id = $1
      ORDER BY cm.role = 'facilitator' DESC, cm.status = 'active' DESC, e.full_name, cm.employee_id LIMIT $2 OFFSET $3`,
    [communityId, page.limit, page.offset],
  );
  return { total, rows };
}

// ---- sessions -----------------------------------------------------------------------------------------------------

export interface SessionRow {
  id: string;
  community_id: string;
  title: string;
  held_on: string;
  duration_minutes: number;
  mode: CommunitySessionMode;
  created_at: Date;
  attendees: Array<{ employeeId: string; name: string }>;
}

const SESSION_SELECT = `SELECT s.id, s.community_id, s.title, to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.duration_minutes,
       s.mode, s.created_at,
       COALESCE((SELECT json_agg(json_build_object('employeeId', sa.employee_id, 'name', e.full_name) ORDER BY e.full_name)
                   FROM community_session_attendee sa JOIN ${EMPLOYEE} e ON e.id = sa.employee_id
                  WHERE sa.session_id = s.id), '[]') AS attendees
  FROM community_session s`;

export async function listSessions(
  m: EntityManager,
  communityId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: SessionRow[] }> {
  const [{ total }]: Array<{ total: number }> = await m.query(
    'SELECT count(*)::int AS total FROM community_session WHERE community_id = $1',
    [communityId],
  );
  const rows: SessionRow[] = await m.query(
    `${SESSION_SELECT} WHERE s.community_id = $1 ORDER BY s.held_on DESC, s.created_at DESC, s.id LIMIT $2 OFFSET $3`,
    [communityId, page.limit, page.offset],
  );
  return { total, rows };
}

export async function findSession(m: EntityManager, id: string): Promise<SessionRow | null> {
  const [row]: SessionRow[] = await m.query(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
  return row ?? null;
}

export async function sessionOfRequest(m: EntityManager, recordedBy: string, requestId: string) {
  const [row]: Array<{ id: string; community_id: string }> = await m.query(
    'SELECT id, community_id FROM community_session WHERE recorded_by = $1 AND request_id = $2',
    [recordedBy, requestId],
  );
  return row ?? null;
}

export async function insertSession(
  m: EntityManager,
  s: {
    communityId: string;
    title: string;
    heldOn: string;
    durationMinutes: number;
    mode: CommunitySessionMode;
    recordedBy: string;
    requestId: string | null;
    attendeeIds: readonly string[];
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO community_session (community_id, title, held_on, duration_minutes, mode, recorded_by, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.communityId, s.title, s.heldOn, s.durationMinutes, s.mode, s.recordedBy, s.requestId],
  );
  await m.query(`INSERT INTO community_session_attendee (session_id, employee_id) SELECT $1, unnest($2::uuid[])`, [
    row.id,
    s.attendeeIds,
  ]);
  return row.id;
}

export async function hostZone(m: EntityManager, communityId: string): Promise<string | null> {
  const [row]: Array<{ time_zone: string }> = await m.query(
    `SELECT a.time_zone FROM community c JOIN ${AGENCY} a ON a.id = c.agency_id WHERE c.id = $1`,
    [communityId],
  );
  return row?.time_zone ?? null;
}
