import { JobName } from '@kompeten/shared-contracts';
import { indexHandlers, jobId, type JobHandler } from './job-registry';

const handler = (jobName: JobName = JobName.EmployeeImportRun): JobHandler => ({ jobName, handle: async () => 'success' });
const oneForEveryJob = () => Object.values(JobName).map((name) => handler(name));

describe('job registry', () => {
  it('indexes one handler per job name', () => {
    const index = indexHandlers(oneForEveryJob());
    for (const name of Object.values(JobName)) expect(index.get(name)?.jobName).toBe(name);
  });
  it('refuses a missing handler', () => {
    expect(() => indexHandlers([])).toThrow(/no handler for job employee-import.run/);
  });
  it('refuses two handlers for one job', () => {
    expect(() => indexHandlers([...oneForEveryJob(), handler()])).toThrow(/two handlers/);
  });
  it('builds deterministic ids without colons', () => {
    expect(jobId(JobName.EmployeeImportRun, 'a:b')).toBe('employee-import.run.a_b');
  });
});
