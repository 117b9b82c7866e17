import {
  canDeletePost,
  canEditPost,
  canMarkAnswer,
  canStartThread,
  classStanding,
  communityStanding,
  courseStanding,
  EDIT_WINDOW_MS,
  isAnswerable,
  mentionList,
  unreadCount,
  visibleBody,
} from './space-rules';

const course = { isAuthor: false, isAdmin: false, enrolment: null, live: true, visible: false } as const;

describe('who stands where in a space', () => {
  it.each([
    ['an author', { ...course, isAuthor: true }, { reader: true, moderator: true }],
    ['an admin of the course agency', { ...course, isAdmin: true }, { reader: true, moderator: true }],
    ['an active learner', { ...course, enrolment: 'active' }, { reader: true, moderator: false }],
    ['a learner who completed it', { ...course, enrolment: 'completed' }, { reader: true, moderator: false }],
    [
      'a learner still waiting for approval',
      { ...course, enrolment: 'pending_approval' },
      { reader: false, moderator: false },
    ],
    ['a withdrawn learner', { ...course, enrolment: 'withdrawn' }, { reader: false, moderator: false }],
    ['an ASN the live course is offered to', { ...course, visible: true }, { reader: true, moderator: false }],
    [
      'an ASN of an archived course’s audience',
      { ...course, visible: true, live: false },
      { reader: false, moderator: false },
    ],
    ['an outsider', course, { reader: false, moderator: false }],
  ] as const)('course: %s', (_name, facts, expected) => {
    expect(courseStanding(facts)).toEqual(expected);
  });

  it.each([
    [
      'a confirmed registrant',
      { adminOfOrganiser: false, speaker: false, confirmed: true },
      { reader: true, moderator: false },
    ],
    ['a speaker', { adminOfOrganiser: false, speaker: true, confirmed: false }, { reader: true, moderator: true }],
    [
      'an organiser admin',
      { adminOfOrganiser: true, speaker: false, confirmed: false },
      { reader: true, moderator: true },
    ],
    [
      'anyone else (waitlisted, cancelled)',
      { adminOfOrganiser: false, speaker: false, confirmed: false },
      { reader: false, moderator: false },
    ],
  ] as const)('class: %s', (_name, facts, expected) => {
    expect(classStanding(facts)).toEqual(expected);
  });

  it.each([
    ['an active member', { role: 'member', status: 'active' }, false, { reader: true, moderator: false }],
    ['an invited member', { role: 'member', status: 'invited' }, false, { reader: false, moderator: false }],
    ['an active facilitator', { role: 'facilitator', status: 'active' }, false, { reader: true, moderator: true }],
    ['a host agency admin', null, true, { reader: true, moderator: true }],
    ['a stranger', null, false, { reader: false, moderator: false }],
  ] as const)('community: %s', (_name, membership, adminOfHost, expected) => {
    expect(communityStanding({ adminOfHost, membership })).toEqual(expected);
  });
});

describe('what readers and moderators may do', () => {
  const reader = { reader: true, moderator: false };
  const moderator = { reader: true, moderator: true };
  it('announcements are the moderators’; discussions and questions anyone’s who reads', () => {
    expect(canStartThread('announcement', reader)).toBe(false);
    expect(canStartThread('announcement', moderator)).toBe(true);
    expect(canStartThread('question', reader)).toBe(true);
    expect(canStartThread('discussion', { reader: false, moderator: false })).toBe(false);
  });

  const now = new Date('2026-12-04T10:00:00Z');
  const post = {
    authorUserId: 'u1',
    isOpening: false,
    hidden: false,
    deleted: false,
    createdAt: new Date(now.getTime() - 3600_000),
  };
  it('the author edits within a day, while shown and the thread is open', () => {
    expect(canEditPost(post, { locked: false }, 'u1', now)).toBe(true);
    expect(canEditPost(post, { locked: false }, 'u2', now)).toBe(false);
    expect(canEditPost(post, { locked: true }, 'u1', now)).toBe(false);
    expect(canEditPost({ ...post, hidden: true }, { locked: false }, 'u1', now)).toBe(false);
    expect(canEditPost({ ...post, deleted: true }, { locked: false }, 'u1', now)).toBe(false);
    const old = { ...post, createdAt: new Date(now.getTime() - EDIT_WINDOW_MS - 1) };
    expect(canEditPost(old, { locked: false }, 'u1', now)).toBe(false);
    expect(canDeletePost(old, 'u1')).toBe(true);
    expect(canDeletePost({ ...post, hidden: true }, 'u1')).toBe(false);
    expect(canDeletePost(post, 'u2')).toBe(false);
  });

  it('the asker or a moderator marks the answer of a question, on a shown reply', () => {
    const question = { kind: 'question' as const, authorUserId: 'asker' };
    expect(canMarkAnswer(question, { userId: 'asker', moderator: false })).toBe(true);
    expect(canMarkAnswer(question, { userId: 'other', moderator: false })).toBe(false);
    expect(canMarkAnswer(question, { userId: 'other', moderator: true })).toBe(true);
    expect(canMarkAnswer({ ...question, kind: 'discussion' }, { userId: 'asker', moderator: true })).toBe(false);
    expect(isAnswerable(post)).toBe(true);
    expect(isAnswerable({ ...post, isOpening: true })).toBe(false);
    expect(isAnswerable({ ...post, hidden: true })).toBe(false);
  });

  it('a hidden post shows to moderators only; a deleted one to nobody', () => {
    expect(visibleBody({ body: '<p>x</p>', hidden: true, deleted: false }, false)).toBeNull();
    expect(visibleBody({ body: '<p>x</p>', hidden: true, deleted: false }, true)).toBe('<p>x</p>');
    expect(visibleBody({ body: '<p>x</p>', hidden: false, deleted: true }, true)).toBeNull();
    expect(visibleBody({ body: '<p>x</p>', hidden: false, deleted: false }, false)).toBe('<p>x</p>');
  });

  it('a mention list is unique and leaves the writer out', () => {
    expect(mentionList(['A', 'a', 'b', 'me'], 'ME')).toEqual(['a', 'b']);
    expect(mentionList(undefined, null)).toEqual([]);
  });

  it('unread: others’ shown posts after the marker', () => {
    const posts = [
      { seq: 1, authorUserId: 'a', hidden: false, deleted: false },
      { seq: 2, authorUserId: 'me', hidden: false, deleted: false },
      { seq: 3, authorUserId: 'b', hidden: true, deleted: false },
      { seq: 4, authorUserId: 'b', hidden: false, deleted: true },
      { seq: 5, authorUserId: 'b', hidden: false, deleted: false },
    ];
    expect(unreadCount(posts, null, 'me')).toBe(2);
    expect(unreadCount(posts, 1, 'me')).toBe(1);
    expect(unreadCount(posts, 5, 'me')).toBe(0);
  });
});
