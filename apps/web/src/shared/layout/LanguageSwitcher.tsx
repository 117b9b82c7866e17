import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language } from '../../i18n';
import { useAuth } from '../auth/auth-context';

/** ID | EN switch; the choice is kept in localStorage and, when signed in, in the profile; it sets <html lang>. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { chooseLanguage } = useAuth();
  const value: Language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(next) => void chooseLanguage(next === 'en' ? 'en' : 'id')}
      aria-label={t('language')}
      data={[
        {
          value: 'id',
          label: (
            <span lang="id">
              <span aria-hidden="true">ID</span>
              <VisuallyHidden>{t('languageId')}</VisuallyHidden>
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en">
              <span aria-hidden="true">EN</span>
              <VisuallyHidden>{t('languageEn')}</VisuallyHidden>
            </span>
          ),
        },
      ]}
    />
  );
}
