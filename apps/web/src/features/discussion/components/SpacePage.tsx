import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSpace } from '../queries';
import { DiscussionPanel } from './DiscussionPanel';

/** /diskusi/pelatihan/:courseId and /diskusi/kelas/:classId — a course's or a class's discussion on its own page. */
export function SpacePage({ kind }: { kind: 'course' | 'class' }) {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation('discussion');
  const space = useSpace({ kind, id });
  const heading = kind === 'course' ? t('courseTitle') : t('classTitle');
  useDocumentTitle(space.data ? `${heading} · ${space.data.title}` : heading);
  return (
    <Stack gap="md">
      <PageHeader title={space.data?.title ?? heading} intro={t('intro')} />
      <DiscussionPanel target={{ kind, id }} heading={heading} />
    </Stack>
  );
}
