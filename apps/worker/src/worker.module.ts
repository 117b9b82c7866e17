import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import { QueueName } from '@kompeten/shared-contracts';
import { bullConnection, CoreModule, type AppConfig } from '@kompeten/server-core';
import { AssessmentCoreModule } from '@kompeten/server-assessment';
import { EnrolmentCoreModule } from '@kompeten/server-enrolment';
import { EmployeeImportRunner } from '@kompeten/server-identity';
import { ALL_ENTITIES } from './entities';
import { CourseCompletionHandler } from './jobs/course-completion.handler';
import { CourseVersionPublishedHandler } from './jobs/course-version-published.handler';
import { EmployeeImportHandler } from './jobs/employee-import.handler';
import { indexHandlers, JOB_HANDLERS, type JobHandler } from './jobs/job-registry';
import { EventsProcessor, ImportsProcessor } from './jobs/queue.processors';
import { QuizAttemptsCloseExpiredHandler } from './jobs/quiz-attempts-close-expired.handler';
import { QuizAttemptsScheduler } from './jobs/quiz-attempts.scheduler';
import { OutboxRelay } from './outbox/outbox-relay';
import { WorkerHealthServer } from './worker-health';

const HANDLERS = [EmployeeImportHandler, CourseCompletionHandler, QuizAttemptsCloseExpiredHandler, CourseVersionPublishedHandler];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: { processors?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        CoreModule.forRoot(config, ALL_ENTITIES),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
        AssessmentCoreModule,
        EnrolmentCoreModule,
      ],
      providers: [
        EmployeeImportRunner,
        ...HANDLERS,
        { provide: JOB_HANDLERS, inject: HANDLERS, useFactory: (...handlers: JobHandler[]) => indexHandlers(handlers) },
        ...(options.processors === false ? [] : [ImportsProcessor, EventsProcessor, QuizAttemptsScheduler]),
        OutboxRelay,
        WorkerHealthServer,
      ],
      exports: [OutboxRelay, JOB_HANDLERS],
    };
  }
}
