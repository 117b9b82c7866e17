import { useState } from 'react';
import { Alert, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { AccountSetupLink } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useAnswerResetRequest, useResetRequests } from '../queries';

/**
 * "Lupa kata sandi" requests of the ASN the caller manages (issue 15): each answered with the one-time setup link,
 * shown once here to hand over. Shown only while some are pending.
 */
export function ResetRequestsCard() {
  const { t, i18n } = useTranslation('accountSetup');
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const [page, setPage] = useState(1);
  const requests = useResetRequests(page);
  const answer = useAnswerResetRequest();
  const [issued, setIssued] = useState<{ name: string; link: AccountSetupLink } | null>(null);
  const items = requests.data?.items ?? [];
  if (!issued && items.length === 0) return null;

  const onAnswer = async (id: string, name: string) => {
    if (!window.confirm(t('requestsConfirm', { name }))) return;
    const res = await answer.mutateAsync(id);
    setIssued({ name, link: res.setupLink });
  };

  return (
    <Card component="section" aria-labelledby="reset-requests" withBorder>
      <Title order={2} size="h3" id="reset-requests" mb={4}>
        {t('requestsTitle', { count: requests.data?.total ?? 0 })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requestsIntro')}
      </Text>
      {answer.isError && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {errorMessage(answer.error)}
        </Alert>
      )}
      {issued && (
        <Alert color="blue" variant="light" title={t('requestsLinkFor', { name: issued.name })} role="status" mb="sm">
          <Stack gap="xs">
            <Text size="sm">{t('linkOnce')}</Text>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="reset-request-link">
              {issued.link.url}
            </Text>
            <Text size="sm">
              {t('linkExpires', { when: formatDateTime(issued.link.expiresAt, tz, i18n.language) })}
            </Text>
            <Group gap="sm">
              <CopyButton value={issued.link.url}>
                {({ copied, copy }) => (
                  <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? t('copied') : t('copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="default" onClick={() => setIssued(null)}>
                {t('hideLink')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((r) => (
          <Group key={r.id} component="li" justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
              <Text size="sm" fw={600} component={Link} to={`/admin/pegawai/${r.employeeId}`} c="kompeten.8">
                {r.name}
              </Text>
              <Text size="xs" c="dimmed">
                NIP {r.nip}
                {r.unitName ? ` · ${r.unitName}` : ''} · {formatDateTime(r.requestedAt, tz, i18n.language)}
              </Text>
            </Stack>
            <Button
              size="xs"
              loading={answer.isPending && answer.variables === r.id}
              onClick={() => void onAnswer(r.id, r.name).catch(() => undefined)}
              aria-label={`${t('requestsAnswer')}: ${r.name}`}
            >
              {t('requestsAnswer')}
            </Button>
          </Group>
        ))}
      </Stack>
      {requests.data && requests.data.total > requests.data.pageSize && (
        <PaginationBar
          page={requests.data.page}
          pageSize={requests.data.pageSize}
          total={requests.data.total}
          onChange={setPage}
        />
      )}
    </Card>
  );
}
