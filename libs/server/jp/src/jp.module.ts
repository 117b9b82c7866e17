import { Module } from '@nestjs/common';
import { diskUploadModule } from '@kompeten/server-core';
import { LearningCoreModule } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService, MAX_EVIDENCE_BYTES } from './claims/claims.service';
import { LearnerJpController } from './learner/learner-jp.controller';
import { LearnerJpService } from './learner/learner-jp.service';
import { CommunitySessionCrediting } from './ledger/community-session-credit';
import { ClassCompletionCredit } from './ledger/class-completion-credit';
import { CourseCompletionCredit } from './ledger/course-completion-credit';
import { JpCrediting } from './ledger/jp-crediting';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';
import { RuleResolver } from './rules/rule-resolution';
import { RulesController } from './rules/rules.controller';
import { RulesService } from './rules/rules.service';
import { JpReportsModule } from './reports/jp-reports.module';

const CORE = [RuleResolver, JpCrediting, CourseCompletionCredit, ClassCompletionCredit, CommunitySessionCrediting];

/** Crediting the ledger by the rules, without HTTP: what the worker's JP jobs run. */
@Module({
  imports: [OrganisationModule, LearningCoreModule],
  providers: CORE,
  exports: [...CORE, LearningCoreModule],
})
export class JpCoreModule {}

/**
 * The JP domain (issue 16): the learning-hours ledger, recognition rules, external-learning claims, compliance reports
 * and the IP ASN competency estimate. It consumes other domains' outbox events and reads them only through their
 * exported readers and published views (docs/architecture.md).
 */
@Module({
  imports: [OrganisationModule, JpCoreModule, diskUploadModule(MAX_EVIDENCE_BYTES, 12), JpReportsModule],
  controllers: [RulesController, LedgerController, LearnerJpController, ClaimsController],
  providers: [RulesService, LedgerService, LearnerJpService, ClaimsService],
})
export class JpModule {}
