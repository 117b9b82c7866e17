import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReviewedQuestion } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { ResponseView } from '../../quiz/components/ResponseView';
import { useQuizLabels } from '../../quiz/labels';
import { useGradeAnswer, useGraderReview } from '../queries';
import { WARNING_TEXT } from '../../courses/colors';
import { formatPercent } from '../../../shared/format';
import { RichTextView } from '../../../shared/components/RichTextView';

function EssayGrader({
  courseId,
  attemptId,
  question,
  index,
}: {
  courseId: string;
  attemptId: string;
  question: ReviewedQuestion;
  index: number;
}) {
  const { t } = useTranslation('grading');
  const mutation = useGradeAnswer(courseId, attemptId);
  const [score, setScore] = useState<number | string>(question.score ?? '');
  const [feedback, setFeedback] = useState(question.feedback ?? '');
  const valid = score !== '' && Number(score) >= 0 && Number(score) <= question.points;

  const save = async () => {
    try {
      await mutation.mutateAsync({
        questionId: question.id,
        input: { score: Number(score), feedback: feedback.trim() || undefined },
      });
      notify({ color: 'kompeten', message: t('saved') });
    } catch {
      // Shown below.
    }
  };

  return (
    <Card component="article" padding="md" aria-labelledby={`grade-q-${question.id}`}>
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h4" id={`grade-q-${question.id}`}>
              {t('question', { n: index + 1 })}
            </Title>
            <Badge
              variant="light"
              color={question.score === null ? 'orange' : 'kompeten'}
              c={question.score === null ? WARNING_TEXT : undefined}
            >
              {question.score === null
                ? t('notGraded')
                : t('gradedPoints', { score: question.score, max: question.points })}
            </Badge>
          </Group>
          <RichTextView html={question.prompt} fz="sm" style={{ overflowWrap: 'anywhere' }} />
          <Card withBorder padding="sm" bg="gray.0">
            <ResponseView question={question} response={question.response} />
          </Card>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <NumberInput
              label={t('scoreOf', { max: question.points })}
              required
              min={0}
              max={question.points}
              decimalScale={2}
              value={score}
              onChange={setScore}
              w={180}
            />
            <Textarea
              label={t('feedback')}
              autosize
              minRows={2}
              value={feedback}
              onChange={(e) => setFeedback(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
            />
          </Group>
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={!valid}>
              {t('saveGrade')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** /kursus/:courseId/penilaian/percobaan/:attemptId — grade the essay answers of one attempt. */
export function GradeAttemptPage() {
  const { courseId = '', attemptId = '' } = useParams<{ courseId: string; attemptId: string }>();
  const { t, i18n } = useTranslation('grading');
  const labels = useQuizLabels();
  const review = useGraderReview(attemptId);
  useDocumentTitle(
    review.data?.learner
      ? `${t('gradingOf', { name: review.data.learner.name })} · ${t('gradeAttempt')}`
      : t('gradeAttempt'),
  );
  const essays = review.data?.questions.filter((q) => q.kind === 'essay') ?? [];

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/kursus/${courseId}/penilaian`} size="sm">
        ← {t('back')}
      </Anchor>
      {review.isPending && <LoadingBlock />}
      {review.isError && <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />}
      {review.data && (
        <>
          <Stack gap={2}>
            <Title order={2}>
              {review.data.learner ? t('gradingOf', { name: review.data.learner.name }) : t('gradeAttempt')}
            </Title>
            {review.data.learner && (
              <Text size="sm" c="dimmed">
                {t('nip')} {review.data.learner.nip}
              </Text>
            )}
            <Text fw={600}>{review.data.quizTitle}</Text>
            <Text size="sm" c="dimmed">
              {t('attemptInfo', { n: review.data.attemptNo, status: labels.attemptStatus(review.data.status) })}
              {review.data.percent !== null ? ` · ${formatPercent(review.data.percent, i18n.language)}` : ''}
            </Text>
          </Stack>
          {essays.length === 0 && <Text size="sm">{t('noEssayQuestions')}</Text>}
          {essays.map((q) => (
            <EssayGrader
              key={q.id}
              courseId={courseId}
              attemptId={attemptId}
              question={q}
              index={review.data.questions.indexOf(q)}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
