import { useState } from 'react';
import { Alert, Box, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AccountSetupLink, Employee } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { formatDateTime } from '../../../shared/format';
import { useAccountActions } from '../queries';

/**
 * The ASN's sign-in account as an admin manages it (issue 12): create it or reset it to get a one-time setup link,
 * shown once here to hand over; change the login email (pending until the ASN confirms it). No password is ever typed here.
 */
export function AccountPanel({ employee }: { employee: Employee }) {
  const { t, i18n } = useTranslation('accountSetup');
  const { me } = useAuth();
  const { set, reset } = useAccountActions(employee.id);
  const [link, setLink] = useState<AccountSetupLink | null>(null);
  const [email, setEmail] = useState('');
  const [pendingNote, setPendingNote] = useState<string | null>(null);
  const error = set.error ?? reset.error;

  const create = async () => setLink((await set.mutateAsync(undefined)).setupLink);
  const doReset = async () => {
    if (!window.confirm(t('resetConfirm', { name: employee.displayName }))) return;
    setLink((await reset.mutateAsync()).setupLink);
  };
  const changeEmail = async () => {
    const res = await set.mutateAsync(email.trim());
    setPendingNote(res.pendingEmail);
    setEmail('');
  };

  return (
    <Card component="section" aria-labelledby="employee-account">
      <Title order={2} id="employee-account" size="h3" mb="sm">
        {t('panelTitle')}
      </Title>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('panelIntro')}
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {link && (
          <Alert color="blue" variant="light" title={t('linkTitle')} role="status">
            <Stack gap="xs">
              <Text size="sm">{t('linkOnce')}</Text>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="setup-link">
                {link.url}
              </Text>
              <Text size="sm">
                {t('linkExpires', {
                  when: formatDateTime(link.expiresAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('linkNoEmailYet')}
              </Text>
              <Group gap="sm">
                <CopyButton value={link.url}>
                  {({ copied, copy }) => (
                    <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                      {copied ? t('copied') : t('copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => setLink(null)}>
                  {t('hideLink')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group gap="sm">
          {employee.hasAccount ? (
            <Button
              variant="light"
              color="red"
              loading={reset.isPending}
              onClick={() => void doReset().catch(() => undefined)}
            >
              {t('reset')}
            </Button>
          ) : (
            <Button loading={set.isPending} onClick={() => void create().catch(() => undefined)}>
              {t('create')}
            </Button>
          )}
        </Group>
        {employee.hasAccount && (
          <Box
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              if (email.trim()) void changeEmail().catch(() => undefined);
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                type="email"
                label={t('emailLabel')}
                description={t('emailHint')}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                maw={360}
              />
              <Button type="submit" variant="default" loading={set.isPending}>
                {t('emailSubmit')}
              </Button>
            </Group>
            {pendingNote && (
              <Text size="sm" mt="xs" role="status">
                {t('emailPending', { email: pendingNote })}
              </Text>
            )}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
