import type { FeedTokenState, IssuedFeedToken } from '@kompeten/shared-contracts';
import { request } from '../../../shared/api';

export const feedTokenState = (signal?: AbortSignal) => request<FeedTokenState>('/calendar/me/feed-token', { signal });
export const issueFeedToken = () => request<IssuedFeedToken>('/calendar/me/feed-token', { method: 'POST' });
export const revokeFeedToken = () => request<void>('/calendar/me/feed-token', { method: 'DELETE' });
