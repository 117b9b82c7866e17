import type { AttemptStatus, GradingMethod, QuestionKind, QuizRole, ReviewPolicy } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';

export function useQuizLabels() {
  const { t } = useTranslation('quiz');
  return {
    questionKind: (v: QuestionKind) => t(`kind.${v}`),
    role: (v: QuizRole) => t(`role.${v}`),
    gradingMethod: (v: GradingMethod) => t(`gradingMethod.${v}`),
    reviewPolicy: (v: ReviewPolicy) => t(`reviewPolicy.${v}`),
    attemptStatus: (v: AttemptStatus) => t(`attemptStatus.${v}`),
  };
}
