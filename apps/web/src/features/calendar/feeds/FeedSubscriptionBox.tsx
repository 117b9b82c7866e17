import { useState } from 'react';
import { Alert, Anchor, Button, CopyButton, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedFeedToken } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { calendarKeys } from '../queries';
import { feedTokenState, issueFeedToken, revokeFeedToken } from './feed-api';

const feedKey = [...calendarKeys.all, 'feed-token'] as const;

/**
 * "Langganan kalender": the learner's private iCalendar address — shown once when issued (only its hash is kept),
 * with a copy button and a webcal:// link; re-issuing or revoking stops the old address at once (decision 0040).
 */
export function FeedSubscriptionBox() {
  const { t, i18n } = useTranslation('calendar');
  const { me } = useAuth();
  const client = useQueryClient();
  const state = useQuery({ queryKey: feedKey, queryFn: ({ signal }) => feedTokenState(signal) });
  const [issued, setIssued] = useState<IssuedFeedToken | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: feedKey });
  const issue = useMutation({ mutationFn: issueFeedToken, onSuccess: setIssued, onSettled: refresh });
  const revoke = useMutation({
    mutationFn: revokeFeedToken,
    onSuccess: () => {
      setIssued(null);
      notify({ color: 'kompeten', message: t('feeds.revoked') });
    },
    onSettled: refresh,
  });
  const active = state.data?.active ?? false;
  return (
    <Fieldset legend={t('feeds.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('feeds.intro')}</Text>
        {state.isError && <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />}
        {(issue.isError || revoke.isError) && <ErrorAlert error={issue.error ?? revoke.error} />}
        {issued ? (
          <Stack gap="xs">
            <Alert color="orange" variant="light">
              {t('feeds.onlyOnce')}
            </Alert>
            <TextInput label={t('feeds.url')} value={issued.url} readOnly onFocus={(e) => e.currentTarget.select()} />
            <Group gap="xs">
              <CopyButton value={issued.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('feeds.copied') : t('feeds.copy')}
                  </Button>
                )}
              </CopyButton>
              <Anchor href={issued.webcalUrl} size="sm">
                {t('feeds.webcal')}
              </Anchor>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {active && state.data?.createdAt
              ? t('feeds.active', {
                  at: formatDateTime(state.data.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
                })
              : t('feeds.inactive')}
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" loading={issue.isPending} onClick={() => issue.mutate()}>
            {active ? t('feeds.reissue') : t('feeds.issue')}
          </Button>
          {active && (
            <Button size="xs" variant="default" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('feeds.revoke')}
            </Button>
          )}
        </Group>
        {active && (
          <Text size="xs" c="dimmed">
            {t('feeds.reissueHint')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
