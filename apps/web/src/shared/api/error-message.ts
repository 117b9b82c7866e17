import { i18n } from '../../i18n';
import { ApiError, NETWORK_ERROR_CODE } from './api-error';

/** The text to show for a failed call: the API's own message, or a translated fallback. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR_CODE) return i18n.t('common:networkError');
    if (error.message && !error.message.startsWith('HTTP ')) return error.message;
  }
  return i18n.t('common:unknownError');
}
