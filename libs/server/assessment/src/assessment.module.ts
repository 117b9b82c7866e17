import { Global, Module } from '@nestjs/common';
import { EnrolmentModule } from '@kompeten/server-enrolment';
import { LearningCoreModule, QUIZ_SNAPSHOT_PORT } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AttemptGrader } from './attempts/attempt-grader';
import { AttemptController } from './attempts/attempt.controller';
import { AttemptService } from './attempts/attempt.service';
import { ExpiredAttempts } from './attempts/expired-attempts';
import { LearnerEnrolments } from './attempts/learner-enrolments';
import { HandGradingService } from './attempts/hand-grading.service';
import { ReviewService } from './attempts/review.service';
import { AuthoringController } from './authoring/authoring.controller';
import { QuestionBankService } from './authoring/question-bank.service';
import { QuizSnapshotService } from './authoring/quiz-snapshot.service';
import { QuizService } from './authoring/quiz.service';
import { QuestionTransferModule } from './authoring/question-import/question-transfer.module';
import { GradingWaitingController } from './grading/grading-waiting.controller';
import { GradingWaitingService } from './grading/grading-waiting.service';

const GRADING = [LearnerEnrolments, AttemptGrader, ExpiredAttempts];

/**
 * Grading without HTTP: what the worker needs to close abandoned attempts. Also binds the learning domain's
 * QUIZ_SNAPSHOT_PORT (publishing a course snapshots its quizzes through it). Global so that binding reaches the
 * learning module, which cannot import this lib (assessment depends on learning, never the reverse).
 */
@Global()
@Module({
  imports: [EnrolmentModule, LearningCoreModule],
  providers: [...GRADING, QuizSnapshotService, { provide: QUIZ_SNAPSHOT_PORT, useExisting: QuizSnapshotService }],
  exports: [...GRADING, QuizSnapshotService, QUIZ_SNAPSHOT_PORT, LearningCoreModule],
})
export class AssessmentCoreModule {}

/** Question banks (with import and export), quizzes, attempts and grading over HTTP. */
@Module({
  imports: [OrganisationModule, AssessmentCoreModule, QuestionTransferModule],
  controllers: [AuthoringController, AttemptController, GradingWaitingController],
  providers: [
    QuestionBankService,
    QuizService,
    AttemptService,
    ReviewService,
    HandGradingService,
    GradingWaitingService,
  ],
  exports: [AssessmentCoreModule],
})
export class AssessmentModule {}
