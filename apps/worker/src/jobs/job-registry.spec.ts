import { EVENT_CONSUMERS, JOB_QUEUE, JobName, OutboxEvent, QueueName } from '@kompeten/shared-contracts';
import type { JobHandler } from '@kompeten/server-core';
import { CONTRACT_ROUTES, type OutboxRoutes } from '../outbox/outbox-routes';
import { indexHandlers } from './job-registry';

const handler = (jobName: string = JobName.EmployeeImportRun): JobHandler => ({
  jobName: jobName as JobName,
  retry: { attempts: 1 },
  handle: async () => 'success',
});
const oneForEveryJob = () => Object.values(JobName).map((name) => handler(name));

describe('job registry', () => {
  it('indexes one handler per job name, with the queue of its job', () => {
    const index = indexHandlers(oneForEveryJob(), CONTRACT_ROUTES);
    for (const name of Object.values(JobName))
      expect(index.get(name)).toMatchObject({ handler: { jobName: name }, queue: JOB_QUEUE[name] });
  });
  it('refuses a missing handler', () => {
    expect(() => indexHandlers([], CONTRACT_ROUTES)).toThrow(/no handler for job employee-import.run/);
  });
  it('refuses two handlers for one job', () => {
    expect(() => indexHandlers([...oneForEveryJob(), handler()], CONTRACT_ROUTES)).toThrow(
      /two handlers for job employee-import.run/,
    );
  });
  it('refuses a handler for a job nobody declared', () => {
    expect(() => indexHandlers([...oneForEveryJob(), handler('test.stray')], CONTRACT_ROUTES)).toThrow(
      /handler for unknown job test.stray/,
    );
  });
  it('refuses an event whose consumer is not a job, or names one twice', () => {
    const routes: OutboxRoutes = {
      consumers: {
        ...EVENT_CONSUMERS,
        'test.event': ['test.nobody', JobName.EmployeeImportRun, JobName.EmployeeImportRun],
      },
      queues: JOB_QUEUE,
    };
    expect(() => indexHandlers(oneForEveryJob(), routes)).toThrow(
      /event test.event names unknown job test.nobody; event test.event names a consumer twice/,
    );
  });
  it('accepts the jobs a test adds with its routes', () => {
    const routes: OutboxRoutes = {
      consumers: { ...EVENT_CONSUMERS, 'test.event': ['test.a', 'test.b'] },
      queues: { ...JOB_QUEUE, 'test.a': QueueName.Events, 'test.b': QueueName.Events },
    };
    expect(
      indexHandlers([...oneForEveryJob(), handler('test.a'), handler('test.b')], routes).get('test.b')?.queue,
    ).toBe(QueueName.Events);
  });
});

describe('event consumers (contracts)', () => {
  it('gives every event at least one consumer, each a job on a queue', () => {
    for (const event of Object.values(OutboxEvent)) {
      expect(EVENT_CONSUMERS[event].length).toBeGreaterThan(0);
      for (const job of EVENT_CONSUMERS[event]) expect(Object.values(QueueName)).toContain(JOB_QUEUE[job]);
    }
  });
});
