import { describe, expect, it } from '@jest/globals';
import { classInputOf, emptyClassForm, type ClassFormValues } from './class-form';

const filled = (o: Partial<ClassFormValues> = {}): ClassFormValues => ({
  ...emptyClassForm(),
  date: '2027-02-10',
  venue: 'Aula BPSDM NTB',
  seats: 60,
  quotas: [
    { agencyId: 'a', seats: 5 },
    { agencyId: 'b', seats: 5 },
  ],
  opensAt: '2027-01-04T08:00',
  closesAt: '2027-01-31T23:59',
  cancelBy: '2027-02-03T23:59',
  releaseAt: '2027-01-20T00:00',
  ...o,
});

describe('classInputOf', () => {
  it('reads the date-times in the organising agency’s zone and keeps the quotas', () => {
    const r = classInputOf(filled(), 'Asia/Makassar');
    expect(r).toEqual({
      input: expect.objectContaining({
        schedule: [{ date: '2027-02-10', start: '08:00', end: '16:00' }],
        venue: 'Aula BPSDM NTB',
        seats: 60,
        quotas: [
          { agencyId: 'a', seats: 5 },
          { agencyId: 'b', seats: 5 },
        ],
        registrationOpensAt: '2027-01-04T00:00:00.000Z',
        quotaReleaseAt: '2027-01-19T16:00:00.000Z',
      }),
    });
    expect('input' in r && 'meetingUrl' in r.input).toBe(false);
  });

  it('an empty window opens registration now, closes it when the class starts and lets cancelling run as long', () => {
    const now = new Date('2027-01-05T03:00:00.000Z');
    const r = classInputOf(filled({ opensAt: '', closesAt: '', cancelBy: '' }), 'Asia/Makassar', now);
    expect(r).toEqual({
      input: expect.objectContaining({
        registrationOpensAt: '2027-01-05T03:00:00.000Z',
        registrationClosesAt: '2027-02-10T00:00:00.000Z',
        cancellationDeadline: '2027-02-10T00:00:00.000Z',
      }),
    });
    // A class that starts before "now" has no window left to open.
    const late = new Date('2027-02-11T00:00:00.000Z');
    expect(classInputOf(filled({ opensAt: '', closesAt: '' }), 'Asia/Makassar', late)).toEqual({
      problem: 'form.problem.window',
    });
    expect(classInputOf(filled({ opensAt: 'bukan tanggal' }), 'Asia/Makassar', now)).toEqual({
      problem: 'form.problem.window',
    });
  });

  it('internal speakers go by NIP, external ones by name and institution', () => {
    const r = classInputOf(
      filled({
        speakerNips: '197803152005012002,\n198001012005011001',
        externalSpeakers: 'Dr. Ani Wulandari; Universitas Mataram\n\nBudi Santoso',
      }),
      'Asia/Makassar',
    );
    expect(r).toEqual({
      input: expect.objectContaining({
        speakers: [
          { nip: '197803152005012002', role: 'widyaiswara' },
          { nip: '198001012005011001', role: 'widyaiswara' },
          { name: 'Dr. Ani Wulandari', institution: 'Universitas Mataram' },
          { name: 'Budi Santoso', institution: null },
        ],
      }),
    });
    expect(classInputOf(filled({ speakerNips: '1978' }), 'Asia/Makassar')).toEqual({
      problem: 'form.problem.speakers',
    });
    expect(classInputOf(filled({ speakerNips: '197803152005012002 197803152005012002' }), 'Asia/Makassar')).toEqual({
      problem: 'form.problem.speakers',
    });
    expect('speakers' in ((classInputOf(filled(), 'Asia/Makassar') as { input: object }).input ?? {})).toBe(false);
  });

  it('names the first problem', () => {
    expect(classInputOf(filled({ end: '07:00' }), 'Asia/Jakarta')).toEqual({ problem: 'form.problem.schedule' });
    expect(classInputOf(filled({ closesAt: '2027-01-01T00:00' }), 'Asia/Jakarta')).toEqual({
      problem: 'form.problem.window',
    });
    expect(classInputOf(filled({ venue: ' ' }), 'Asia/Jakarta')).toEqual({ problem: 'form.problem.venue' });
    expect(classInputOf(filled({ mode: 'online', meetingUrl: 'http://x' }), 'Asia/Jakarta')).toEqual({
      problem: 'form.problem.meetingUrl',
    });
    expect(classInputOf(filled({ seats: 8 }), 'Asia/Jakarta')).toEqual({ problem: 'form.problem.quotas' });
    expect(classInputOf(filled({ quotas: [{ agencyId: '', seats: 3 }] }), 'Asia/Jakarta')).toEqual({
      problem: 'form.problem.quotaAgency',
    });
  });

  it('an unlimited online class without quotas sends no venue and no release date', () => {
    const r = classInputOf(
      filled({ mode: 'online', meetingUrl: 'https://zoom.us/j/1', seats: '', quotas: [], venue: '' }),
      'Asia/Jayapura',
    );
    expect(r).toEqual({
      input: expect.objectContaining({ seats: null, quotas: [], meetingUrl: 'https://zoom.us/j/1' }),
    });
    expect('input' in r && ('venue' in r.input || 'quotaReleaseAt' in r.input)).toBe(false);
  });
});
