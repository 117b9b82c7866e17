import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { QueueName } from '@kompeten/shared-contracts';
import { bullConnection, CoreModule, type AppConfig } from '@kompeten/server-core';
import { AssessmentJobsModule } from '@kompeten/server-assessment';
import { CertificateJobsModule } from '@kompeten/server-certificate';
import { CalendarJobsModule } from '@kompeten/server-calendar';
import { EnrolmentJobsModule } from '@kompeten/server-enrolment';
import { IdentityJobsModule } from '@kompeten/server-identity';
import { JpJobsModule } from '@kompeten/server-jp';
import { NotificationJobsModule } from '@kompeten/server-notification';
import { SiasnJobsModule } from '@kompeten/server-siasn';
import { ALL_ENTITIES } from './entities';
import { JobRegistry } from './jobs/job-registry';
import { JobSchedules } from './jobs/job-schedules';
import { EventsProcessor, ImportsProcessor } from './jobs/queue.processors';
import { WorkerQueues } from './jobs/worker-queues';
import { DeliveryStore } from '@kompeten/server-core';
import { OutboxMaintenance } from './outbox/outbox-maintenance';
import { OutboxRelay } from './outbox/outbox-relay';
import { CONTRACT_ROUTES, OUTBOX_ROUTES, type OutboxRoutes } from './outbox/outbox-routes';
import { WorkerHealthServer } from './worker-health';

/** Each domain lib's jobs module; its handlers are found by JobRegistry. A new domain with jobs adds its module here. */
const DOMAIN_JOB_MODULES = [
  IdentityJobsModule,
  EnrolmentJobsModule,
  AssessmentJobsModule,
  JpJobsModule,
  CertificateJobsModule,
  NotificationJobsModule,
  CalendarJobsModule,
  SiasnJobsModule,
];

export interface WorkerOptions {
  /** false: relay, housekeeping and health only, no processors or schedules (tests that inspect the queued jobs). */
  processors?: boolean;
  /** Tests: more modules with job handlers, and routes that name their jobs. */
  jobModules?: NonNullable<ModuleMetadata['imports']>;
  routes?: OutboxRoutes;
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        CoreModule.forRoot(config, ALL_ENTITIES),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
        DiscoveryModule,
        ...DOMAIN_JOB_MODULES,
        ...(options.jobModules ?? []),
      ],
      providers: [
        { provide: OUTBOX_ROUTES, useValue: options.routes ?? CONTRACT_ROUTES },
        JobRegistry,
        WorkerQueues,
        DeliveryStore,
        ...(options.processors === false ? [] : [ImportsProcessor, EventsProcessor, JobSchedules]),
        OutboxRelay,
        OutboxMaintenance,
        WorkerHealthServer,
      ],
      exports: [OutboxRelay, OutboxMaintenance, JobRegistry],
    };
  }
}
