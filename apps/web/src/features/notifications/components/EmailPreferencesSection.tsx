import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import type { EmailPreferenceKind } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useEmailPreferences, useUpdateEmailPreferences } from '../queries';

/** The profile's "Email notifications" section: one switch per kind, saved as it is flipped. */
export function EmailPreferencesSection() {
  const { t } = useTranslation('notifications');
  const query = useEmailPreferences();
  const update = useUpdateEmailPreferences();
  const flip = (kind: EmailPreferenceKind, email: boolean) => update.mutate([{ kind, email }]);
  return (
    <Card component="section" aria-labelledby="profile-email-notifications">
      <Title order={2} id="profile-email-notifications" mb="xs">
        {t('prefsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('prefsIntro')}
      </Text>
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="sm">
          {!query.data.hasEmailAddress && (
            <Alert color="yellow" variant="light">
              {t('prefsNoAddress')}
            </Alert>
          )}
          {query.data.preferences.map((p) => (
            <Switch
              key={p.kind}
              checked={p.email}
              onChange={(e) => flip(p.kind, e.currentTarget.checked)}
              label={t(`kind.${p.kind}`)}
              disabled={update.isPending}
            />
          ))}
          <Text size="xs" c="dimmed">
            {t('prefsPasswordAlways')}
          </Text>
          {update.isError && <ErrorAlert error={update.error} />}
        </Stack>
      )}
    </Card>
  );
}
