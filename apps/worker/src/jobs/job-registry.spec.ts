import { JobName } from '@kompeten/shared-contracts';
import { indexHandlers, jobId, type JobHandler } from './job-registry';

const handler = (): JobHandler => ({ jobName: JobName.EmployeeImportRun, handle: async () => 'success' });

describe('job registry', () => {
  it('indexes one handler per job name', () => {
    expect(indexHandlers([handler()]).get(JobName.EmployeeImportRun)).toBeDefined();
  });
  it('refuses a missing handler', () => {
    expect(() => indexHandlers([])).toThrow(/no handler for job employee-import.run/);
  });
  it('refuses two handlers for one job', () => {
    expect(() => indexHandlers([handler(), handler()])).toThrow(/two handlers/);
  });
  it('builds deterministic ids without colons', () => {
    expect(jobId(JobName.EmployeeImportRun, 'a:b')).toBe('employee-import.run.a_b');
  });
});
