import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { usePendingEmail } from '../queries';

/** A login email an admin asked for waits here until the user accepts it (issue 12). */
export function PendingEmailNotice({ pendingEmail }: { pendingEmail: string }) {
  const { t } = useTranslation('accountSetup');
  const { confirm, decline } = usePendingEmail();
  const error = confirm.error ?? decline.error;
  return (
    <Alert color="yellow" variant="light" title={t('pendingTitle')} mt="md">
      <Text size="sm">{t('pendingText', { email: pendingEmail })}</Text>
      {error && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {errorMessage(error)}
        </Text>
      )}
      <Group gap="sm" mt="sm">
        <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate()}>
          {t('pendingConfirm')}
        </Button>
        <Button size="xs" variant="default" loading={decline.isPending} onClick={() => decline.mutate()}>
          {t('pendingDecline')}
        </Button>
      </Group>
    </Alert>
  );
}
