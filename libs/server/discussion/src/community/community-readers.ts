import type { EntityManager } from 'typeorm';
import type { CommunitySessionMode } from '@kompeten/shared-contracts';
import { ORGANISATION_READ_MODELS } from '@kompeten/server-organisation';

/** A recorded community session as the JP ledger credits it (jenis diklat 23; decision 0039). */
export interface CommunitySessionCredit {
  sessionId: string;
  title: string;
  communityName: string;
  topic: string;
  /** The host agency's name: the organiser on the ledger line. */
  hostAgencyName: string;
  /** Local date of the meeting. */
  heldOn: string;
  durationMinutes: number;
  mode: CommunitySessionMode;
  /** One per attendee; `attendeeId` is the ledger's source id, so each attendee is credited once. */
  attendees: Array<{ attendeeId: string; employeeId: string }>;
}

/** For the JP job `jp.credit-community-session`: the session and its attendees, or null for an unknown session. */
export async function findCommunitySessionCredit(
  m: EntityManager,
  sessionId: string,
): Promise<CommunitySessionCredit | null> {
  const [row]: Array<{
    id: string;
    title: string;
    community_name: string;
    topic: string;
    agency_name: string;
    held_on: string;
    duration_minutes: number;
    mode: CommunitySessionMode;
    attendees: Array<{ attendeeId: string; employeeId: string }>;
  }> = await m.query(
    `SELECT s.id, s.title, c.name AS community_name, c.topic, a.name AS agency_name,
            to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.duration_minutes, s.mode,
            COALESCE((SELECT json_agg(json_build_object('attendeeId', sa.id, 'employeeId', sa.employee_id) ORDER BY sa.employee_id)
                        FROM community_session_attendee sa WHERE sa.session_id = s.id), '[]') AS attendees
       FROM community_session s JOIN community c ON c.id = s.community_id
       JOIN ${ORGANISATION_READ_MODELS.agency} a ON a.id = c.agency_id
      WHERE s.id = $1`,
    [sessionId],
  );
  return row
    ? {
        sessionId: row.id,
        title: row.title,
        communityName: row.community_name,
        topic: row.topic,
        hostAgencyName: row.agency_name,
        heldOn: row.held_on,
        durationMinutes: row.duration_minutes,
        mode: row.mode,
        attendees: row.attendees,
      }
    : null;
}
