import type { AgencyTimeZone, ClassDay } from '@kompeten/shared-contracts';
import { instantOfLocal, parseCalendarDate } from '@kompeten/shared-util';

/** A UTC interval [start, end) as ISO strings, as stored in `training_class.sessions`. */
export type Session = [string, string];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC sessions of a class's days, read in the organising agency's zone (DOMAIN.md §1: a class day is a local
 * day). Returns the problem in words instead when a day is not a real date, a time is not HH:MM, a day ends before it
 * starts, or two days repeat.
 */
export function sessionsOf(
  days: readonly ClassDay[],
  zone: AgencyTimeZone,
): { sessions: Session[] } | { problem: string } {
  if (!days.length) return { problem: 'jadwal harus memuat minimal satu hari' };
  const seen = new Set<string>();
  const sessions: Session[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const date = parseCalendarDate(day.date);
    if (!date) return { problem: `tanggal ${day.date} tidak valid (format YYYY-MM-DD)` };
    if (seen.has(day.date)) return { problem: `tanggal ${day.date} muncul dua kali di jadwal` };
    seen.add(day.date);
    const s = TIME.exec(day.start);
    const e = TIME.exec(day.end);
    if (!s || !e) return { problem: `jam pada ${day.date} harus berformat HH:MM (mis. 08:00)` };
    const start = instantOfLocal(date, { h: Number(s[1]), min: Number(s[2]) }, zone);
    const end = instantOfLocal(date, { h: Number(e[1]), min: Number(e[2]) }, zone);
    if (end <= start) return { problem: `jam selesai pada ${day.date} harus setelah jam mulai` };
    sessions.push([start.toISOString(), end.toISOString()]);
  }
  return { sessions };
}

/** Two classes conflict when any session of one overlaps any session of the other (touching ends do not). */
export function sessionsOverlap(a: readonly Session[], b: readonly Session[]): boolean {
  return a.some(([as, ae]) => b.some(([bs, be]) => Date.parse(as) < Date.parse(be) && Date.parse(bs) < Date.parse(ae)));
}

export type Refusal = 'registration_closed' | 'not_eligible' | 'schedule_conflict';

export interface RegistrationFacts {
  classStatus: 'scheduled' | 'cancelled';
  /** registration_opens_at <= now < registration_closes_at, judged by the database's clock. */
  windowOpen: boolean;
  employeeActive: boolean;
  /** The learner's agency is the organising agency or one below it. */
  inOrganisingTree: boolean;
  sessions: readonly Session[];
  /** Sessions of the classes where the learner holds a seat (confirmed or pending approval). */
  heldSessions: ReadonlyArray<readonly Session[]>;
}

/**
 * Why a registration is refused before any seat is looked at, or null when it may go on (decision 0034). A full
 * class is not decided here: that is the seat statement's answer (waitlist, or CLASS_FULL without one).
 */
export function registrationRefusal(f: RegistrationFacts): Refusal | null {
  if (f.classStatus !== 'scheduled' || !f.windowOpen) return 'registration_closed';
  if (!f.employeeActive || !f.inOrganisingTree) return 'not_eligible';
  if (f.heldSessions.some((held) => sessionsOverlap(f.sessions, held))) return 'schedule_conflict';
  return null;
}

/** Quotas must name distinct agencies with at least one seat each, and together fit in the class's seats. */
export function quotaProblem(
  seats: number | null,
  quotas: ReadonlyArray<{ agencyId: string; seats: number }>,
): string | null {
  const agencies = new Set(quotas.map((q) => q.agencyId));
  if (agencies.size !== quotas.length) return 'setiap instansi hanya boleh muncul sekali di kuota';
  if (quotas.some((q) => !Number.isInteger(q.seats) || q.seats < 1)) return 'kuota setiap instansi minimal 1 kursi';
  if (!quotas.length) return null;
  if (seats === null) return 'kelas tanpa batas kursi tidak memakai kuota instansi';
  const sum = quotas.reduce((n, q) => n + q.seats, 0);
  if (sum > seats) return `jumlah kuota (${sum}) melebihi jumlah kursi (${seats})`;
  return null;
}
