import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DANGER_TEXT } from '../../courses/colors';

/** "Terlambat": the enrolment's due date has passed and it is not finished (the server decides: `overdue`). */
export function OverdueBadge() {
  const { t } = useTranslation('learning');
  return (
    <Badge variant="light" color="red" c={DANGER_TEXT} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t('overdue')}
    </Badge>
  );
}
