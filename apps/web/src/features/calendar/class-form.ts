import type { AgencyTimeZone, ClassMode } from '@kompeten/shared-contracts';
import { fromZonedInput } from '../courses/datetime';
import type { ClassInput } from './api';

/** The admin's class form as it is typed: text fields, wall-clock date-times in the organising agency's zone. */
export interface ClassFormValues {
  name: string;
  date: string;
  start: string;
  end: string;
  mode: ClassMode;
  venue: string;
  meetingUrl: string;
  seats: number | '';
  quotas: Array<{ agencyId: string; seats: number | '' }>;
  opensAt: string;
  closesAt: string;
  cancelBy: string;
  releaseAt: string;
  requiresApproval: boolean;
  /** NIPs of internal speakers (widyaiswara), separated by spaces, commas or lines: they run the class's attendance. */
  speakerNips: string;
  /** External speakers, one per line: "Name; Institution". */
  externalSpeakers: string;
}

/** The keys (in the `calendar` namespace) of what is wrong with the form, or null. */
export type ClassFormProblem =
  | 'form.problem.schedule'
  | 'form.problem.window'
  | 'form.problem.cancelBy'
  | 'form.problem.quotas'
  | 'form.problem.quotaAgency'
  | 'form.problem.venue'
  | 'form.problem.meetingUrl'
  | 'form.problem.speakers';

/**
 * The class as the API takes it, or the first problem the form can see (the API checks everything again and answers
 * in words). Date-times are read in the organising agency's zone (decision 0015).
 */
export function classInputOf(
  v: ClassFormValues,
  zone: AgencyTimeZone,
  now: Date = new Date(),
): { input: ClassInput } | { problem: ClassFormProblem } {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v.date) ||
    !/^\d{2}:\d{2}$/.test(v.start) ||
    !/^\d{2}:\d{2}$/.test(v.end) ||
    v.end <= v.start
  )
    return { problem: 'form.problem.schedule' };
  // Left empty, the window takes what organisers usually mean: registration opens now and closes when the class
  // starts, and cancelling is possible until registration closes. A value typed but unreadable is still a problem.
  const startsAt = fromZonedInput(`${v.date}T${v.start}`, zone);
  const opens = v.opensAt ? fromZonedInput(v.opensAt, zone) : now.toISOString();
  const closes = v.closesAt ? fromZonedInput(v.closesAt, zone) : startsAt;
  const cancelBy = v.cancelBy ? fromZonedInput(v.cancelBy, zone) : closes;
  if (!opens || !closes || opens >= closes) return { problem: 'form.problem.window' };
  if (!cancelBy) return { problem: 'form.problem.cancelBy' };
  if (v.mode !== 'online' && !v.venue.trim()) return { problem: 'form.problem.venue' };
  if (v.mode !== 'classroom' && !/^https:\/\//.test(v.meetingUrl.trim())) return { problem: 'form.problem.meetingUrl' };
  const quotas = v.quotas.filter((q) => q.agencyId || q.seats !== '');
  if (quotas.some((q) => !q.agencyId || q.seats === '' || q.seats < 1)) return { problem: 'form.problem.quotaAgency' };
  const seats = v.seats === '' ? null : v.seats;
  const sum = quotas.reduce((n, q) => n + Number(q.seats), 0);
  if (quotas.length && (seats === null || sum > seats || new Set(quotas.map((q) => q.agencyId)).size !== quotas.length))
    return { problem: 'form.problem.quotas' };
  const nips = v.speakerNips.split(/[\s,;]+/).filter(Boolean);
  if (nips.some((n) => !/^\d{18}$/.test(n)) || new Set(nips).size !== nips.length)
    return { problem: 'form.problem.speakers' };
  const externals = v.externalSpeakers
    .split('\n')
    .map((line) => line.split(';').map((x) => x.trim()))
    .filter(([name]) => name);
  if (externals.some(([name]) => name.length < 2)) return { problem: 'form.problem.speakers' };
  const speakers = [
    ...nips.map((nip) => ({ nip, role: 'widyaiswara' })),
    ...externals.map(([name, institution]) => ({ name, institution: institution || null })),
  ];
  const release = fromZonedInput(v.releaseAt, zone);
  return {
    input: {
      name: v.name.trim(),
      schedule: [{ date: v.date, start: v.start, end: v.end }],
      mode: v.mode,
      ...(v.mode !== 'online' ? { venue: v.venue.trim() } : {}),
      ...(v.mode !== 'classroom' ? { meetingUrl: v.meetingUrl.trim() } : {}),
      seats,
      quotas: quotas.map((q) => ({ agencyId: q.agencyId, seats: Number(q.seats) })),
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      cancellationDeadline: cancelBy,
      ...(release && quotas.length ? { quotaReleaseAt: release } : {}),
      requiresApproval: v.requiresApproval,
      ...(speakers.length ? { speakers } : {}),
    },
  };
}

export const emptyClassForm = (): ClassFormValues => ({
  name: 'Angkatan I',
  date: '',
  start: '08:00',
  end: '16:00',
  mode: 'classroom',
  venue: '',
  meetingUrl: '',
  seats: 30,
  quotas: [],
  opensAt: '',
  closesAt: '',
  cancelBy: '',
  releaseAt: '',
  requiresApproval: false,
  speakerNips: '',
  externalSpeakers: '',
});
