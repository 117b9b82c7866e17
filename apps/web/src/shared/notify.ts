import { notifications, type NotificationData } from '@mantine/notifications';
import { i18n } from '../i18n';

/** notifications.show() with a translated label on the close button. */
export function notify(data: NotificationData): string {
  return notifications.show({ closeButtonProps: { 'aria-label': i18n.t('common:close') }, ...data });
}
