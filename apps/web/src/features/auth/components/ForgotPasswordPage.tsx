import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PublicShell } from './PublicShell';

/** No email yet: the way back in is a setup link from one's HR officer. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('accountSetup');
  useDocumentTitle(t('forgotTitle'));
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forgotTitle')}
        </Title>
        <Text>{t('forgotIntro')}</Text>
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
