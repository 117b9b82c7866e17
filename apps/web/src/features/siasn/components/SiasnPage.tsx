import { Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIASN_PUSH_STATUSES } from '@kompeten/shared-contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgencyOptions } from '../../agencies/queries';
import { useSiasnSummary } from '../queries';
import { CredentialsSection } from './CredentialsSection';
import { PushList } from './PushList';
import { ReconciliationSection } from './ReconciliationSection';

/** The SIASN page of one agency (issue 17): what was sent and how it went, resend, reconciliation, credentials. */
export function SiasnPage() {
  const { t } = useTranslation('siasn');
  useDocumentTitle(t('title'));
  const { values, update } = useSearchParamState(['agencyId'] as const);
  const agencies = useAgencyOptions();
  const agencyId = values.agencyId || (agencies.data?.length === 1 ? agencies.data[0].value : '');
  const summary = useSiasnSummary(agencyId);

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} intro={t('intro')} introMaw={720} />
      <Select
        label={t('agency')}
        placeholder={t('chooseAgency')}
        data={agencies.data ?? []}
        value={agencyId || null}
        onChange={(value) => update({ agencyId: value ?? '' })}
        searchable
        maw={480}
      />
      {agencyId && (
        <>
          {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
          <section aria-labelledby="siasn-counts-heading">
            <Title order={2} size="h3" id="siasn-counts-heading" mb="xs">
              {t('countsHeading')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
              {SIASN_PUSH_STATUSES.map((status) => (
                <Card key={status} padding="sm" withBorder>
                  <Text size="xs" c="dimmed">
                    {t(`status.${status}`)}
                  </Text>
                  <Text fw={700} size="xl">
                    {summary.data?.counts[status] ?? '–'}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            {summary.data && (
              <Group gap="md" mt="xs">
                <Text size="sm" c="dimmed">
                  {t('documentsSummary', summary.data.documents)}
                </Text>
              </Group>
            )}
          </section>
          <PushList agencyId={agencyId} />
          <ReconciliationSection agencyId={agencyId} />
          <CredentialsSection agencyId={agencyId} />
        </>
      )}
    </Stack>
  );
}
