import { Alert, Anchor, Badge, Button, Card, Group, Loader, RingProgress, Stack, Text, Title } from '@mantine/core';
import { ErrorCode } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useAttempt, useAttemptReview } from '../queries';
import { AnswerKeyView, ResponseView } from './ResponseView';
import { WARNING_TEXT, DANGER_TEXT } from '../../courses/colors';
import { RichTextView } from '../../../shared/components/RichTextView';

/** /kuis/:attemptId/hasil — the result of an attempt and, when the review policy allows, the review. */
export function AttemptResultPage() {
  const { attemptId = '' } = useParams<{ attemptId: string }>();
  const { t, i18n } = useTranslation('quiz');
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const attempt = useAttempt(attemptId, { poll: true });
  const finished = !!attempt.data && attempt.data.status !== 'open';
  const review = useAttemptReview(attemptId, finished);
  useDocumentTitle(attempt.data ? `${t('result.title')} · ${attempt.data.quizTitle}` : t('result.title'));

  if (attempt.isPending) return <LoadingBlock />;
  if (attempt.isError) return <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />;
  const a = attempt.data;
  const deadlinePassed = a.deadlineAt !== null && Date.parse(a.deadlineAt) <= Date.parse(a.serverNow);
  const reviewBlocked =
    review.error instanceof ApiError && review.error.code === ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED;
  const percent = a.percent ?? 0;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/belajar/${a.enrolmentId}/${a.lessonId}`} size="sm">
        ← {t('attempt.backToLesson')}
      </Anchor>
      <Stack gap={2}>
        <Title order={1}>{t('result.title')}</Title>
        <Text size="sm" c="dimmed">
          {a.quizTitle} · {t('attempt.number', { n: a.attemptNo })}
        </Text>
      </Stack>

      <Card component="section" aria-labelledby="result-heading">
        <Title order={2} size="h3" id="result-heading" mb="sm">
          {t('result.summary')}
        </Title>
        {a.status === 'open' && (
          <Group gap="sm" role="status">
            {deadlinePassed ? (
              <>
                <Loader size="sm" aria-hidden />
                <Text size="sm">{t('result.closing')}</Text>
              </>
            ) : (
              <>
                <Text size="sm">{t('result.stillOpen')}</Text>
                <Button component={Link} to={`/kuis/${a.id}`} size="xs">
                  {t('lesson.continue')}
                </Button>
              </>
            )}
          </Group>
        )}
        {a.status === 'needs_grading' && (
          <Alert variant="light" color="blue" title={t('result.needsGradingTitle')}>
            {t('result.needsGrading')}
          </Alert>
        )}
        {a.status === 'graded' && (
          <Group gap="lg" wrap="wrap" align="center">
            <RingProgress
              size={120}
              thickness={12}
              roundCaps
              sections={[{ value: percent, color: a.passed ? 'kompeten' : 'orange' }]}
              label={
                <Text ta="center" fw={700} size="lg">
                  {percent}%
                </Text>
              }
              aria-hidden
            />
            <Stack gap={4}>
              <Text size="xl" fw={700} data-testid="attempt-percent">
                {t('result.percent', { percent })}
              </Text>
              <Badge
                size="lg"
                color={a.passed ? 'kompeten' : 'orange'}
                c={a.passed ? undefined : WARNING_TEXT}
                variant="light"
              >
                {a.passed ? t('passed') : t('notPassed')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('result.score', { score: a.score ?? 0, max: a.maxScore })}
              </Text>
              {a.submittedAt && (
                <Text size="sm" c="dimmed">
                  {t('result.submittedAt', { date: formatDateTime(a.submittedAt, tz, i18n.language) })}
                </Text>
              )}
            </Stack>
          </Group>
        )}
      </Card>

      {finished && (
        <Stack gap="sm" component="section" aria-labelledby="review-heading">
          <Title order={2} id="review-heading">
            {t('review.title')}
          </Title>
          {review.isPending && <LoadingBlock />}
          {reviewBlocked && <Alert variant="light">{t('review.notAllowed')}</Alert>}
          {review.isError && !reviewBlocked && (
            <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />
          )}
          {review.data?.questions.map((q, i) => (
            <Card key={q.id} padding="md" component="article" aria-labelledby={`review-q-${q.id}`}>
              <Stack gap="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Title order={3} size="h5" id={`review-q-${q.id}`}>
                    {t('attempt.questionN', { n: i + 1 })}
                  </Title>
                  <Badge
                    variant="light"
                    color={
                      q.score === null ? 'gray' : q.score >= q.points ? 'kompeten' : q.score > 0 ? 'orange' : 'red'
                    }
                    c={q.score === null || q.score >= q.points ? undefined : q.score > 0 ? WARNING_TEXT : DANGER_TEXT}
                  >
                    {q.score === null ? t('review.notGraded') : t('review.points', { score: q.score, max: q.points })}
                  </Badge>
                </Group>
                <RichTextView html={q.prompt} fz="sm" style={{ overflowWrap: 'anywhere' }} />
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t('review.yourAnswer')}
                </Text>
                <ResponseView question={q} response={q.response} />
                {q.answerKey !== undefined && q.answerKey !== null && (
                  <>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                      {t('review.correctAnswer')}
                    </Text>
                    <AnswerKeyView question={q} answerKey={q.answerKey} />
                  </>
                )}
                {q.feedback && (
                  <Alert variant="light" color="blue" title={t('review.graderFeedback')}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {q.feedback}
                    </Text>
                  </Alert>
                )}
                {q.questionFeedback && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {q.questionFeedback}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
