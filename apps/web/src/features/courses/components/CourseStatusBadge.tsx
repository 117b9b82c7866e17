import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CourseStatus } from '@kompeten/shared-contracts';
import { WARNING_TEXT } from '../colors';

const COLOR: Record<CourseStatus, string> = {
  draft: 'gray',
  in_review: 'orange',
  published: 'kompeten',
  archived: 'dark',
};
/** Light orange and red badges need a darker text shade to keep 4.5:1 contrast. */
const TEXT: Partial<Record<CourseStatus, string>> = { in_review: WARNING_TEXT };

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation('courses');
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
