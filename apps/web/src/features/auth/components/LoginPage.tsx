import { useState } from 'react';
import { Alert, Anchor, Box, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorCode } from '@kompeten/shared-contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useHydrated } from '../../../shared/hooks/useHydrated';
import { PublicShell } from './PublicShell';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are allowed as a post-login destination. */
function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { status, login } = useAuth();
  const location = useLocation();
  const from = safeRedirect((location.state as { from?: unknown } | null)?.from);
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('title'));

  // No default values: when it registers a field, react-hook-form then takes the input's current value. The page
  // arrives rendered in the HTML (decision 0041), so whatever a person typed before React took it over is kept.
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>();
  // The sign-in page arrives rendered in the HTML (decision 0041). Until React has taken it over, pressing "Masuk" or
  // Enter would submit the bare form: the button waits.
  const hydrated = useHydrated();

  if (status === 'authenticated') return <Navigate to={from} replace />;

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFailure(null);
    try {
      await login(username.trim(), password);
      // The session change re-renders this page, which then redirects.
    } catch (error) {
      setFailure(error);
    }
  });

  // 429 AUTH.LOGIN_THROTTLED: the same answer for every username (never whether an account exists, nor until when); its
  // message tells a stuck user to ask their HR officer for a setup link. A bare 429 (a proxy) gets our own words.
  const throttled = failure instanceof ApiError && failure.status === 429;
  const failureText =
    throttled && failure.code !== ErrorCode.AUTH_LOGIN_THROTTLED && failure.message.startsWith('HTTP ')
      ? t('tooManyAttempts')
      : errorMessage(failure);

  return (
    <PublicShell width={420}>
      <Stack gap={4} mb="lg">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('subtitle')}
        </Text>
      </Stack>
      <Box
        component="form"
        method="post"
        data-login-form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-busy={isSubmitting}
      >
        <Stack gap="md">
          {failure !== null && (
            <Alert
              color={throttled ? 'yellow' : 'red'}
              variant="light"
              title={throttled ? t('throttledTitle') : t('failedTitle')}
              role="alert"
              data-testid="login-error"
            >
              {failureText}
            </Alert>
          )}
          <TextInput
            label={t('username')}
            placeholder={t('usernamePlaceholder')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
            error={errors.username?.message}
            {...register('username', { validate: (v) => v.trim().length > 0 || t('usernameRequired') })}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            visibilityToggleButtonProps={{ 'aria-label': tc('togglePassword') }}
            error={errors.password?.message}
            {...register('password', { required: t('passwordRequired') })}
          />
          <Button type="submit" fullWidth loading={isSubmitting} disabled={!hydrated} mt="xs">
            {t('submit')}
          </Button>
          <Anchor component={Link} to="/lupa-kata-sandi" size="sm" ta="center">
            {t('forgotPassword')}
          </Anchor>
        </Stack>
      </Box>
    </PublicShell>
  );
}
