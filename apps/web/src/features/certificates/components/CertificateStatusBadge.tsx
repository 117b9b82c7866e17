import { Badge } from '@mantine/core';
import type { CertificateSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DANGER_TEXT, WARNING_TEXT } from '../../courses/colors';

/** Valid, expired or revoked, in words (the colour is never the only signal), with text shades that keep 4.5:1. */
export function CertificateStatusBadge({
  certificate,
}: {
  certificate: Pick<CertificateSummary, 'status' | 'expired'>;
}) {
  const { t } = useTranslation('certificates');
  const [color, text, label] =
    certificate.status === 'revoked'
      ? ['red', DANGER_TEXT, t('statusRevoked')]
      : certificate.expired
        ? ['orange', WARNING_TEXT, t('statusExpired')]
        : ['kompeten', undefined, t('statusValid')];
  return (
    <Badge variant="light" color={color} c={text} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {label}
    </Badge>
  );
}
