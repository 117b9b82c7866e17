import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { ErrorCode, type AnswerResponse, type AttemptView } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { ConfirmModal } from '../../courses/components/ConfirmModal';
import type { AnswerStatus } from '../answer-queue';
import { clearPending } from '../pending-answers';
import { useAnswerQueue } from '../use-answer-queue';
import { useAttempt, useSubmitAttempt } from '../queries';
import { saveSummary, timeWarning } from '../time-warning';
import { markTimeUp } from '../time-up-flag';
import { QuestionInput } from './QuestionInput';
import classes from './QuizAttemptPage.module.css';
import { WARNING_TEXT, DANGER_TEXT } from '../../courses/colors';
import { RichTextView } from '../../../shared/components/RichTextView';

/** Server time minus this browser's clock, measured when the attempt was loaded (the server owns the deadline). */
function useRemainingSeconds(attempt: AttemptView, loadedAt: number): number | null {
  const offset = Date.parse(attempt.serverNow) - loadedAt;
  const deadline = attempt.deadlineAt ? Date.parse(attempt.deadlineAt) : null;
  const compute = useCallback(
    () => (deadline === null ? null : Math.max(0, Math.floor((deadline - (Date.now() + offset)) / 1000))),
    [deadline, offset],
  );
  const [remaining, setRemaining] = useState(compute);
  useEffect(() => {
    setRemaining(compute());
    const timer = window.setInterval(() => setRemaining(compute()), 1000);
    return () => window.clearInterval(timer);
  }, [compute]);
  return remaining;
}

function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function isAnswered(response: AnswerResponse | undefined): boolean {
  if (response === undefined || response === null) return false;
  if (typeof response === 'string') return response.trim().length > 0;
  if (Array.isArray(response)) return response.length > 0;
  return true;
}

function SaveIndicator({ status, answered }: { status: AnswerStatus | undefined; answered: boolean }) {
  const { t, i18n } = useTranslation('quiz');
  const { me } = useAuth();
  const time = (iso: string | null) =>
    iso ? formatTime(iso, me?.timeZone ?? 'Asia/Jakarta', i18n.language, true) : '';
  if (!status) {
    return (
      <Text size="xs" c="dimmed" data-save-state="empty">
        {answered ? t('saveState.unsaved') : t('saveState.notAnswered')}
      </Text>
    );
  }
  const map = {
    saved: { color: 'kompeten.8', text: t('saveState.saved', { time: time(status.savedAt) }) },
    unsaved: { color: WARNING_TEXT, text: t('saveState.unsaved') },
    saving: { color: 'dimmed', text: t('saveState.saving') },
    queued: { color: WARNING_TEXT, text: t('saveState.queued') },
    error: {
      color: DANGER_TEXT,
      text: status.error ? t('saveState.errorWith', { message: status.error }) : t('saveState.error'),
    },
  } as const;
  const entry = map[status.state];
  return (
    <Text size="xs" c={entry.color} fw={500} data-save-state={status.state}>
      {status.state === 'saved' ? '✓ ' : status.state === 'queued' || status.state === 'unsaved' ? '● ' : ''}
      {entry.text}
    </Text>
  );
}

/** /kuis/:attemptId — answering an open attempt. */
export function QuizAttemptPage() {
  const { attemptId = '' } = useParams<{ attemptId: string }>();
  const { t } = useTranslation('quiz');
  const attempt = useAttempt(attemptId);
  useDocumentTitle(attempt.data?.quizTitle ?? t('attempt.title'));

  if (attempt.isPending) return <LoadingBlock />;
  if (attempt.isError) return <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />;
  if (attempt.data.status !== 'open') return <Navigate to={`/kuis/${attemptId}/hasil`} replace />;
  return <AttemptForm key={attempt.data.id} attempt={attempt.data} loadedAt={attempt.dataUpdatedAt} />;
}

