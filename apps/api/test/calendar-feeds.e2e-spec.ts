import ICAL from 'ical.js';
import { ErrorCode, type CalendarEvents, type IssuedFeedToken, type TrainingClass } from '@kompeten/shared-contracts';
import type { TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

const day = 24 * 3600_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The calendar's views and feeds over HTTP (issue 18, decision 0040): routes, media type, caching, token life. */
describe('Calendar views and feeds API', () => {
  let api: TestApi;
  let ntb: string;
  let cls: TrainingClass;
  const date = isoDate(Date.now() + 35 * day);

  beforeAll(async () => {
    api = await bootApi();
    [{ id: ntb }] = await api.db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
    const offering = await api.http
      .post('/api/calendar/offerings')
      .set(await api.auth(DEMO.provinceAdmin))
      .send({ agencyId: ntb, title: 'Bimtek Arsip Dinamis', jenisDiklatId: 8, jp: 8, competencyKind: 'teknis' });
    expect(offering.status).toBe(201);
    const created = await api.http
      .post(`/api/calendar/offerings/${offering.body.id}/classes`)
      .set(await api.auth(DEMO.provinceAdmin))
      .send({
        name: 'Angkatan I',
        schedule: [{ date, start: '08:00', end: '12:00' }],
        mode: 'online',
        meetingUrl: 'https://zoom.us/j/31337',
        seats: 30,
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * day).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * day).toISOString(),
      });
    expect(created.status).toBe(201);
    cls = created.body;
    const reg = await api.http.post(`/api/calendar/classes/${cls.id}/registrations`).set(await api.auth(DEMO.learner));
    expect(reg.status).toBe(201);
  }, 120_000);
  afterAll(() => api?.close());

  it('answers the events of a window, refuses a long one with 400, and an unseen agency with 404', async () => {
    const learner = await api.auth(DEMO.learner);
    const ok = await api.http.get('/api/calendar/events').query({ from: date, to: date }).set(learner);
    expect(ok.status).toBe(200);
    const body = ok.body as CalendarEvents;
    expect(body.events.find((e) => e.classId === cls.id)).toMatchObject({
      start: '08:00',
      zoneLabel: 'WITA',
      myStatus: 'confirmed',
    });
    const long = await api.http
      .get('/api/calendar/events')
      .query({ from: date, to: isoDate(Date.now() + 100 * day) })
      .set(learner);
    expect({ status: long.status, code: long.body.code }).toEqual({
      status: 400,
      code: ErrorCode.CALENDAR_RANGE_TOO_LONG,
    });
    const [{ id: kendal }] = await api.db.query(`SELECT id FROM agency WHERE code LIKE '%kendal%' LIMIT 1`);
    const hidden = await api.http
      .get('/api/calendar/events')
      .query({ from: date, to: date, agencyId: kendal })
      .set(learner);
    expect(hidden.status).toBe(404);
    const mine = await api.http.get('/api/calendar/me/events').query({ from: date, to: date }).set(learner);
    expect(mine.body.events.map((e: { classId: string }) => e.classId)).toContain(cls.id);
  });

  it('serves the agency feed and the private feed as text/calendar; a revoked token is a 404', async () => {
    const agency = await api.http.get(`/api/public/calendar/agencies/${ntb}.ics`);
    expect(agency.status).toBe(200);
    expect(agency.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(agency.headers['cache-control']).toBe('public, max-age=900');
    expect(agency.text).not.toContain('zoom.us');
    expect(agency.text).toContain(`DTSTART;TZID=Asia/Makassar:${date.replace(/-/g, '')}T080000`);

    const issued = await api.http.post('/api/calendar/me/feed-token').set(await api.auth(DEMO.learner));
    expect(issued.status).toBe(201);
    const { url } = issued.body as IssuedFeedToken;
    const path = new URL(url).pathname;
    const feed = await api.http.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
    const root = new ICAL.Component(ICAL.parse(feed.text));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const event = root
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid.startsWith(cls.id));
    expect(event?.startDate.toJSDate().toISOString()).toBe(`${date}T00:00:00.000Z`);
    expect(event?.location).toBe('https://zoom.us/j/31337');

    expect((await api.http.get('/api/calendar/me/feed-token').set(await api.auth(DEMO.learner))).body.active).toBe(
      true,
    );
    const revoked = await api.http.delete('/api/calendar/me/feed-token').set(await api.auth(DEMO.learner));
    expect(revoked.status).toBe(204);
    const gone = await api.http.get(path);
    expect({ status: gone.status, code: gone.body.code }).toEqual({
      status: 404,
      code: ErrorCode.CALENDAR_FEED_NOT_FOUND,
    });
  });

  it('lets the organiser edit and cancel over HTTP; a learner cannot', async () => {
    const learner = await api.http
      .patch(`/api/calendar/classes/${cls.id}`)
      .set(await api.auth(DEMO.learner))
      .send({ name: 'X' });
    expect(learner.status).toBe(404);
    const edit = await api.http
      .patch(`/api/calendar/classes/${cls.id}`)
      .set(await api.auth(DEMO.provinceAdmin))
      .send({ schedule: [{ date, start: '09:00', end: '12:00' }] });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ sequence: 1 });
    const noReason = await api.http
      .post(`/api/calendar/classes/${cls.id}/cancel`)
      .set(await api.auth(DEMO.provinceAdmin))
      .send({});
    expect(noReason.status).toBe(400);
    const cancel = await api.http
      .post(`/api/calendar/classes/${cls.id}/cancel`)
      .set(await api.auth(DEMO.provinceAdmin))
      .send({ reason: 'Narasumber berhalangan' });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    const feed = await api.http.get(`/api/public/calendar/agencies/${ntb}.ics`);
    expect(feed.text).toContain('STATUS:CANCELLED');
  });
});
