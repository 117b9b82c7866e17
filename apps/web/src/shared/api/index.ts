export { ApiError, NETWORK_ERROR_CODE, isApiErrorBody } from './api-error';
export {
  request,
  upload,
  downloadFile,
  fetchWithAuth,
  refreshTokens,
  restoreSession,
  buildUrl,
  type QueryParams,
  type RequestOptions,
} from './request';
export { tokenStore, type SessionChange } from './tokens';
export { markAppStarted } from './early-refresh';
export { errorMessage } from './error-message';
export { protectedFileUrl } from './protected-file';
