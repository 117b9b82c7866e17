/** What a notification is about (issue 17, docs/notifications.md). */
export const NOTIFICATION_KINDS = [
  'certificate_issued',
  'enrolment_approved',
  'enrolment_rejected',
  'jp_claim_verified',
  'jp_claim_rejected',
  'password_setup_link',
  'discussion_mention',
  'discussion_reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds a user may switch the email of on or off; the password setup link is always sent. */
export const EMAIL_PREFERENCE_KINDS = [
  'certificate_issued',
  'enrolment_approved',
  'enrolment_rejected',
  'jp_claim_verified',
  'jp_claim_rejected',
  'discussion_mention',
  'discussion_reply',
] as const satisfies readonly NotificationKind[];
export type EmailPreferenceKind = (typeof EMAIL_PREFERENCE_KINDS)[number];

/** One in-app notification of the caller. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the web app, e.g. `/sertifikat`. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** A page of the caller's notifications with how many are unread (across all pages). */
export interface NotificationPage {
  items: AppNotification[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

export interface EmailPreference {
  kind: EmailPreferenceKind;
  email: boolean;
}

export interface EmailPreferences {
  /** False when the account has no email address: preferences are kept, but nothing can be sent. */
  hasEmailAddress: boolean;
  preferences: EmailPreference[];
}
