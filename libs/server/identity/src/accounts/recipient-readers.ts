import type { EntityManager } from 'typeorm';
import type { Language } from '@kompeten/shared-contracts';
import { displayName } from '@kompeten/shared-util';

/** Whom a notification goes to: the account, the name to greet, and where email can reach them. */
export interface NotificationRecipient {
  userId: string;
  employeeId: string | null;
  /** With titles, as the ASN writes it; the login email for an account without an ASN record. */
  name: string;
  /**
   * The confirmed login email, else the contact email on the ASN record, else the address an officer entered for a
   * new account (not yet confirmed by its owner); null when there is none.
   */
  email: string | null;
  language: Language;
  active: boolean;
}

type Row = {
  id: string;
  employee_id: string | null;
  email: string | null;
  pending_email: string | null;
  language: Language;
  active: boolean;
  full_name: string | null;
  front_title: string | null;
  back_title: string | null;
  contact_email: string | null;
};

const SELECT = `SELECT ua.id, ua.employee_id, ua.email, ua.pending_email, ua.language, ua.active, e.full_name, e.front_title,
  e.back_title, e.email AS contact_email
  FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id`;

function toRecipient(r: Row): NotificationRecipient {
  const name = r.full_name ? displayName(r.full_name, r.front_title, r.back_title) : (r.email ?? r.pending_email ?? '');
  return {
    userId: r.id,
    employeeId: r.employee_id,
    name,
    email: r.email ?? r.contact_email?.toLowerCase() ?? r.pending_email ?? null,
    language: r.language,
    active: r.active,
  };
}

/** The recipient behind an account id, or null. */
export async function recipientOfUser(m: EntityManager, userId: string): Promise<NotificationRecipient | null> {
  const [row]: Row[] = await m.query(`${SELECT} WHERE ua.id = $1`, [userId]);
  return row ? toRecipient(row) : null;
}

/** The account of an ASN, or null when the ASN has no account (nobody to notify in the app). */
export async function recipientOfEmployee(m: EntityManager, employeeId: string): Promise<NotificationRecipient | null> {
  const [row]: Row[] = await m.query(`${SELECT} WHERE ua.employee_id = $1`, [employeeId]);
  return row ? toRecipient(row) : null;
}
