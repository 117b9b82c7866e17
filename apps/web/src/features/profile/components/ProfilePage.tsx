import { Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { DetailList, Field } from '../../../shared/components/DetailList';
import { EmployeeDetails } from '../../../shared/components/EmployeeDetails';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { EmailPreferencesSection } from '../../notifications/components/EmailPreferencesSection';
import { AccountEventsList } from './AccountEventsList';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PendingEmailNotice } from './PendingEmailNotice';

export function ProfilePage() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { t: te } = useTranslation('employee');
  const { t: ta } = useTranslation('accountSetup');
  const { me, chooseLanguage } = useAuth();
  useDocumentTitle(t('title'));
  const employee = me?.employee ?? null;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>

      <Card component="section" aria-labelledby="profile-employee">
        <Title order={2} id="profile-employee" mb="md">
          {t('employeeData')}
        </Title>
        {employee ? <EmployeeDetails employee={employee} /> : <Text c="dimmed">{t('noEmployee')}</Text>}
      </Card>

      <Card component="section" aria-labelledby="profile-account">
        <Title order={2} id="profile-account" mb="md">
          {t('account')}
        </Title>
        <DetailList columns={1}>
          <Field label={te('email')}>{me?.email ?? tc('none')}</Field>
        </DetailList>
        {me?.pendingEmail && <PendingEmailNotice pendingEmail={me.pendingEmail} />}
        <Title order={3} mt="lg" mb="sm">
          {t('changePassword')}
        </Title>
        <ChangePasswordForm />
      </Card>

      <Card component="section" aria-labelledby="profile-language">
        <Title order={2} id="profile-language" mb="md">
          {t('languageTitle')}
        </Title>
        <Radio.Group
          label={t('languageLabel')}
          description={t('languageHint')}
          value={me?.language ?? 'id'}
          onChange={(next) => void chooseLanguage(next === 'en' ? 'en' : 'id')}
        >
          <Group mt="xs">
            <Radio value="id" label="Bahasa Indonesia" lang="id" />
            <Radio value="en" label="English" lang="en" />
          </Group>
        </Radio.Group>
      </Card>

      <EmailPreferencesSection />

      <Card component="section" aria-labelledby="profile-account-events">
        <Title order={2} id="profile-account-events" mb="xs">
          {ta('eventsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {ta('eventsIntro')}
        </Text>
        <AccountEventsList />
      </Card>
    </Stack>
  );
}
