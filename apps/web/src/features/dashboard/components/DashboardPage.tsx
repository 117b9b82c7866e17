import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayNameOf, useAuth } from '../../../shared/auth/auth-context';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';

/** Annual competency-development target (PP 11/2017 art. 203(4)); PPPK see it as a reference. */
const JP_TARGET = 20;

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  useDocumentTitle(t('title'));
  const employee = me?.employee ?? null;
  // JP tracking is not recorded yet: the ledger comes with the learning features.
  const jpDone = 0;
  const percent = Math.min(100, Math.round((jpDone / JP_TARGET) * 100));
  const jpNote =
    employee?.employeeType === 'PPPK'
      ? t('jpTargetPppk')
      : employee?.employeeType === 'PNS'
        ? t('jpTargetPns')
        : t('jpTargetGeneric');

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

        <Card component="section" aria-labelledby="card-jp">
          <Title order={2} size="h3" id="card-jp" mb="sm">
            {t('jpCard')}
          </Title>
          <Text size="xl" fw={700} data-testid="jp-progress">
            {t('jpProgress', { done: jpDone, target: JP_TARGET })}
          </Text>
          <Progress value={percent} size="lg" mt="sm" aria-label={t('jpProgressLabel')} />
          <Text size="sm" mt="sm">
            {jpNote}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('jpComingSoon')}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
