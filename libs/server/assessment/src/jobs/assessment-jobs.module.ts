import { Module } from '@nestjs/common';
import { AssessmentCoreModule } from '../assessment.module';
import { QuizAttemptsCloseExpiredJob } from './quiz-attempts-close-expired.job';

/** The assessment domain's job handlers, for the worker. */
@Module({
  imports: [AssessmentCoreModule],
  providers: [QuizAttemptsCloseExpiredJob],
  exports: [QuizAttemptsCloseExpiredJob],
})
export class AssessmentJobsModule {}
