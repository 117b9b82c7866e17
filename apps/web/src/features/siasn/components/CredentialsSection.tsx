import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SiasnConnectionTest } from '@kompeten/shared-contracts';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { notify } from '../../../shared/notify';
import type { SiasnCredentialsInput } from '../api';
import { useSaveCredentials, useSiasnCredentials, useTestConnection } from '../queries';

const EMPTY: SiasnCredentialsInput = {
  baseUrl: '',
  apimTokenUrl: '',
  ssoTokenUrl: '',
  ssoClientId: '',
  ssoUsername: '',
  apimKey: '',
  apimSecret: '',
  ssoPassword: '',
  enabled: true,
};

/** The agency's own SIASN credentials: secrets are write-only (the API only says whether each is set). */
export function CredentialsSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('siasn');
  const { t: tc } = useTranslation();
  const query = useSiasnCredentials(agencyId);
  const save = useSaveCredentials(agencyId);
  const test = useTestConnection(agencyId);
  const [form, setForm] = useState<SiasnCredentialsInput>(EMPTY);
  const [result, setResult] = useState<SiasnConnectionTest | null>(null);
  const view = query.data;

  useEffect(() => {
    const s = view?.stored;
    setForm(
      s
        ? {
            ...EMPTY,
            baseUrl: s.baseUrl,
            apimTokenUrl: s.apimTokenUrl,
            ssoTokenUrl: s.ssoTokenUrl,
            ssoClientId: s.ssoClientId,
            ssoUsername: s.ssoUsername,
            enabled: s.enabled,
          }
        : EMPTY,
    );
    setResult(null);
  }, [view]);

  const field = (key: keyof SiasnCredentialsInput) => ({
    value: form[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  const secretHint = (set: boolean | undefined) => (set ? t('secretSet') : t('secretNotSet'));

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync(form);
      notify({ color: 'green', title: t('credentialsSaved'), message: t('credentialsSavedText') });
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };
  const onTest = async () => {
    try {
      setResult(await test.mutateAsync());
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="siasn-credentials-heading">
      <Title order={2} size="h3" id="siasn-credentials-heading">
        {t('credentials')}
      </Title>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {view && (
        <>
          <Text size="sm">{t(`source.${view.source}`)}</Text>
          {!view.instansiId && <Alert color="orange">{t('noInstansiId')}</Alert>}
          {!view.canStore && <Alert color="orange">{t('cannotStore')}</Alert>}
          <form onSubmit={(e) => void onSave(e)}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('baseUrl')} required {...field('baseUrl')} placeholder="https://…/apisiasn/1.0" />
                <TextInput label={t('apimTokenUrl')} required {...field('apimTokenUrl')} />
                <TextInput label={t('ssoTokenUrl')} required {...field('ssoTokenUrl')} />
                <TextInput label={t('ssoClientId')} required {...field('ssoClientId')} />
                <TextInput label={t('ssoUsername')} required {...field('ssoUsername')} />
                <PasswordInput
                  label={t('ssoPassword')}
                  description={secretHint(view.stored?.ssoPasswordSet)}
                  autoComplete="new-password"
                  {...field('ssoPassword')}
                />
                <PasswordInput
                  label={t('apimKey')}
                  description={secretHint(view.stored?.apimKeySet)}
                  autoComplete="off"
                  {...field('apimKey')}
                />
                <PasswordInput
                  label={t('apimSecret')}
                  description={secretHint(view.stored?.apimSecretSet)}
                  autoComplete="off"
                  {...field('apimSecret')}
                />
              </SimpleGrid>
              <Checkbox
                label={t('enabled')}
                checked={form.enabled}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setForm((f) => ({ ...f, enabled: checked }));
                }}
              />
              <Group gap="sm">
                <Button type="submit" loading={save.isPending} disabled={!view.canStore}>
                  {t('saveCredentials')}
                </Button>
                <Button variant="light" onClick={() => void onTest()} loading={test.isPending}>
                  {t('testConnection')}
                </Button>
              </Group>
            </Stack>
          </form>
          {result && (
            // The title in the body (default text colour): a coloured alert title fails contrast on its light background.
            <Alert variant="light" color={result.ok ? 'green' : 'red'} role="status">
              <Text fw={600}>{result.ok ? t('testOk') : t('testFailed')}</Text>
              <Text size="sm">{result.message}</Text>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
