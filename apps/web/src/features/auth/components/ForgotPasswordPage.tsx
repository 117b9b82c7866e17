import { useState } from 'react';
import { Alert, Anchor, Button, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { requestPasswordReset } from '../api';
import { PublicShell } from './PublicShell';

/**
 * No email yet: the ASN asks here with their NIP (or login email); their HR officer sees the request and hands them a
 * one-time setup link. The answer is the same whether or not the account exists (decision 0024).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('accountSetup');
  useDocumentTitle(t('forgotTitle'));
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState(false);
  const ask = useMutation({ mutationFn: (value: string) => requestPasswordReset(value) });

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = identifier.trim();
    setMissing(!value);
    if (value) ask.mutate(value);
  };

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forgotTitle')}
        </Title>
        <Text>{t('forgotIntro')}</Text>
        {ask.isSuccess ? (
          <Alert
            color="kompeten"
            variant="light"
            role="status"
            title={t('forgotSentTitle')}
            data-testid="forgot-answer"
          >
            {ask.data.message}
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('forgotIdentifier')}
                description={t('forgotIdentifierHint')}
                value={identifier}
                onChange={(e) => setIdentifier(e.currentTarget.value)}
                autoComplete="username"
                required
                error={missing ? t('forgotIdentifierMissing') : undefined}
              />
              {ask.isError && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(ask.error)}
                </Alert>
              )}
              <Button type="submit" loading={ask.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('forgotSubmit')}
              </Button>
            </Stack>
          </form>
        )}
        <List spacing="xs">
          <List.Item>{t('forgotStep1')}</List.Item>
          <List.Item>{t('forgotStep2')}</List.Item>
          <List.Item>{t('forgotStep3')}</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('forgotNoEmail')}
        </Text>
        <Anchor component={Link} to="/login">
          ← {t('backToLogin')}
        </Anchor>
      </Stack>
    </PublicShell>
  );
}
