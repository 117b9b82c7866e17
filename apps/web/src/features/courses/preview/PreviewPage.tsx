import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Switch,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type { CoursePreview, PreviewLesson } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { RichTextView } from '../../../shared/components/RichTextView';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { LessonBody } from '../../learning/components/LessonBody';
import classes from '../../learning/components/PlayerPage.module.css';
import { useCourseLabels } from '../labels';
import { isNumberedTitle } from '../module-title';
import { asPlayerLesson, useCoursePreview } from './api';
import { PreviewQuiz } from './PreviewQuiz';

/** Nothing is reported from a preview: the player's lessons get this instead of the progress API. */
const NO_REPORT = () => undefined;

function PreviewOutline({ preview, currentLessonId }: { preview: CoursePreview; currentLessonId: string | undefined }) {
  const { t } = useTranslation('preview');
  const label = useCourseLabels();
  return (
    <nav aria-label={t('outline')}>
      <Stack gap="sm">
        {preview.modules.map((module, mi) => (
          <Box key={module.id}>
            <Title order={2} size="h5" mb={4} id={`preview-module-${module.id}`}>
              {isNumberedTitle(module.title) ? module.title : `${mi + 1}. ${module.title}`}
            </Title>
            <ol className={classes.outlineList} aria-labelledby={`preview-module-${module.id}`}>
              {module.lessons.map((lesson) => {
                const current = lesson.id === currentLessonId;
                return (
                  <li key={lesson.id}>
                    <UnstyledButton
                      component={Link}
                      to={`/kursus/${preview.courseId}/pratinjau/${lesson.id}`}
                      className={classes.outlineLink}
                      data-current={current || undefined}
                      aria-current={current ? 'page' : undefined}
                    >
                      <span className={classes.outlineText}>
                        <span>{lesson.title}</span>
                        <Text span size="xs" c="dimmed" display="block">
                          {label.lessonKind(lesson.kind)}
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
  );
}

function PreviewLessonBody({
  preview,
  lesson,
  moduleId,
  neighbours,
  showKeys,
}: {
  preview: CoursePreview;
  lesson: PreviewLesson;
  moduleId: string;
  neighbours: { previous: string | null; next: string | null };
  showKeys: boolean;
}) {
  const { t } = useTranslation('preview');
  const { t: tl } = useTranslation('learning');
  const c = lesson.content;
  if (c.kind === 'quiz') {
    const quiz = preview.quizzes[c.quizId];
    return quiz ? <PreviewQuiz quiz={quiz} showKeys={showKeys} /> : <Alert variant="light">{t('notFound')}</Alert>;
  }
  if (c.kind === 'assignment')
    return (
      <Stack gap="md">
        <RichTextView html={c.instructions} />
        <Text size="sm" c="dimmed">
          {tl('assignment.scores', { max: c.maxScore, pass: c.passScore })}
        </Text>
        <Alert variant="light">{t('assignment.uploadHere')}</Alert>
      </Stack>
    );
  const player = asPlayerLesson(lesson, moduleId, neighbours);
  return player ? <LessonBody lesson={player} readOnly preview report={NO_REPORT} /> : null;
}

/**
 * /kursus/:courseId/pratinjau[/:lessonId] — the course as learners will see it, before publishing (issue 15): the
 * draft, which is also the version under review, opened lesson by lesson with the learner's own player components
 * (text, video, PDF, files, links, live sessions) and every quiz question. Nothing is recorded. Reviewers see the
 * answer keys by default; authors may show them.
 */
export function PreviewPage() {
  const { courseId = '', lessonId } = useParams<{ courseId: string; lessonId?: string }>();
  const { t } = useTranslation('preview');
  const label = useCourseLabels();
  const preview = useCoursePreview(courseId);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [showKeys, setShowKeys] = useState<boolean | null>(null);
  const data = preview.data;
  const lessons = data?.modules.flatMap((m) => m.lessons.map((l) => ({ lesson: l, moduleId: m.id }))) ?? [];
  const index = lessons.findIndex((l) => l.lesson.id === lessonId);
  const current = index >= 0 ? lessons[index] : undefined;
  useDocumentTitle(data ? `${current ? `${current.lesson.title} · ` : ''}${data.title} · ${t('title')}` : t('title'));

  useEffect(() => {
    setOutlineOpen(false);
  }, [lessonId]);

  if (preview.isPending) return <LoadingBlock />;
  if (preview.isError) return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  const p = preview.data;
  const keys = showKeys ?? p.viewer.canReview;
  const back = p.viewer.canReview && p.status === 'in_review' ? `/review/${p.courseId}` : `/kursus/${p.courseId}`;
  const previous = index > 0 ? lessons[index - 1].lesson.id : null;
  const next = index >= 0 ? (lessons[index + 1]?.lesson.id ?? null) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={back} size="sm">
          ← {p.viewer.canReview && p.status === 'in_review' ? t('backToReview') : t('backToCourse')}
        </Anchor>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {p.title}
        </Text>
      </Group>
      <Alert variant="light" color="blue" title={t('title')}>
        <Text size="sm">
          {t('banner')}{' '}
          {p.status === 'in_review'
            ? t('bannerInReview')
            : p.currentVersionNo
              ? t('bannerPublished', { version: p.currentVersionNo })
              : t('bannerDraft')}
        </Text>
      </Alert>
      <Switch
        label={t('showKeys')}
        description={t('showKeysHint')}
        checked={keys}
        onChange={(e) => setShowKeys(e.currentTarget.checked)}
      />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Button
            className={classes.outlineToggle}
            variant="default"
            fullWidth
            onClick={() => setOutlineOpen((o) => !o)}
            aria-expanded={outlineOpen}
            aria-controls="preview-outline"
          >
            {t('outline')}
          </Button>
          <Card
            id="preview-outline"
            className={classes.outline}
            data-open={outlineOpen}
            padding="sm"
            mt={{ base: 'xs', md: 0 }}
          >
            <PreviewOutline preview={p} currentLessonId={current?.lesson.id} />
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          {!current ? (
            <Stack gap="md" component="article" aria-labelledby="lesson-title">
              <Title order={1} id="lesson-title" style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Title>
              {lessonId && <Alert variant="light">{t('notFound')}</Alert>}
              <Card padding="md" component="section" aria-labelledby="preview-overview">
                <Title order={2} size="h3" id="preview-overview" mb="sm">
                  {t('overview')}
                </Title>
                {p.description && <RichTextView html={p.description} />}
                {p.objectives.length > 0 && (
                  <>
                    <Title order={3} size="h4" mt="md" mb={4}>
                      {t('objectives')}
                    </Title>
                    <List size="sm">
                      {p.objectives.map((o, i) => (
                        <List.Item key={i}>{o}</List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Card>
              {lessons.length ? (
                <Group>
                  <Button component={Link} to={`/kursus/${p.courseId}/pratinjau/${lessons[0].lesson.id}`}>
                    {t('start')} →
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('noLessons')}
                </Text>
              )}
            </Stack>
          ) : (
            <Stack gap="md" component="article" aria-labelledby="lesson-title">
              <Stack gap={4}>
                <Group gap={6}>
                  <Badge variant="light" color="gray">
                    {label.lessonKind(current.lesson.kind)}
                  </Badge>
                  {!current.lesson.required && (
                    <Badge variant="outline" color="gray">
                      {t('optional')}
                    </Badge>
                  )}
                </Group>
                <Title order={1} id="lesson-title" style={{ overflowWrap: 'anywhere' }}>
                  {current.lesson.title}
                </Title>
              </Stack>
              <Card padding="md">
                <PreviewLessonBody
                  key={current.lesson.id}
                  preview={p}
                  lesson={current.lesson}
                  moduleId={current.moduleId}
                  neighbours={{ previous, next }}
                  showKeys={keys}
                />
              </Card>
              <Group justify="space-between" gap="sm" component="nav" aria-label={t('lessonNav')}>
                {previous ? (
                  <Button component={Link} to={`/kursus/${p.courseId}/pratinjau/${previous}`} variant="default">
                    ← {t('previous')}
                  </Button>
                ) : (
                  <Box />
                )}
                {next ? (
                  <Button component={Link} to={`/kursus/${p.courseId}/pratinjau/${next}`}>
                    {t('next')} →
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('lastLesson')}
                  </Text>
                )}
              </Group>
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
