import { useState } from 'react';
import { Alert, Anchor, Box, Button, Card, Checkbox, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { JENIS_DIKLAT_STRUKTURAL } from '@kompeten/shared-contracts';
import { DetailList, Field } from '../../../shared/components/DetailList';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import type { Course } from '../api';
import { useCourseLabels } from '../labels';
import { useCourse, useCourseWorkflow } from '../queries';
import { ConfirmModal } from './ConfirmModal';
import { CourseTitleBlock } from './CourseTitleBlock';
import { CourseDescription } from './CourseDescription';
import { OutlineList } from './OutlineList';

function RuleSummary({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const rule = course.completionRule;
  const titleOf = (id: string) => course.modules.flatMap((m) => m.lessons).find((l) => l.id === id)?.title ?? id;
  return (
    <List size="sm" spacing={4}>
      <List.Item>
        {rule.requiredLessons === 'all'
          ? t('rule.allLessons')
          : t('rule.selectedSummary', { lessons: rule.requiredLessons.map(titleOf).join(', ') })}
      </List.Item>
      {rule.passQuizzes?.length ? (
        <List.Item>{t('rule.passQuizzesSummary', { lessons: rule.passQuizzes.map(titleOf).join(', ') })}</List.Item>
      ) : null}
      {rule.minPostTestPercent !== undefined && rule.minPostTestPercent !== null ? (
        <List.Item>{t('rule.postTestSummary', { percent: rule.minPostTestPercent })}</List.Item>
      ) : null}
      {rule.passAssignments?.length ? (
        <List.Item>
          {t('rule.passAssignmentsSummary', { lessons: rule.passAssignments.map(titleOf).join(', ') })}
        </List.Item>
      ) : null}
      {rule.minLiveAttendance ? (
        <List.Item>{t('rule.liveSummary', { count: rule.minLiveAttendance })}</List.Item>
      ) : null}
    </List>
  );
}

/** /review/:courseId — what the reviewer checks before publishing: metadata, outline, completion rule. */
export function ReviewCoursePage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t } = useTranslation('courses');
  const { t: tp } = useTranslation('preview');
  const label = useCourseLabels();
  const navigate = useNavigate();
  const course = useCourse(courseId);
  const workflow = useCourseWorkflow(courseId);
  const [dialog, setDialog] = useState<'publish' | 'return' | null>(null);
  const [note, setNote] = useState('');
  const [requiresUpgrade, setRequiresUpgrade] = useState(false);
  useDocumentTitle(course.data ? `${t('review.title')} · ${course.data.title}` : t('review.title'));

  const act = async () => {
    try {
      if (dialog === 'publish') {
        await workflow.publish.mutateAsync({ requiresUpgrade, note: note.trim() || undefined });
        notify({ color: 'kompeten', message: t('review.published') });
      } else {
        await workflow.giveBack.mutateAsync(note.trim());
        notify({ color: 'kompeten', message: t('review.returned') });
      }
      setDialog(null);
      void navigate('/review');
    } catch {
      // Shown in the dialog.
    }
  };
  const open = (which: 'publish' | 'return') => {
    workflow.publish.reset();
    workflow.giveBack.reset();
    setNote('');
    setDialog(which);
  };
  const error = dialog === 'publish' ? workflow.publish.error : workflow.giveBack.error;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/review" size="sm">
        ← {t('review.back')}
      </Anchor>
      {course.isPending && <LoadingBlock />}
      {course.isError && <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />}
      {course.data && (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <CourseTitleBlock
              title={course.data.title}
              status={course.data.status}
              currentVersionNo={course.data.currentVersionNo}
            />
            <Group gap="xs">
              <Button variant="default" component={Link} to={`/kursus/${course.data.id}/pratinjau`}>
                {tp('open')}
              </Button>
              {course.data.can.review && (
                <>
                  <Button variant="default" onClick={() => open('return')}>
                    {t('review.return')}
                  </Button>
                  <Button onClick={() => open('publish')}>{t('review.publish')}</Button>
                </>
              )}
            </Group>
          </Group>
          {course.data.status !== 'in_review' && <Alert variant="light">{t('review.notInReview')}</Alert>}
          {course.data.status === 'in_review' && !course.data.can.review && (
            <Alert variant="light">{t('review.cannotReview')}</Alert>
          )}

          <Card component="section" aria-labelledby="review-meta-heading">
            <Title order={2} id="review-meta-heading" mb="sm">
              {t('sections.info')}
            </Title>
            <DetailList columns={3}>
              <Field label={t('form.agency')}>{course.data.agencyName ?? '—'}</Field>
              <Field label={t('form.competencyKind')}>{label.competencyKind(course.data.competencyKind)}</Field>
              <Field label={t('form.learningMethod')}>{label.learningMethod(course.data.learningMethod)}</Field>
              <Field label={t('form.jenisDiklat')}>
                {course.data.jenisDiklatId} · {label.jenisDiklat(course.data.jenisDiklatId)}
              </Field>
              {course.data.jenisDiklatId === JENIS_DIKLAT_STRUKTURAL && (
                <Field label={t('form.latihanStruktural')}>
                  {course.data.latihanStrukturalId
                    ? `${course.data.latihanStrukturalId} · ${label.latihanStruktural(course.data.latihanStrukturalId)}`
                    : '—'}
                </Field>
              )}
              <Field label={t('form.jp')}>{course.data.jp}</Field>
              <Field label={t('form.level')}>{label.level(course.data.level)}</Field>
              <Field label={t('form.visibility')}>{label.visibility(course.data.visibility)}</Field>
              <Field label={t('form.enrolmentMode')}>{label.enrolmentMode(course.data.enrolmentMode)}</Field>
              <Field label={t('form.tags')}>{course.data.tags.length ? course.data.tags.join(', ') : '—'}</Field>
            </DetailList>
            <Box mt="md">
              <CourseDescription
                description={course.data.description}
                objectives={course.data.objectives}
                objectivesLabel={t('form.objectives')}
              />
            </Box>
          </Card>

          <Card component="section" aria-labelledby="review-outline-heading">
            <Title order={2} id="review-outline-heading" mb="sm">
              {t('sections.content')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {tp('lessonHint')}
            </Text>
            <OutlineList
              modules={course.data.modules}
              lessonHref={(lessonId) => `/kursus/${course.data.id}/pratinjau/${lessonId}`}
            />
          </Card>

          <Card component="section" aria-labelledby="review-rule-heading">
            <Title order={2} id="review-rule-heading" mb="sm">
              {t('sections.completion')}
            </Title>
            <RuleSummary course={course.data} />
          </Card>

          <ConfirmModal
            opened={dialog !== null}
            onClose={() => setDialog(null)}
            title={dialog === 'publish' ? t('review.publishTitle') : t('review.returnTitle')}
            confirmLabel={dialog === 'publish' ? t('review.publish') : t('review.return')}
            loading={workflow.publish.isPending || workflow.giveBack.isPending}
            confirmDisabled={dialog === 'return' && !note.trim()}
            onConfirm={() => void act()}
          >
            {dialog === 'publish' && course.data.currentVersionNo ? (
              <Checkbox
                label={t('review.requiresUpgrade')}
                description={t('review.requiresUpgradeHint')}
                checked={requiresUpgrade}
                onChange={(e) => setRequiresUpgrade(e.currentTarget.checked)}
              />
            ) : null}
            <Textarea
              label={dialog === 'publish' ? t('review.noteOptional') : t('review.note')}
              description={dialog === 'return' ? t('review.noteHint') : undefined}
              required={dialog === 'return'}
              autosize
              minRows={3}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-autofocus
            />
            {error && <ErrorAlert error={error} />}
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
