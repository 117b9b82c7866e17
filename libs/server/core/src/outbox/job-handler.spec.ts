import { jobId } from './job-handler';

describe('jobId', () => {
  it('is the job name and the entity id, one per consumer and entity', () => {
    expect(jobId('course-completion.recorded', '0b7c2f4e-1d7e-4c55-9a64-3f3f0e6c9d10')).toBe(
      'course-completion.recorded.0b7c2f4e-1d7e-4c55-9a64-3f3f0e6c9d10',
    );
    expect(jobId('certificate.issue', 'x')).not.toBe(jobId('jp.credit', 'x'));
  });
  it('never contains a colon (BullMQ refuses them)', () => {
    expect(jobId('employee-import.run', 'a:b')).toBe('employee-import.run.a_b');
  });
});
