import type { DataSource } from 'typeorm';

const MINUTE = 60_000;
const WITA = 8 * 3600_000;
const hhmm = (t: number) => new Date(t + WITA).toISOString().slice(11, 16);
const day = (t: number) => new Date(t + WITA).toISOString().slice(0, 10);

/**
 * Moves a class's sessions (created in the future, so that people could register) to instants around now, as a class
 * that is running or over: each session `[startMinutesFromNow, lengthMinutes]`. The schedule follows in WITA (the
 * world's zone). Test data only: the calendar never moves a class.
 */
export async function placeSessions(
  db: DataSource,
  classId: string,
  spans: ReadonlyArray<readonly [number, number]>,
  now = Date.now(),
): Promise<Array<[string, string]>> {
  const sessions = spans.map(([from, length]): [string, string] => {
    const start = Math.floor((now + from * MINUTE) / MINUTE) * MINUTE;
    return [new Date(start).toISOString(), new Date(start + length * MINUTE).toISOString()];
  });
  const schedule = sessions.map(([s, e]) => ({
    date: day(Date.parse(s)),
    start: hhmm(Date.parse(s)),
    end: hhmm(Date.parse(e)),
  }));
  await db.query(
    `UPDATE training_class SET sessions = $2, schedule = $3, starts_at = $4, ends_at = $5, start_date = $6, end_date = $7
      WHERE id = $1`,
    [
      classId,
      JSON.stringify(sessions),
      JSON.stringify(schedule),
      sessions[0][0],
      sessions[sessions.length - 1][1],
      schedule[0].date,
      schedule[schedule.length - 1].date,
    ],
  );
  return sessions;
}

const DAY = 24 * 3600_000;
/** A class body (one 8-hour day, `daysAhead` from now) whose registration is open now. */
export function classBody(daysAhead: number, o: Record<string, unknown> = {}) {
  const date = new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10);
  return {
    name: 'Angkatan Uji',
    schedule: [{ date, start: '08:00', end: '16:00' }],
    mode: 'classroom' as const,
    venue: 'Aula BPSDM',
    seats: 30,
    registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + (daysAhead - 2) * DAY).toISOString(),
    cancellationDeadline: new Date(Date.now() + (daysAhead - 2) * DAY).toISOString(),
    ...o,
  };
}
