import { useState } from 'react';
import { Anchor, Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import type { GradingItem, SubmissionForGrading } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { ConfirmModal } from '../../courses/components/ConfirmModal';
import { useCourse } from '../../courses/queries';
import { downloadSubmissionFile } from '../api';
import { useCourseGrading, useGradeSubmission } from '../queries';

function GradeSubmissionModal({
  courseId,
  item,
  onClose,
}: {
  courseId: string;
  item: SubmissionForGrading;
  onClose: () => void;
}) {
  const { t } = useTranslation('grading');
  const mutation = useGradeSubmission(courseId);
  const [score, setScore] = useState<number | string>('');
  const [feedback, setFeedback] = useState('');
  const max = item.maxScore ?? undefined;
  const valid = score !== '' && Number(score) >= 0 && (max === undefined || Number(score) <= max);

  const save = async () => {
    try {
      await mutation.mutateAsync({
        submissionId: item.id,
        input: { score: Number(score), feedback: feedback.trim() || undefined },
      });
      notify({ color: 'kompeten', message: t('saved') });
      onClose();
    } catch {
      // Shown in the dialog.
    }
  };
  const download = async () => {
    try {
      await downloadSubmissionFile(item.id, item.fileName);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error) });
    }
  };

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('gradeSubmissionTitle', { name: item.employeeName })}
      confirmLabel={t('saveGrade')}
      loading={mutation.isPending}
      confirmDisabled={!valid}
      onConfirm={() => void save()}
    >
      <Text size="sm">
        {item.lessonTitle ? `${item.lessonTitle} · ` : ''}
        {item.fileName}
      </Text>
      <Group>
        <Button variant="default" size="xs" onClick={() => void download()}>
          {t('downloadSubmission')}
        </Button>
      </Group>
      <NumberInput
        label={max !== undefined ? t('scoreOf', { max }) : t('score')}
        required
        min={0}
        max={max}
        decimalScale={2}
        value={score}
        onChange={setScore}
        data-autofocus
      />
      {item.passScore !== null && (
        <Text size="xs" c="dimmed">
          {t('passScore', { score: item.passScore })}
        </Text>
      )}
      <Textarea
        label={t('feedback')}
        autosize
        minRows={3}
        value={feedback}
        onChange={(e) => setFeedback(e.currentTarget.value)}
      />
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </ConfirmModal>
  );
}

/** /kursus/:courseId/penilaian — essays and assignments waiting for a grade. */
export function CourseGradingPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t, i18n } = useTranslation('grading');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const course = useCourse(courseId);
  const queue = useCourseGrading(courseId);
  const [grading, setGrading] = useState<SubmissionForGrading | null>(null);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('title')}` : t('title'));
  const date = (iso: string | null) => (iso ? formatDateTime(iso, tz, i18n.language) : tc('none'));

  return (
    <Stack gap="lg">
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      <Stack gap="sm" component="section" aria-labelledby="essays-heading">
        <Title order={2} id="essays-heading">
          {t('essays')}
        </Title>
        <DataTable<GradingItem>
          caption={t('essays')}
          rows={queue.data?.attempts}
          loading={queue.isPending}
          busy={queue.isFetching}
          rowKey={(a) => a.attemptId}
          empty={t('noEssays')}
          minWidth={720}
          columns={[
            { key: 'name', header: t('learner'), cell: (a) => a.employeeName },
            {
              key: 'nip',
              header: t('nip'),
              cell: (a) => (
                <Text size="sm" ff="monospace">
                  {a.nip}
                </Text>
              ),
              nowrap: true,
            },
            { key: 'quiz', header: t('quiz'), cell: (a) => `${a.quizTitle} (#${a.attemptNo})` },
            { key: 'submitted', header: t('submittedAt'), cell: (a) => date(a.submittedAt), nowrap: true },
            { key: 'pending', header: t('pending'), cell: (a) => a.pendingQuestions, align: 'right', nowrap: true },
            {
              key: 'grade',
              header: t('actions'),
              hiddenHeader: true,
              nowrap: true,
              cell: (a) => (
                <Anchor
                  component={Link}
                  to={`/kursus/${courseId}/penilaian/percobaan/${a.attemptId}`}
                  size="sm"
                  aria-label={t('gradeAttemptOf', { name: a.employeeName })}
                >
                  {t('grade')}
                </Anchor>
              ),
            },
          ]}
        />
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="assignments-heading">
        <Title order={2} id="assignments-heading">
          {t('assignments')}
        </Title>
        <DataTable<SubmissionForGrading>
          caption={t('assignments')}
          rows={queue.data?.submissions}
          loading={queue.isPending}
          busy={queue.isFetching}
          rowKey={(s) => s.id}
          empty={t('noAssignments')}
          minWidth={720}
          columns={[
            { key: 'name', header: t('learner'), cell: (s) => s.employeeName },
            {
              key: 'nip',
              header: t('nip'),
              cell: (s) => (
                <Text size="sm" ff="monospace">
                  {s.nip}
                </Text>
              ),
              nowrap: true,
            },
            { key: 'lesson', header: t('assignment'), cell: (s) => s.lessonTitle ?? tc('none') },
            {
              key: 'file',
              header: t('file'),
              cell: (s) => (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {s.fileName}
                </Text>
              ),
            },
            { key: 'submitted', header: t('submittedAt'), cell: (s) => date(s.submittedAt), nowrap: true },
            {
              key: 'grade',
              header: t('actions'),
              hiddenHeader: true,
              nowrap: true,
              cell: (s) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setGrading(s)}
                  aria-label={t('gradeSubmissionOf', { name: s.employeeName })}
                >
                  {t('grade')}
                </Button>
              ),
            },
          ]}
        />
      </Stack>
      {grading && <GradeSubmissionModal courseId={courseId} item={grading} onClose={() => setGrading(null)} />}
    </Stack>
  );
}
