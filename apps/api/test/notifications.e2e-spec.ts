import { randomUUID } from 'node:crypto';
import type { NotificationPage } from '@kompeten/shared-contracts';
import type { TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** /api/notifications/me over HTTP (issue 17): every route answers only the caller's own notifications and choices. */
describe('My notifications (HTTP)', () => {
  let api: TestApi;
  let learnerId: string;
  let otherId: string;

  const userIdOf = async (nip: string) =>
    (
      await api.db.query(
        `SELECT ua.id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE e.nip = $1`,
        [nip],
      )
    )[0].id as string;
  const notify = async (userId: string, title: string) =>
    (
      await api.db.query(
        `INSERT INTO notification (user_id, kind, source_id, title, body, link)
         VALUES ($1, 'jp_claim_rejected', $2, $3, 'Klaim ditolak. Alasan: uji', '/jp') RETURNING id`,
        [userId, randomUUID(), title],
      )
    )[0].id as string;

  beforeAll(async () => {
    api = await bootApi();
    learnerId = await userIdOf(DEMO.learner);
    otherId = await userIdOf(DEMO.pppkLearner);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists, counts and marks only the caller’s notifications; another’s id is a 404 and stays unread', async () => {
    const mine = await notify(learnerId, 'Milik saya');
    const theirs = await notify(otherId, 'Milik orang lain');
    const auth = await api.auth(DEMO.learner);
    const list = await api.http.get('/api/notifications/me?pageSize=100').set(auth);
    expect(list.status).toBe(200);
    const body = list.body as NotificationPage;
    expect(body.items.map((n) => n.id)).toContain(mine);
    expect(body.items.map((n) => n.id)).not.toContain(theirs);
    expect(body).toMatchObject({ page: 1, pageSize: 100, unreadCount: expect.any(Number) });

    const stolen = await api.http.post(`/api/notifications/me/${theirs}/read`).set(auth);
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('NOTIFICATION.NOT_FOUND');
    const [row] = await api.db.query(`SELECT read_at FROM notification WHERE id = $1`, [theirs]);
    expect(row.read_at).toBeNull();

    expect((await api.http.post('/api/notifications/me/not-a-uuid/read').set(auth)).status).toBe(404);
    const read = await api.http.post(`/api/notifications/me/${mine}/read`).set(auth);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();

    const all = await api.http.post('/api/notifications/me/read-all').set(auth);
    expect(all.status).toBe(200);
    expect((await api.http.get('/api/notifications/me/unread-count').set(auth)).body).toEqual({ unreadCount: 0 });
    const other = await api.http.get('/api/notifications/me/unread-count').set(await api.auth(DEMO.pppkLearner));
    expect(other.body.unreadCount).toBeGreaterThanOrEqual(1);
    expect((await api.http.get('/api/notifications/me')).status).toBe(401);
  });

  it('email choices: defaults on, saved per user, bad input is a 400 with a readable message', async () => {
    const auth = await api.auth(DEMO.learner);
    const before = await api.http.get('/api/notifications/me/email-preferences').set(auth);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ hasEmailAddress: true });
    expect(before.body.preferences).toContainEqual({ kind: 'certificate_issued', email: true });
    const put = await api.http
      .put('/api/notifications/me/email-preferences')
      .set(auth)
      .send({ preferences: [{ kind: 'enrolment_approved', email: false }] });
    expect(put.status).toBe(200);
    expect(put.body.preferences).toContainEqual({ kind: 'enrolment_approved', email: false });
    const others = await api.http.get('/api/notifications/me/email-preferences').set(await api.auth(DEMO.pppkLearner));
    expect(others.body.preferences).toContainEqual({ kind: 'enrolment_approved', email: true });
    const bad = await api.http
      .put('/api/notifications/me/email-preferences')
      .set(auth)
      .send({ preferences: [{ kind: 'password_setup_link', email: false }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/kind harus salah satu dari/);
  });
});
