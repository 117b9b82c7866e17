import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useEnrolment } from '../queries';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';

/** /belajar/:enrolmentId — resumes where the learner left off (the server's resume pointer, else the first lesson). */
export function EnrolmentEntryPage() {
  const { enrolmentId = '' } = useParams<{ enrolmentId: string }>();
  const { t } = useTranslation('learning');
  const enrolment = useEnrolment(enrolmentId);
  useDocumentTitle(enrolment.data?.courseTitle ?? t('title'));

  if (enrolment.isPending) return <LoadingBlock />;
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  const detail = enrolment.data;
  const playable = detail.status === 'active' || detail.status === 'completed';
  const firstLesson = detail.modules.flatMap((m) => m.lessons)[0];
  const target = detail.resume?.lessonId ?? firstLesson?.id;
  if (playable && target) return <Navigate to={`/belajar/${detail.id}/${target}`} replace />;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/belajar" size="sm">
        ← {t('backToList')}
      </Anchor>
      <Title order={1}>{detail.courseTitle}</Title>
      <Card>
        <Stack gap="xs" align="flex-start">
          <EnrolmentStatusBadge status={detail.status} />
          <Text size="sm">
            {playable
              ? t('noLessons')
              : t(
                  `statusInfo.${detail.status === 'pending_approval' ? 'pending_approval' : detail.status === 'rejected' ? 'rejected' : 'withdrawn'}`,
                )}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
