import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useHydrated } from '../../../shared/hooks/useHydrated';
import { useLazyDisclosure } from '../../../shared/hooks/useLazyDisclosure';
import { notify } from '../../../shared/notify';
import { useCourseLabels } from '../../courses/labels';
import { useEnrolment, useLesson, useWithdraw } from '../queries';
import { useLessonTracking } from '../tracking';
import { LessonBody } from './LessonBody';
import { PlayerOutline } from './PlayerOutline';
import classes from './PlayerPage.module.css';

// Below the lesson and on demand: the course's discussion (fetched once the lesson is on screen) and the withdrawal
// dialog (fetched when first opened) are not part of what the player needs to show the lesson (decision 0027 §10).
const DiscussionPanel = lazy(async () => ({
  default: (await import('../../discussion/components/DiscussionPanel')).DiscussionPanel,
}));
const ConfirmModal = lazy(async () => ({
  default: (await import('../../courses/components/ConfirmModal')).ConfirmModal,
}));

/** /belajar/:enrolmentId/:lessonId — the course player: outline with per-lesson status, the lesson, previous/next. */
export function PlayerPage() {
  const { enrolmentId = '', lessonId = '' } = useParams<{ enrolmentId: string; lessonId: string }>();
  const { t } = useTranslation('learning');
  const { t: td } = useTranslation('discussion');
  const label = useCourseLabels();
  const navigate = useNavigate();
  const enrolment = useEnrolment(enrolmentId);
  const lesson = useLesson(enrolmentId, lessonId);
  const withdraw = useWithdraw(enrolmentId);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const confirmWithdraw = useLazyDisclosure();
  const hydrated = useHydrated();
  const status = enrolment.data?.status;
  const active = status === 'active';
  const report = useLessonTracking(enrolmentId, lessonId, lesson.data?.kind, active && !!lesson.data);
  useDocumentTitle(
    lesson.data
      ? `${lesson.data.title} · ${enrolment.data?.courseTitle ?? ''}`
      : (enrolment.data?.courseTitle ?? t('title')),
  );

  // On phones the outline closes after choosing a lesson.
  useEffect(() => {
    setOutlineOpen(false);
  }, [lessonId]);

  // The change that completes the course is celebrated once.
  const previousStatus = useRef<EnrolmentStatus | undefined>(undefined);
  useEffect(() => {
    if (previousStatus.current === 'active' && status === 'completed') {
      notify({ color: 'kompeten', title: t('completedTitle'), message: t('completedMessage'), autoClose: 8000 });
    }
    previousStatus.current = status;
  }, [status, t]);

  const onWithdraw = async () => {
    try {
      await withdraw.mutateAsync();
      notify({ color: 'kompeten', message: t('withdrawn') });
      void navigate('/belajar');
    } catch {
      // Shown in the dialog.
    }
  };

  if (enrolment.isPending) return <LoadingBlock />;
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  const detail = enrolment.data;
  const lessons = detail.modules.flatMap((m) => m.lessons);
  const done = lessons.filter((l) => l.progress.status === 'completed').length;
  const data = lesson.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to="/belajar" size="sm">
          ← {t('backToList')}
        </Anchor>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {detail.courseTitle}
        </Text>
      </Group>
      {status === 'completed' && (
        <Alert color="kompeten" variant="light">
          {t('completedBanner')}
        </Alert>
      )}
      {status && status !== 'active' && status !== 'completed' && (
        <Alert variant="light">
          {t(
            `statusInfo.${status === 'pending_approval' ? 'pending_approval' : status === 'rejected' ? 'rejected' : 'withdrawn'}`,
          )}
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Button
            className={classes.outlineToggle}
            variant="default"
            fullWidth
            onClick={() => setOutlineOpen((o) => !o)}
            aria-expanded={outlineOpen}
            aria-controls="player-outline"
          >
            {outlineOpen ? t('hideOutline') : t('showOutline', { done, total: lessons.length })}
          </Button>
          <Card
            id="player-outline"
            className={classes.outline}
            data-open={outlineOpen}
            padding="sm"
            mt={{ base: 'xs', md: 0 }}
          >
            <PlayerOutline detail={detail} currentLessonId={lessonId} />
            {active && !detail.mandatory && (
              <Button variant="subtle" color="red" size="xs" mt="md" onClick={confirmWithdraw.open}>
                {t('withdraw')}
              </Button>
            )}
            {active && detail.mandatory && (
              <Text size="xs" c="dimmed" mt="md">
                {t('mandatoryNoWithdraw')}
              </Text>
            )}
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md" component="article" aria-labelledby="lesson-title">
            {lesson.isPending && <LoadingBlock />}
            {lesson.isError && <ErrorAlert error={lesson.error} onRetry={() => void lesson.refetch()} />}
            {data && (
              <>
                <Stack gap={4}>
                  <Group gap={6}>
                    <Badge variant="light" color="gray">
                      {label.lessonKind(data.kind)}
                    </Badge>
                    {!data.required && (
                      <Badge variant="outline" color="gray">
                        {t('optional')}
                      </Badge>
                    )}
                    <Badge
                      variant="light"
                      color={
                        data.progress.status === 'completed'
                          ? 'kompeten'
                          : data.progress.status === 'in_progress'
                            ? 'blue'
                            : 'gray'
                      }
                    >
                      {t(`lessonStatus.${data.progress.status}`)}
                    </Badge>
                  </Group>
                  <Title order={1} id="lesson-title" style={{ overflowWrap: 'anywhere' }}>
                    {data.title}
                  </Title>
                </Stack>
                <Card padding="md">
                  <LessonBody key={data.lessonId} lesson={data} readOnly={!active} report={report} />
                </Card>
                <Group justify="space-between" gap="sm" component="nav" aria-label={t('lessonNav')}>
                  {data.previousLessonId ? (
                    <Button component={Link} to={`/belajar/${enrolmentId}/${data.previousLessonId}`} variant="default">
                      ← {t('previous')}
                    </Button>
                  ) : (
                    <Box />
                  )}
                  {data.nextLessonId ? (
                    <Button component={Link} to={`/belajar/${enrolmentId}/${data.nextLessonId}`}>
                      {t('next')} →
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('lastLesson')}
                    </Text>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Card padding="md">
        {/* Its own chunk, loaded in the browser: a page rendered on the server (decision 0041) shows the loader here
            until React has taken the page over, rather than a server render that suspends. */}
        {hydrated ? (
          <Suspense fallback={<LoadingBlock />}>
            <DiscussionPanel target={{ kind: 'course', id: detail.courseId }} heading={td('courseTitle')} />
          </Suspense>
        ) : (
          <LoadingBlock />
        )}
      </Card>

      {confirmWithdraw.mounted && (
        <Suspense fallback={null}>
          <ConfirmModal
            opened={confirmWithdraw.opened}
            onClose={confirmWithdraw.close}
            title={t('withdrawTitle')}
            confirmLabel={t('withdraw')}
            color="red"
            loading={withdraw.isPending}
            onConfirm={() => void onWithdraw()}
          >
            <Text size="sm">{t('withdrawConfirm', { title: detail.courseTitle })}</Text>
            {withdraw.isError && <ErrorAlert error={withdraw.error} />}
          </ConfirmModal>
        </Suspense>
      )}
    </Stack>
  );
}
