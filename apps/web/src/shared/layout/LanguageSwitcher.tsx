import { Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n';
import { useAuth } from '../auth/auth-context';

/**
 * ID | EN switch; the choice is kept in localStorage and, when signed in, in the profile; it sets <html lang>.
 * Two toggle buttons (aria-pressed) rather than a SegmentedControl: its sliding indicator measures the layout of the
 * whole page while the first page renders, which cost phones tens of milliseconds on every load (decision 0027 §10).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { chooseLanguage } = useAuth();
  const value: Language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Button.Group aria-label={t('language')}>
      {LANGUAGES.map((lng) => (
        <Button
          key={lng}
          size="xs"
          px={8}
          lang={lng}
          variant={value === lng ? 'filled' : 'default'}
          aria-pressed={value === lng}
          onClick={() => {
            if (value !== lng) void chooseLanguage(lng);
          }}
        >
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <VisuallyHidden>{t(lng === 'id' ? 'languageId' : 'languageEn')}</VisuallyHidden>
        </Button>
      ))}
    </Button.Group>
  );
}
