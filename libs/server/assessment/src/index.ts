export * from './assessment.module';
export * from './grading';
export * from './question-rules';
export * from './attempts/expired-attempts';
export * from './jobs/assessment-jobs.module';
export * from './jobs/quiz-attempts-close-expired.job';
export * from './authoring/quiz-snapshot.service';
export * from './entities/question-category.entity';
export * from './entities/question.entity';
export * from './entities/quiz.entity';
export * from './entities/quiz-attempt.entity';
export * from './entities/quiz-answer.entity';

import { QuestionCategoryEntity } from './entities/question-category.entity';
import { QuestionEntity } from './entities/question.entity';
import { QuizAnswerEntity } from './entities/quiz-answer.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { QuizEntity } from './entities/quiz.entity';
export const ASSESSMENT_ENTITIES = [
  QuestionCategoryEntity,
  QuestionEntity,
  QuizEntity,
  QuizAttemptEntity,
  QuizAnswerEntity,
];
