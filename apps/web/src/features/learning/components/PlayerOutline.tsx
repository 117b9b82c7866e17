import { Box, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { EnrolmentDetail, LessonProgressStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCourseLabels } from '../../courses/labels';
import classes from './PlayerPage.module.css';
import { isNumberedTitle } from '../../courses/module-title';

const ICON: Record<LessonProgressStatus, string> = { completed: '✓', in_progress: '◐', not_started: '○' };

/** The course outline beside the player: each lesson with its status; the current one marked. */
export function PlayerOutline({ detail, currentLessonId }: { detail: EnrolmentDetail; currentLessonId: string }) {
  const { t } = useTranslation('learning');
  const label = useCourseLabels();
  const lessons = detail.modules.flatMap((m) => m.lessons);
  const done = lessons.filter((l) => l.progress.status === 'completed').length;
  const percent = Math.round(detail.progressPercent);
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('progress', { percent })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('lessonsDone', { done, total: lessons.length })}
          </Text>
        </Group>
        <Progress value={percent} aria-label={t('courseProgress')} />
      </Stack>
      <nav aria-label={t('outline')}>
        <Stack gap="sm">
          {detail.modules.map((module, mi) => (
            <Box key={module.id}>
              <Title order={2} size="h5" mb={4} id={`outline-module-${module.id}`}>
                {isNumberedTitle(module.title) ? module.title : `${mi + 1}. ${module.title}`}
              </Title>
              <ol className={classes.outlineList} aria-labelledby={`outline-module-${module.id}`}>
                {module.lessons.map((lesson) => {
                  const current = lesson.id === currentLessonId;
                  return (
                    <li key={lesson.id}>
                      <UnstyledButton
                        component={Link}
                        to={`/belajar/${detail.id}/${lesson.id}`}
                        className={classes.outlineLink}
                        data-current={current || undefined}
                        data-status={lesson.progress.status}
                        aria-current={current ? 'page' : undefined}
                      >
                        <span className={classes.statusIcon} aria-hidden>
                          {ICON[lesson.progress.status]}
                        </span>
                        <span className={classes.outlineText}>
                          <span>{lesson.title}</span>
                          <Text span size="xs" c="dimmed" display="block">
                            {label.lessonKind(lesson.kind)} · {t(`lessonStatus.${lesson.progress.status}`)}
                            {!lesson.required ? ` · ${t('optional')}` : ''}
                          </Text>
                        </span>
                      </UnstyledButton>
                    </li>
                  );
                })}
              </ol>
            </Box>
          ))}
        </Stack>
      </nav>
    </Stack>
  );
}
