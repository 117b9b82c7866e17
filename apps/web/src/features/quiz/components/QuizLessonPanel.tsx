import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { AttemptSummary, QuizLessonSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { DetailList, Field } from '../../../shared/components/DetailList';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime, formatPercent } from '../../../shared/format';
import { useQuizLabels } from '../labels';
import { useLessonAttempts, useStartAttempt } from '../queries';
import { WARNING_TEXT } from '../../courses/colors';

/** A quiz lesson in the player: the rules, the learner's attempts and grade, and the start/continue button. */
export function QuizLessonPanel({
  enrolmentId,
  lessonId,
  quiz,
  readOnly,
}: {
  enrolmentId: string;
  lessonId: string;
  quiz: QuizLessonSummary;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('quiz');
  const { t: tc } = useTranslation();
  const labels = useQuizLabels();
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const navigate = useNavigate();
  const attempts = useLessonAttempts(enrolmentId, lessonId);
  const start = useStartAttempt(enrolmentId, lessonId);
  const open = attempts.data?.attempts.find((a) => a.status === 'open');
  const now = Date.now();
  const notYet = quiz.opensAt !== null && Date.parse(quiz.opensAt) > now;
  const closed = quiz.closesAt !== null && Date.parse(quiz.closesAt) <= now;
  const used = attempts.data?.attemptsUsed ?? 0;
  const noneLeft = quiz.maxAttempts !== null && used >= quiz.maxAttempts;
  const grade = attempts.data?.grade;

  const onStart = async () => {
    try {
      const attempt = await start.mutateAsync();
      void navigate(`/kuis/${attempt.id}`);
    } catch {
      void attempts.refetch();
    }
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light">{labels.role(quiz.role)}</Badge>
        {grade && (
          <Badge
            color={grade.passed ? 'kompeten' : 'orange'}
            c={grade.passed ? undefined : WARNING_TEXT}
            variant="light"
          >
            {grade.passed ? t('passed') : t('notPassed')}
          </Badge>
        )}
      </Group>
      <DetailList columns={3}>
        <Field label={t('lesson.questions')}>{quiz.questionCount}</Field>
        <Field label={t('settings.timeLimit')}>
          {quiz.timeLimitSeconds ? t('minutes', { count: Math.round(quiz.timeLimitSeconds / 60) }) : t('noLimit')}
        </Field>
        <Field label={t('settings.passPercent')}>{formatPercent(quiz.passPercent, i18n.language)}</Field>
        <Field label={t('lesson.attempts')}>
          {quiz.maxAttempts
            ? t('lesson.attemptsUsed', { used, max: quiz.maxAttempts })
            : t('lesson.attemptsUnlimited', { used })}
        </Field>
        <Field label={t('lesson.opens')}>
          {quiz.opensAt ? formatDateTime(quiz.opensAt, tz, i18n.language) : tc('none')}
        </Field>
        <Field label={t('lesson.closes')}>
          {quiz.closesAt ? formatDateTime(quiz.closesAt, tz, i18n.language) : tc('none')}
        </Field>
        {grade && (
          <Field label={t('lesson.grade', { method: labels.gradingMethod(grade.method) })}>
            {formatPercent(grade.percent, i18n.language)}
          </Field>
        )}
      </DetailList>

      {!readOnly && (
        <Stack gap="xs" align="flex-start">
          {open ? (
            <Button component={Link} to={`/kuis/${open.id}`}>
              {t('lesson.continue')}
            </Button>
          ) : notYet ? (
            <Text size="sm">{t('lesson.notYetOpen')}</Text>
          ) : closed ? (
            <Text size="sm">{t('lesson.closed')}</Text>
          ) : noneLeft ? (
            <Text size="sm">{t('lesson.noAttemptsLeft')}</Text>
          ) : (
            <>
              {quiz.timeLimitSeconds ? (
                <Text size="sm">{t('lesson.timerWarning', { count: Math.round(quiz.timeLimitSeconds / 60) })}</Text>
              ) : null}
              <Button onClick={() => void onStart()} loading={start.isPending} disabled={attempts.isPending}>
                {used > 0 ? t('lesson.startAgain') : t('lesson.start')}
              </Button>
            </>
          )}
          {start.isError && <ErrorAlert error={start.error} />}
        </Stack>
      )}

      <Stack gap="xs" component="section" aria-labelledby="attempts-heading">
        <Title order={2} size="h4" id="attempts-heading">
          {t('lesson.yourAttempts')}
        </Title>
        {attempts.isError && <ErrorAlert error={attempts.error} onRetry={() => void attempts.refetch()} />}
        <DataTable<AttemptSummary>
          caption={t('lesson.yourAttempts')}
          rows={attempts.data?.attempts}
          loading={attempts.isPending}
          rowKey={(a) => a.id}
          empty={t('lesson.noAttempts')}
          minWidth={480}
          columns={[
            { key: 'no', header: '#', cell: (a) => a.attemptNo, nowrap: true },
            { key: 'status', header: t('lesson.status'), cell: (a) => labels.attemptStatus(a.status), nowrap: true },
            {
              key: 'percent',
              header: t('lesson.result'),
              cell: (a) => (a.percent === null ? tc('none') : formatPercent(a.percent, i18n.language)),
              nowrap: true,
              align: 'right',
            },
            {
              key: 'submitted',
              header: t('lesson.submittedAt'),
              cell: (a) => (a.submittedAt ? formatDateTime(a.submittedAt, tz, i18n.language) : tc('none')),
              nowrap: true,
            },
            {
              key: 'open',
              header: t('lesson.open'),
              hiddenHeader: true,
              nowrap: true,
              cell: (a) => (
                <Anchor
                  component={Link}
                  to={a.status === 'open' ? `/kuis/${a.id}` : `/kuis/${a.id}/hasil`}
                  size="sm"
                  aria-label={t('lesson.openAttempt', { n: a.attemptNo })}
                >
                  {a.status === 'open' ? t('lesson.continueShort') : t('lesson.viewResult')}
                </Anchor>
              ),
            },
          ]}
        />
      </Stack>
    </Stack>
  );
}
