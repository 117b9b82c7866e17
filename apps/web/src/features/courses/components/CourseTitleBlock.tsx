import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '@kompeten/shared-contracts';
import { CourseStatusBadge } from './CourseStatusBadge';

/** The course's title with its workflow status and live version, heading the author's and the reviewer's pages. */
export function CourseTitleBlock({
  title,
  status,
  currentVersionNo,
}: {
  title: string;
  status: CourseStatus;
  currentVersionNo: number | null | undefined;
}) {
  const { t } = useTranslation('courses');
  return (
    <Stack gap={4} miw={0} style={{ flex: '1 1 300px' }}>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      <Group gap="xs">
        <CourseStatusBadge status={status} />
        {currentVersionNo ? (
          <Text size="sm" c="dimmed">
            {t('publishedVersion', { version: currentVersionNo })}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
