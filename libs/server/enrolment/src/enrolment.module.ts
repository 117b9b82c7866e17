import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import { LEARNER_ENROLMENT_PORT, LearningCoreModule } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { CompletionService } from './completion.service';
import { EnrolmentAccess } from './enrolment-access';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';
import { LearnerEnrolmentAdapter } from './learner-enrolment.adapter';
import { ProgressController } from './progress.controller';
import { MAX_SUBMISSION_BYTES, ProgressService } from './progress.service';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { SubmissionController } from './submission.controller';
import { SubmissionService } from './submission.service';
import { EnrolmentVersions } from './enrolment-versions';
import { VersionUpgradeService } from './version-upgrade.service';

const CORE = [EnrolmentVersions, EnrolmentAccess, CompletionService, ProgressService, VersionUpgradeService];

/** Progress, completion and version upgrades without HTTP: what other domains (assessment grading, the worker) call. */
@Module({
  imports: [LearningCoreModule],
  providers: CORE,
  exports: [...CORE, LearningCoreModule],
})
export class EnrolmentCoreModule {}

/**
 * Binds the learning lib's LEARNER_ENROLMENT_PORT (decision 0016). Global so the binding reaches the learning module,
 * which cannot import this lib (enrolment depends on learning, never the reverse).
 */
@Global()
@Module({
  providers: [LearnerEnrolmentAdapter, { provide: LEARNER_ENROLMENT_PORT, useExisting: LearnerEnrolmentAdapter }],
  exports: [LEARNER_ENROLMENT_PORT],
})
export class EnrolmentPortsModule {}

/** Enrolment, the player's progress, approvals, assignments (submissions, grading) and the course report over HTTP. */
@Module({
  imports: [
    OrganisationModule,
    EnrolmentCoreModule,
    EnrolmentPortsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const dir = join(config.storageDir, 'tmp');
        mkdirSync(dir, { recursive: true });
        // Assignment uploads stream to disk first; at most 20 MB (docs/learning.md).
        return { storage: diskStorage({ destination: dir }), limits: { fileSize: MAX_SUBMISSION_BYTES, files: 1, fields: 5 } };
      },
    }),
  ],
  controllers: [EnrolmentController, ProgressController, ReportController, SubmissionController],
  providers: [EnrolmentService, ReportService, SubmissionService],
  exports: [EnrolmentCoreModule],
})
export class EnrolmentModule {}
