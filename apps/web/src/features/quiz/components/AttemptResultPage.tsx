import { Alert, Anchor, Badge, Button, Card, Group, Loader, RingProgress, Stack, Text, Title } from '@mantine/core';
import { ErrorCode, type AttemptView } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime, formatNumber, formatPercent } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useAttempt, useAttemptReview, useStartAttempt } from '../queries';
import { wasTimeUp } from '../time-up-flag';
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
  const location = useLocation();
  // Set by the attempt page when its clock ran out and it submitted (the server's timeUp confirms it once closed).
  const clientTimeUp = (location.state as { timeUp?: boolean } | null)?.timeUp === true || wasTimeUp(attemptId);
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
  const timeUp = a.timeUp || (clientTimeUp && a.status !== 'open');

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

      {timeUp && (
        <Alert
          variant="light"
          color="orange"
          title={t('result.timeUpTitle')}
          data-testid="result-time-up"
          styles={{ title: { color: WARNING_TEXT } }}
        >
          {t('result.timeUp')}
        </Alert>
      )}

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
                  {formatPercent(percent, i18n.language)}
                </Text>
              }
              aria-hidden
            />
            <Stack gap={4}>
              <Text size="xl" fw={700} data-testid="attempt-percent">
                {t('result.percent', { percent: formatPercent(percent, i18n.language) })}
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
                {t('result.score', {
                  score: formatNumber(a.score ?? 0, i18n.language),
                  max: formatNumber(a.maxScore, i18n.language),
                })}
              </Text>
              {a.submittedAt && (
                <Text size="sm" c="dimmed">
                  {t('result.submittedAt', { date: formatDateTime(a.submittedAt, tz, i18n.language) })}
                </Text>
              )}
            </Stack>
          </Group>
        )}
        {a.status !== 'open' && <AttemptRules attempt={a} />}
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

/** The quiz's rules after an attempt: the pass mark, attempts used and left, and "Coba lagi" when the server allows it. */
function AttemptRules({ attempt: a }: { attempt: AttemptView }) {
  const { t, i18n } = useTranslation('quiz');
  const navigate = useNavigate();
  const start = useStartAttempt(a.enrolmentId, a.lessonId);
  const retry = async () => {
    try {
      const next = await start.mutateAsync();
      void navigate(`/kuis/${next.id}`);
    } catch {
      // Shown below.
    }
  };
  return (
    <Stack gap="xs" mt="md" data-testid="result-rules">
      <Group gap="lg" wrap="wrap">
        <Text size="sm">{t('result.passMark', { percent: formatPercent(a.passPercent, i18n.language) })}</Text>
        <Text size="sm" data-testid="result-attempts">
          {a.maxAttempts === null
            ? t('result.attemptsUnlimited', { used: a.attemptsUsed })
            : t('result.attemptsUsedLeft', { used: a.attemptsUsed, max: a.maxAttempts, left: a.attemptsLeft ?? 0 })}
        </Text>
      </Group>
      {a.canRetry ? (
        <Group gap="sm">
          <Button onClick={() => void retry()} loading={start.isPending}>
            {t('result.retry')}
          </Button>
        </Group>
      ) : (
        a.attemptsLeft === 0 && (
          <Text size="sm" c="dimmed">
            {t('result.noAttemptsLeft')}
          </Text>
        )
      )}
      {start.isError && <ErrorAlert error={start.error} />}
    </Stack>
  );
}
