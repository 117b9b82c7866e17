import { useState } from 'react';
import { Alert, Anchor, Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch, useParams } from 'react-router';
import { useActiveInView } from '../../../shared/hooks/useActiveInView';
import { isAdmin, useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { notify } from '../../../shared/notify';
import { returnNote } from '../api';
import { WARNING_TEXT } from '../colors';
import { useCourse, useCourseWorkflow } from '../queries';
import { AssignLearnersModal } from './AssignLearnersModal';
import { ConfirmModal } from './ConfirmModal';
import { CourseTitleBlock } from './CourseTitleBlock';

const SECTIONS = [
  { key: 'info', path: '', end: true },
  { key: 'content', path: 'konten' },
  { key: 'completion', path: 'kelulusan' },
  { key: 'bank', path: 'bank-soal' },
  { key: 'quizzes', path: 'kuis' },
  { key: 'grading', path: 'penilaian' },
  { key: 'report', path: 'laporan' },
] as const;

function SectionLink({ to, end, label }: { to: string; end: boolean; label: string }) {
  const match = useMatch({ path: to, end });
  return (
    <Button
      component={Link}
      to={to}
      size="compact-md"
      variant={match ? 'light' : 'subtle'}
      aria-current={match ? 'page' : undefined}
      style={{ flexShrink: 0 }}
    >
      {label}
    </Button>
  );
}

/** /kursus/:courseId/*: the course header (status, workflow actions) and the section navigation. */
export function CourseWorkspaceLayout() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t } = useTranslation('courses');
  const { t: tp } = useTranslation('preview');
  const { pathname } = useLocation();
  // The current section's tab scrolls into view on a phone, where the later tabs sit off-screen.
  const sectionsRef = useActiveInView<HTMLElement>(pathname);
  const course = useCourse(courseId);
  const workflow = useCourseWorkflow(courseId);
  const [confirm, setConfirm] = useState<'submit' | 'archive' | null>(null);
  const [assigning, setAssigning] = useState(false);
  const { me } = useAuth();
  // HR officers and admins assign learners (the API checks their scope).
  const canAssign = isAdmin(me);

  const run = async (action: 'submit' | 'archive') => {
    try {
      if (action === 'submit') await workflow.submit.mutateAsync();
      else await workflow.archive.mutateAsync();
      notify({ color: 'kompeten', message: action === 'submit' ? t('submitted') : t('archived') });
      setConfirm(null);
    } catch {
      // Shown in the dialog.
    }
  };
  const pending = workflow.submit.isPending || workflow.archive.isPending;
  const actionError = workflow.submit.error ?? workflow.archive.error;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kursus" size="sm">
        ← {t('backToList')}
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
              {course.data.status === 'published' && (
                <Button variant="default" component={Link} to={`/katalog/${course.data.id}`}>
                  {t('viewInCatalog')}
                </Button>
              )}
              {canAssign && course.data.status === 'published' && (
                <Button variant="light" onClick={() => setAssigning(true)}>
                  {t('assign.open')}
                </Button>
              )}
              {/* Not offered on a published course with no change since its live version (nothing to review). */}
              {course.data.can.submit && <Button onClick={() => setConfirm('submit')}>{t('submitReview')}</Button>}
              {course.data.can.archive && (
                <Button variant="light" color="red" onClick={() => setConfirm('archive')}>
                  {t('archive')}
                </Button>
              )}
            </Group>
          </Group>

          {course.data.status === 'draft' && returnNote(course.data) && (
            <Alert
              color="orange"
              variant="light"
              title={t('returnedTitle')}
              styles={{ title: { color: WARNING_TEXT } }}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {returnNote(course.data)}
              </Text>
            </Alert>
          )}
          {course.data.status === 'in_review' && (
            <Alert color="blue" variant="light">
              {t('inReviewInfo')}
            </Alert>
          )}

          <ScrollArea type="auto" offsetScrollbars scrollbarSize={6}>
            <nav aria-label={t('sections.label')} ref={sectionsRef}>
              <Group gap={4} wrap="nowrap" pb={4}>
                {SECTIONS.map((section) => (
                  <SectionLink
                    key={section.key}
                    to={section.path ? `/kursus/${courseId}/${section.path}` : `/kursus/${courseId}`}
                    end={'end' in section}
                    label={t(`sections.${section.key}`)}
                  />
                ))}
              </Group>
            </nav>
          </ScrollArea>

          <Outlet />

          {canAssign && (
            <AssignLearnersModal
              courseId={courseId}
              courseTitle={course.data.title}
              opened={assigning}
              onClose={() => setAssigning(false)}
            />
          )}
          <ConfirmModal
            opened={confirm !== null}
            onClose={() => setConfirm(null)}
            title={confirm === 'archive' ? t('archiveConfirmTitle') : t('submitConfirmTitle')}
            confirmLabel={confirm === 'archive' ? t('archive') : t('submitReview')}
            color={confirm === 'archive' ? 'red' : undefined}
            loading={pending}
            onConfirm={() => confirm && void run(confirm)}
          >
            <Text size="sm">{confirm === 'archive' ? t('archiveConfirm') : t('submitConfirm')}</Text>
            {actionError && <ErrorAlert error={actionError} />}
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
