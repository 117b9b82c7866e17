import type { Catalog } from '../id';

export const notifications: Catalog['notifications'] = {
  title: 'Notifications',
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  unreadSummary: 'Unread: {{count}}',
  empty: 'No notifications yet.',
  new: 'New',
  markRead: 'Mark as read',
  markReadNamed: 'Mark as read: {{title}}',
  markAllRead: 'Mark all as read',
  seeAll: 'See all notifications',
  prefsTitle: 'Email notifications',
  prefsIntro: 'Choose which emails you get. In-app notifications still appear.',
  prefsNoAddress: 'Your account has no email address yet, so no email can be sent.',
  prefsPasswordAlways: 'Password setup links are always emailed.',
  kind: {
    certificate_issued: 'Certificate issued',
    enrolment_approved: 'Enrolment approved',
    enrolment_rejected: 'Enrolment rejected',
    jp_claim_verified: 'JP claim verified',
    jp_claim_rejected: 'JP claim rejected',
    discussion_mention: 'Mentioned in a discussion',
    discussion_reply: 'Replies to your thread',
  },
};