function AttemptForm({ attempt, loadedAt }: { attempt: AttemptView; loadedAt: number }) {
  const { t } = useTranslation('quiz');
  const navigate = useNavigate();
  const submit = useSubmitAttempt(attempt.id);
  const [confirming, setConfirming] = useState(false);
  const [finalError, setFinalError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [saveAnnouncement, setSaveAnnouncement] = useState('');
  const autoSubmitted = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultPath = `/kuis/${attempt.id}/hasil`;

  const onFinal = useCallback(
    (error: ApiError) => {
      setFinalError(error);
      if (error.code === ErrorCode.ASSESSMENT_DEADLINE_PASSED || error.code === ErrorCode.ASSESSMENT_ATTEMPT_CLOSED) {
        notify({ color: 'orange', message: t('attempt.closedByServer') });
        void navigate(resultPath, { replace: true });
      }
    },
    [navigate, resultPath, t],
  );
  const queue = useAnswerQueue(attempt, onFinal);
  const { flush } = queue;
  const { mutateAsync: sendSubmit } = submit;
  const remaining = useRemainingSeconds(attempt, loadedAt);
  const answeredCount = attempt.questions.filter((q) => isAnswered(queue.responses[q.id])).length;

  const doSubmit = useCallback(async () => {
    const sent = await flush();
    if (!sent) {
      setAnnouncement(t('attempt.unsentBeforeSubmit'));
      return false;
    }
    try {
      await sendSubmit();
      clearPending(attempt.id);
      void navigate(resultPath, { replace: true, state: autoSubmitted.current ? { timeUp: true } : undefined });
      return true;
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === ErrorCode.ASSESSMENT_DEADLINE_PASSED || error.code === ErrorCode.ASSESSMENT_ATTEMPT_CLOSED)
      ) {
        void navigate(resultPath, { replace: true, state: autoSubmitted.current ? { timeUp: true } : undefined });
      }
      return false;
    }
  }, [attempt.id, flush, navigate, resultPath, sendSubmit, t]);

  // The attempt starts with focus on its heading, so keyboard and screen-reader users begin at the top.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Save state, announced politely when the whole changes (not on every keystroke's per-question flicker).
  const saveState = saveSummary(
    attempt.questions.map((q) => queue.status[q.id]?.state),
    queue.online,
  );
  useEffect(() => {
    if (saveState) setSaveAnnouncement(t(`attempt.saveAnnounce.${saveState}`));
  }, [saveState, t]);

  // Warnings before time runs out (shown and announced once per level), and an automatic submit at the deadline (the
  // server closes the attempt anyway). Levels by threshold: a throttled tab may skip the exact second.
  const warning = timeWarning(remaining);
  useEffect(() => {
    if (warning === 'fiveMinutes') setAnnouncement(t('attempt.fiveMinutes'));
    if (warning === 'oneMinute') setAnnouncement(t('attempt.oneMinute'));
  }, [warning, t]);
  useEffect(() => {
    if (remaining === 10) void flush();
    if (remaining === 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      markTimeUp(attempt.id);
      setAnnouncement(t('attempt.timeUp'));
      void doSubmit().then((ok) => {
        if (!ok) void navigate(resultPath, { replace: true, state: { timeUp: true } });
      });
    }
  }, [attempt.id, remaining, doSubmit, flush, navigate, resultPath, t]);

  const jumpTo = (questionId: string) => {
    const el = document.getElementById(`q-${questionId}-title`);
    el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el?.focus({ preventScroll: true });
  };

  const low = remaining !== null && remaining <= 60;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/belajar/${attempt.enrolmentId}/${attempt.lessonId}`} size="sm">
        ← {t('attempt.backToLesson')}
      </Anchor>
      <Stack gap={2}>
        <Title order={1} ref={headingRef} tabIndex={-1} className={classes.heading}>
          {attempt.quizTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {t('attempt.number', { n: attempt.attemptNo })} ·{' '}
          {t('attempt.questionCount', { count: attempt.questions.length })}
        </Text>
      </Stack>

      <Paper className={classes.statusBar} withBorder shadow="xs" role="region" aria-label={t('attempt.statusBar')}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="md" wrap="wrap">
            <Box>
              <Text size="xs" c="dimmed" id="time-left-label" className={classes.statusLabel}>
                {t('attempt.timeLeft')}
              </Text>
              <Text
                fw={700}
                size="xl"
                ff="monospace"
                className={classes.timer}
                c={low ? DANGER_TEXT : undefined}
                role="timer"
                aria-labelledby="time-left-label"
                data-testid="quiz-countdown"
              >
                {remaining === null ? t('attempt.noLimit') : formatClock(remaining)}
              </Text>
            </Box>
            <Box>
              <Text size="xs" c="dimmed" className={classes.statusLabel}>
                {t('attempt.progress')}
              </Text>
              <Text fw={600} size="sm" data-testid="quiz-answered">
                {t('attempt.answered', { answered: answeredCount, total: attempt.questions.length })}
              </Text>
              <Text size="xs" c={queue.unsent > 0 ? WARNING_TEXT : 'kompeten.8'} data-testid="quiz-unsent">
                {queue.unsent > 0 ? t('attempt.unsent', { count: queue.unsent }) : t('attempt.allSaved')}
              </Text>
            </Box>
            {!queue.online && (
              <Badge color="orange" c={WARNING_TEXT} variant="light" size="lg">
                {t('attempt.offline')}
              </Badge>
            )}
          </Group>
          <Button onClick={() => setConfirming(true)} disabled={!!finalError}>
            {t('attempt.submit')}
          </Button>
        </Group>
        {(warning === 'fiveMinutes' || warning === 'oneMinute') && (
          <Text
            size="sm"
            fw={700}
            mt={6}
            c={warning === 'oneMinute' ? DANGER_TEXT : WARNING_TEXT}
            data-testid="quiz-time-warning"
            data-level={warning}
          >
            ⚠ {warning === 'oneMinute' ? t('attempt.oneMinuteVisible') : t('attempt.fiveMinutesVisible')}
          </Text>
        )}
      </Paper>
      <VisuallyHidden role="status" aria-live="assertive">
        {announcement}
      </VisuallyHidden>
      <VisuallyHidden role="status" aria-live="polite" data-testid="quiz-save-announcement">
        {saveAnnouncement}
      </VisuallyHidden>
      {!queue.online && (
        <Alert
          color="orange"
          variant="light"
          title={t('attempt.offlineTitle')}
          styles={{ title: { color: WARNING_TEXT } }}
        >
          {t('attempt.offlineText')}
        </Alert>
      )}
      {finalError && <ErrorAlert error={finalError} />}

      <nav aria-label={t('attempt.questionNav')}>
        <Group gap={6}>
          {attempt.questions.map((q, i) => {
            const status = queue.status[q.id];
            const answered = isAnswered(queue.responses[q.id]);
            const state = !answered ? 'empty' : status?.state === 'saved' ? 'saved' : 'pending';
            return (
              <UnstyledButton
                key={q.id}
                className={classes.navButton}
                data-state={state}
                onClick={() => jumpTo(q.id)}
                aria-label={t('attempt.navLabel', { n: i + 1, state: t(`attempt.navState.${state}`) })}
              >
                {i + 1}
              </UnstyledButton>
            );
          })}
        </Group>
      </nav>

      {attempt.questions.map((q, i) => (
        <Card key={q.id} component="section" aria-labelledby={`q-${q.id}-title`} padding="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Title order={2} size="h4" id={`q-${q.id}-title`} tabIndex={-1} className={classes.questionTitle}>
                {t('attempt.questionN', { n: i + 1 })}
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  · {t('attempt.points', { count: q.points })}
                </Text>
              </Title>
              <SaveIndicator status={queue.status[q.id]} answered={isAnswered(queue.responses[q.id])} />
            </Group>
            <RichTextView id={`q-${q.id}-prompt`} html={q.prompt} style={{ overflowWrap: 'anywhere' }} />
            <QuestionInput
              question={q}
              labelId={`q-${q.id}-prompt`}
              value={queue.responses[q.id]}
              onChange={(response, delay) => queue.change(q.id, response, delay)}
              disabled={!!finalError}
            />
          </Stack>
        </Card>
      ))}

      <Group justify="flex-end">
        <Button size="md" onClick={() => setConfirming(true)} disabled={!!finalError}>
          {t('attempt.submit')}
        </Button>
      </Group>

      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('attempt.confirmTitle')}
        confirmLabel={t('attempt.submit')}
        loading={submit.isPending}
        confirmDisabled={!queue.online && queue.unsent > 0}
        onConfirm={() => void doSubmit()}
      >
        <Text size="sm">{t('attempt.confirmText', { answered: answeredCount, total: attempt.questions.length })}</Text>
        {answeredCount < attempt.questions.length && (
          <Text size="sm" c={WARNING_TEXT}>
            {t('attempt.confirmUnanswered', { count: attempt.questions.length - answeredCount })}
          </Text>
        )}
        {queue.unsent > 0 && (
          <Text size="sm" c={WARNING_TEXT}>
            {queue.online ? t('attempt.confirmUnsent', { count: queue.unsent }) : t('attempt.confirmOffline')}
          </Text>
        )}
        {submit.isError && <ErrorAlert error={submit.error} />}
      </ConfirmModal>
    </Stack>
  );
}
