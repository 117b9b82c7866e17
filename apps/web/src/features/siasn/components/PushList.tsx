import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIASN_PUSH_STATUSES, type SiasnPushItem, type SiasnPushStatusName } from '@kompeten/shared-contracts';
import { errorMessage } from '../../../shared/api';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { notify } from '../../../shared/notify';
import { useResendAll, useResendPush, useSiasnPushes } from '../queries';
import { DANGER_TEXT, WARNING_TEXT } from '../../courses/colors';

const STATUS_COLOR: Record<SiasnPushStatusName, string> = {
  pending: 'gray',
  sent: 'blue',
  acknowledged: 'green',
  failed: 'orange',
  parked: 'red',
};
/** Text shades that keep 4.5:1 on the light badges (Mantine's light variants alone fall below it). */
const STATUS_TEXT: Record<SiasnPushStatusName, string> = {
  pending: '#343a40',
  sent: '#0b4a8b',
  acknowledged: '#1b5e20',
  failed: WARNING_TEXT,
  parked: DANGER_TEXT,
};

export function PushList({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('siasn');
  const { t: tc } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<SiasnPushStatusName | ''>('');
  const [q, setQ] = useState('');
  const query = useSiasnPushes(agencyId, { page, pageSize: 20, status: status || undefined, q: q || undefined });
  const resend = useResendPush(agencyId);
  const resendAll = useResendAll(agencyId);

  const onResend = async (item: SiasnPushItem) => {
    try {
      const r = await resend.mutateAsync(item.id);
      notify({ color: 'green', title: t('resent'), message: t(`outcome.${r.status}`, { defaultValue: r.status }) });
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };
  const onResendAll = async () => {
    try {
      const r = await resendAll.mutateAsync();
      notify({ color: 'green', title: t('resent'), message: t('resentAll', { count: r.requeued }) });
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="siasn-pushes-heading">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="siasn-pushes-heading">
          {t('pushes')}
        </Title>
        <Button variant="light" onClick={() => void onResendAll()} loading={resendAll.isPending}>
          {t('resendAll')}
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('statusFilter')}
          data={[
            { value: '', label: t('allStatuses') },
            ...SIASN_PUSH_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          value={status}
          onChange={(value) => {
            setStatus((value ?? '') as SiasnPushStatusName | '');
            setPage(1);
          }}
          allowDeselect={false}
          maw={220}
        />
        <SearchInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={q}
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
          maw={360}
        />
      </Group>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable<SiasnPushItem>
        caption={t('pushes')}
        minWidth={960}
        rows={query.data?.items}
        rowKey={(item) => item.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={t('empty')}
        columns={[
          {
            key: 'person',
            header: t('person'),
            cell: (item) => (
              <Stack gap={0}>
                <Text size="sm">{item.name ?? '–'}</Text>
                <Text size="xs" c="dimmed">
                  {item.nip}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'course',
            header: t('course'),
            cell: (item) => (
              <Stack gap={0}>
                <Text size="sm">{item.course}</Text>
                <Text size="xs" c="dimmed">
                  {item.certificateNumber} · {t('jp', { count: item.jp })}
                </Text>
              </Stack>
            ),
            cellStyle: () => ({ overflowWrap: 'anywhere' }),
          },
          {
            key: 'status',
            header: t('statusFilter'),
            cell: (item) => (
              <Badge color={STATUS_COLOR[item.status]} c={STATUS_TEXT[item.status]} variant="light">
                {t(`status.${item.status}`)}
              </Badge>
            ),
          },
          { key: 'attempts', header: t('attempts'), cell: (item) => item.attempts },
          {
            key: 'error',
            header: t('lastError'),
            cell: (item) => (
              <Text size="sm" c={item.lastError ? 'red.9' : 'dimmed'}>
                {item.lastError ?? item.documentError ?? '–'}
              </Text>
            ),
            cellStyle: () => ({ overflowWrap: 'anywhere', maxWidth: 320 }),
          },
          { key: 'record', header: t('recordId'), cell: (item) => item.siasnRecordId ?? '–' },
          {
            key: 'document',
            header: t('document'),
            cell: (item) => (item.documentStatus ? t(`documentStatus.${item.documentStatus}`) : '–'),
          },
          {
            key: 'resend',
            header: t('resend'),
            hiddenHeader: true,
            cell: (item) =>
              item.status === 'parked' ||
              item.status === 'failed' ||
              item.documentStatus === 'parked' ||
              item.documentStatus === 'failed' ? (
                <Button
                  size="xs"
                  variant="subtle"
                  loading={resend.isPending && resend.variables === item.id}
                  onClick={() => void onResend(item)}
                  aria-label={t('resendOne', { number: item.certificateNumber })}
                >
                  {t('resend')}
                </Button>
              ) : null,
          },
        ]}
      />
      {query.data && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={setPage}
        />
      )}
    </Stack>
  );
}
