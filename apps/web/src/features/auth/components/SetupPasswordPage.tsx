import { useState } from 'react';
import { Alert, Anchor, Box, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { ErrorCode } from '@kompeten/shared-contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../shared/api';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { completeSetupLink, lookupSetupLink } from '../api';
import { PublicShell } from './PublicShell';

interface FormValues {
  password: string;
  confirm: string;
}

/** /atur-kata-sandi/:token — the ASN sets their own password with the one-time link their HR officer handed over. */
export function SetupPasswordPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t, i18n } = useTranslation('accountSetup');
  const { t: tc } = useTranslation();
  const [done, setDone] = useState(false);
  useDocumentTitle(t('title'));
  const info = useQuery({
    queryKey: ['setup-link', token],
    queryFn: () => lookupSetupLink(token),
    retry: false,
    enabled: !!token,
    staleTime: Infinity,
  });
  const mutation = useMutation({ mutationFn: (password: string) => completeSetupLink(token, password) });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ defaultValues: { password: '', confirm: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    try {
      await mutation.mutateAsync(password);
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.AUTH_WEAK_PASSWORD)
        setError('password', { message: error.message }, { shouldFocus: true });
    }
  });

  const linkGone = (e: unknown) =>
    e instanceof ApiError &&
    (e.code === ErrorCode.ACCOUNT_SETUP_LINK_GONE || e.code === ErrorCode.ACCOUNT_SETUP_LINK_NOT_FOUND);
  const formError =
    mutation.error instanceof ApiError && mutation.error.code === ErrorCode.AUTH_WEAK_PASSWORD ? null : mutation.error;

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {info.isPending && <LoadingBlock />}
        {info.isError && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={linkGone(info.error) ? t('linkInvalidTitle') : undefined}
          >
            {errorMessage(info.error)}
          </Alert>
        )}
        {done && (
          <Alert color="green" variant="light" role="status" title={t('doneTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('done')}</Text>
              <Anchor component={Link} to="/login">
                {t('goToLogin')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {info.data && !done && (
          <>
            <Text>{t('forWhom', { name: info.data.fullName, nip: info.data.nipMasked ?? '-' })}</Text>
            <Text size="sm" c="dimmed">
              {t('expires', { when: formatDateTime(info.data.expiresAt, 'Asia/Jakarta', i18n.language) })}
            </Text>
            <Box component="form" onSubmit={(event) => void onSubmit(event)} noValidate>
              <Stack gap="md">
                {formError && (
                  <Alert color="red" variant="light" role="alert">
                    {errorMessage(formError)}
                  </Alert>
                )}
                <PasswordInput
                  label={t('password')}
                  description={t('passwordHint')}
                  autoComplete="new-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': tc('togglePassword') }}
                  error={errors.password?.message}
                  {...register('password', {
                    required: t('required'),
                    minLength: { value: 10, message: t('minLength') },
                    validate: (v) => (/[A-Za-z]/.test(v) && /\d/.test(v)) || t('lettersDigits'),
                  })}
                />
                <PasswordInput
                  label={t('confirm')}
                  autoComplete="new-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': tc('togglePassword') }}
                  error={errors.confirm?.message}
                  {...register('confirm', {
                    required: t('required'),
                    validate: (v) => v === getValues('password') || t('mismatch'),
                  })}
                />
                <Button type="submit" loading={isSubmitting}>
                  {t('submit')}
                </Button>
              </Stack>
            </Box>
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
