import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AudienceAssignment } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { notify } from '../../../shared/notify';
import { useAudienceAssignments, useEndAudienceAssignment } from '../queries';

/** The course's live audience assignments the caller manages, each with "End" (decision 0025). */
export function AudienceAssignmentsList({ courseId }: { courseId: string }) {
  const { t } = useTranslation('courses');
  const [page, setPage] = useState(1);
  const list = useAudienceAssignments(courseId, page);
  const end = useEndAudienceAssignment(courseId);
  const label = (a: AudienceAssignment) =>
    a.kind === 'unit'
      ? t(a.includeSubUnits ? 'assign.liveUnitWithSubs' : 'assign.liveUnit', { name: a.unitName ?? '' })
      : t('assign.livePosition', { name: a.positionName ?? '' });

  return (
    <Stack gap="xs" component="section" aria-labelledby="live-assignments-heading">
      <Title order={3} size="h5" id="live-assignments-heading">
        {t('assign.liveTitle')}
      </Title>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {end.isError && <ErrorAlert error={end.error} />}
      {list.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('assign.liveEmpty')}
        </Text>
      )}
      {list.data?.items.map((a) => (
        <Paper key={a.id} withBorder p="xs" radius="sm" data-testid="live-assignment">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {label(a)}
              </Text>
              <Group gap={6}>
                <Badge size="sm" variant="light" color={a.live ? 'green' : 'gray'}>
                  {a.live ? t('assign.liveActive') : t('assign.liveEnded')}
                </Badge>
                {a.mandatory && (
                  <Badge size="sm" variant="light" color="orange">
                    {t('assign.liveMandatory')}
                  </Badge>
                )}
                <Text size="xs">{t('assign.liveEnrolled', { count: a.enrolledCount })}</Text>
              </Group>
            </Stack>
            {a.live && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('assign.endNamed', { name: label(a) })}
                loading={end.isPending && end.variables === a.id}
                onClick={() =>
                  end.mutate(a.id, { onSuccess: () => notify({ color: 'green', message: t('assign.endDone') }) })
                }
              >
                {t('assign.end')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {list.data && list.data.total > list.data.pageSize && (
        <PaginationBar page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
      )}
    </Stack>
  );
}
