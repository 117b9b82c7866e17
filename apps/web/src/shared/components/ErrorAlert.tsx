import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** A failed query or mutation: the API's message, its correlation id, and a retry button. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errorTitle')} role="alert" w="100%">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {correlationId && (
          <Text size="xs" c="dimmed">
            ID: <code>{correlationId}</code>
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
