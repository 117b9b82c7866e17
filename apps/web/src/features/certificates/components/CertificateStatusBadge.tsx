import { Badge } from '@mantine/core';
import type { CertificateSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';

/** Valid (green), expired (orange) or revoked (red), in words: the colour is never the only signal. */
export function CertificateStatusBadge({
  certificate,
}: {
  certificate: Pick<CertificateSummary, 'status' | 'expired'>;
}) {
  const { t } = useTranslation('certificates');
  if (certificate.status === 'revoked')
    return (
      <Badge color="red" variant="light">
        {t('statusRevoked')}
      </Badge>
    );
  if (certificate.expired)
    return (
      <Badge color="orange" variant="light">
        {t('statusExpired')}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {t('statusValid')}
    </Badge>
  );
}
