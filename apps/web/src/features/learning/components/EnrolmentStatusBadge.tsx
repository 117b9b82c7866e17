import { Badge } from '@mantine/core';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { WARNING_TEXT, DANGER_TEXT } from '../../courses/colors';

const COLOR: Record<EnrolmentStatus, string> = {
  pending_approval: 'orange',
  active: 'blue',
  completed: 'kompeten',
  withdrawn: 'gray',
  rejected: 'red',
};
/** Light orange and red badges need a darker text shade to keep 4.5:1 contrast. */
const TEXT: Partial<Record<EnrolmentStatus, string>> = { pending_approval: WARNING_TEXT, rejected: DANGER_TEXT };

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation('learning');
  return (
    <Badge
      variant="light"
      color={COLOR[status] ?? 'gray'}
      c={TEXT[status]}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
