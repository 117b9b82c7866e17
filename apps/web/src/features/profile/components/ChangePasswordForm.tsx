import { Alert, Box, Button, PasswordInput, Stack } from '@mantine/core';
import { ErrorCode } from '@kompeten/shared-contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { useChangePassword } from '../queries';
import { notify } from '../../../shared/notify';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const toggleProps = { 'aria-label': tc('togglePassword') };
  const mutation = useChangePassword();
  const { logout } = useAuth();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await mutation.mutateAsync({ currentPassword, newPassword });
      reset();
      mutation.reset();
      notify({ color: 'kompeten', title: t('successTitle'), message: `${t('success')} ${t('successSignInAgain')}` });
      // The server ended every session, this one included: sign out here too.
      await logout();
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.AUTH_WRONG_PASSWORD) {
        setError('currentPassword', { message: error.message }, { shouldFocus: true });
      } else if (error instanceof ApiError && error.code === ErrorCode.AUTH_WEAK_PASSWORD) {
        setError('newPassword', { message: error.message }, { shouldFocus: true });
      }
    }
  });

  const fieldError =
    mutation.error instanceof ApiError &&
    (mutation.error.code === ErrorCode.AUTH_WRONG_PASSWORD || mutation.error.code === ErrorCode.AUTH_WEAK_PASSWORD);

  return (
    <Box component="form" onSubmit={(event) => void onSubmit(event)} noValidate maw={420}>
      <Stack gap="md">
        {mutation.isError && !fieldError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <PasswordInput
          label={t('currentPassword')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={toggleProps}
          error={errors.currentPassword?.message}
          {...register('currentPassword', { required: t('required') })}
        />
        <PasswordInput
          label={t('newPassword')}
          description={t('newPasswordHint')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggleProps}
          error={errors.newPassword?.message}
          {...register('newPassword', {
            required: t('required'),
            minLength: { value: 10, message: t('minLength') },
            validate: {
              lettersDigits: (v) => (/[A-Za-z]/.test(v) && /\d/.test(v)) || t('lettersDigits'),
              differs: (v) => v !== getValues('currentPassword') || t('sameAsCurrent'),
            },
          })}
        />
        <PasswordInput
          label={t('confirmPassword')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggleProps}
          error={errors.confirmPassword?.message}
          {...register('confirmPassword', {
            required: t('required'),
            validate: (v) => v === getValues('newPassword') || t('mismatch'),
          })}
        />
        <Button type="submit" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
          {t('save')}
        </Button>
      </Stack>
    </Box>
  );
}
