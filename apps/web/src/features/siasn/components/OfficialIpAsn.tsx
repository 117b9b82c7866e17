import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { useOfficialIpAsn, useRefreshOfficialIpAsn } from '../queries';

/** The official IP ASN as SIASN last answered (/pns/nilaiipasn), with when it was read and a button to read it again. */
export function OfficialIpAsn({ employeeId }: { employeeId: string }) {
  const { t, i18n } = useTranslation('siasn');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const query = useOfficialIpAsn(employeeId);
  const refresh = useRefreshOfficialIpAsn(employeeId);
  const data = query.data;

  const onRefresh = async () => {
    try {
      const read = await refresh.mutateAsync();
      if (read.error) notify({ color: 'red', title: tc('errorTitle'), message: read.error });
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };

  return (
    <Group justify="space-between" wrap="wrap" gap="xs" component="section" aria-label={t('officialIpAsn')}>
      <Text size="sm">
        <Text span fw={600}>
          {t('officialIpAsn')}:{' '}
        </Text>
        {data?.total != null && data.fetchedAt
          ? t('officialIpAsnValue', {
              value: formatNumber(data.total, i18n.language),
              when: formatDateTime(data.fetchedAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
            })
          : t('officialIpAsnNone')}
      </Text>
      <Button size="xs" variant="light" onClick={() => void onRefresh()} loading={refresh.isPending}>
        {t('refreshIpAsn')}
      </Button>
    </Group>
  );
}
