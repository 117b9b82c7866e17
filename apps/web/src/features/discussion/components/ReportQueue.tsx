import { useState } from 'react';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { RichTextView } from '../../../shared/components/RichTextView';
import { notify } from '../../../shared/notify';
import { useReports, useResolveReport } from '../queries';

/** The moderators' queue of open reports of a space, oldest first: hide the post or dismiss. */
export function ReportQueue({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation('discussion');
  const [page, setPage] = useState(1);
  const reports = useReports(spaceId, 'open', page, true);
  const resolve = useResolveReport();
  if (reports.isPending) return <LoadingBlock />;
  if (reports.isError) return <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />;
  const onResolve = async (reportId: string, resolution: 'hidden' | 'dismissed') => {
    try {
      await resolve.mutateAsync({ reportId, resolution });
      notify({ color: 'kompeten', message: t('resolved') });
    } catch {
      // Shown below.
    }
  };
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('reportsTitle')}</Text>
      {resolve.isError && <ErrorAlert error={resolve.error} />}
      {reports.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('noReports')}
        </Text>
      )}
      {reports.data.items.map((r) => (
        <Card key={r.id} withBorder padding="sm">
          <Stack gap={6}>
            <Text size="sm">{t('reportedBy', { name: r.reporter.name, reason: r.reason })}</Text>
            <Text size="sm" component={Link} to={`/diskusi/${r.threadId}`} td="underline">
              {t('inThread', { title: r.threadTitle })}
            </Text>
            {r.post.body !== null && <RichTextView html={r.post.body} />}
            <Group gap="xs">
              <Button size="xs" color="red" onClick={() => void onResolve(r.id, 'hidden')} loading={resolve.isPending}>
                {t('resolveHide')}
              </Button>
              <Button size="xs" variant="default" onClick={() => void onResolve(r.id, 'dismissed')}>
                {t('resolveDismiss')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <PaginationBar page={page} pageSize={20} total={reports.data.total} onChange={setPage} />
    </Stack>
  );
}
