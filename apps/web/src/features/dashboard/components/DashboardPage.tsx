import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayNameOf, hasAnyRole, useAuth } from '../../../shared/auth/auth-context';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { JpProgressRing } from '../../jp/components/JpProgressRing';
import { useMySummary } from '../../jp/queries';
import { ATTENTION_ROLES } from '../../../shared/attention';
import { AttentionPanel } from './AttentionPanel';
import { InProgressCard, RecentlyCompletedCard, RecommendationsCard } from './LearningCards';

/** This year's JP from the ledger, against the target (ASN only: an account without an ASN record has no JP). */
function JpCard({ hasEmployee }: { hasEmployee: boolean }) {
  const { t } = useTranslation('dashboard');
  const summary = useMySummary();
  if (!hasEmployee)
    return (
      <Text size="sm" c="dimmed">
        {t('noEmployee')}
      </Text>
    );
  if (summary.isPending) return <LoadingBlock />;
  if (!summary.data)
    return (
      <Text size="sm" c="dimmed" role="alert">
        {t('jpError')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <JpProgressRing summary={summary.data} size={110} />
      <Text size="sm">{summary.data.employeeType === 'PPPK' ? t('jpTargetPppk') : t('jpTargetPns')}</Text>
      <Anchor component={Link} to="/jp" size="sm">
        {t('jpDetails')}
      </Anchor>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  useDocumentTitle(t('title'));
  const employee = me?.employee ?? null;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text size="lg" data-testid="dashboard-greeting">
          {t('greeting', { name: displayNameOf(me) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
      </Stack>

      {hasAnyRole(me, ATTENTION_ROLES) && <AttentionPanel />}
      {employee && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <InProgressCard />
          <Stack gap="md">
            <Card component="section" aria-labelledby="card-jp">
              <Title order={2} size="h3" id="card-jp" mb="sm">
                {t('jpCard')}
              </Title>
              <JpCard hasEmployee />
            </Card>
            <RecentlyCompletedCard />
          </Stack>
        </SimpleGrid>
      )}
      {employee && <RecommendationsCard />}

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Card component="section" aria-labelledby="card-agency">
          <Title order={2} size="h3" id="card-agency" mb="sm">
            {t('agencyCard')}
          </Title>
          {employee ? (
            <Stack gap="xs">
              <div>
                <Text size="sm" c="dimmed">
                  {t('agency')}
                </Text>
                <Text fw={500}>{employee.agencyName}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('unit')}
                </Text>
                <Text fw={500}>{employee.unitName ?? tc('none')}</Text>
              </div>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('noEmployee')}
            </Text>
          )}
        </Card>

        <Card component="section" aria-labelledby="card-roles">
          <Title order={2} size="h3" id="card-roles" mb="sm">
            {t('rolesCard')}
          </Title>
          {me && me.roles.length > 0 ? (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {me.roles.map((assignment) => (
                <li key={assignment.id}>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light">{tc(`role.${assignment.role}`)}</Badge>
                    <Text size="sm">{t('scopeAt', { scope: assignment.unitName ?? assignment.agencyName })}</Text>
                  </Group>
                </li>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('noRoles')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
