import { Global, Module } from '@nestjs/common';
import { diskUploadModule } from '@kompeten/server-core';
import { LEARNER_ENROLMENT_PORT, LearningCoreModule } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AttendanceService } from './attendance.service';
import { AudienceApplier } from './audience-applier';
import { AudienceController } from './audience.controller';
import { AudienceService } from './audience.service';
import { CompletionService } from './completion.service';
import { EnrolmentAccess } from './enrolment-access';
import { EnrolmentVersions } from './enrolment-versions';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';
import { LearnerEnrolmentAdapter } from './learner-enrolment.adapter';
import { PlayerService } from './player.service';
import { ProgressRecorder } from './progress-recorder';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';
import { QuizOutcomeService } from './quiz-outcome.service';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { SubmissionController } from './submission.controller';
import { MAX_SUBMISSION_BYTES, SubmissionService } from './submission.service';
import { VersionUpgradeService } from './version-upgrade.service';

const CORE = [
  EnrolmentVersions,
  EnrolmentAccess,
  CompletionService,
  ProgressRecorder,
  ProgressService,
  QuizOutcomeService,
  VersionUpgradeService,
  AudienceApplier,
];

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
  imports: [OrganisationModule, EnrolmentCoreModule, EnrolmentPortsModule, diskUploadModule(MAX_SUBMISSION_BYTES)],
  controllers: [EnrolmentController, AudienceController, ProgressController, ReportController, SubmissionController],
  providers: [EnrolmentService, AudienceService, ReportService, SubmissionService, PlayerService, AttendanceService],
  exports: [EnrolmentCoreModule],
})
export class EnrolmentModule {}
