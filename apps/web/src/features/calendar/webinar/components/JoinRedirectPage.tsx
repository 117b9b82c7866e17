import { useEffect, useRef, useState } from 'react';
import { Anchor, Loader, Stack, Text } from '@mantine/core';
import type { WebinarJoin } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { joinWebinar } from '../api';

/**
 * /kelas/:classId/gabung — Kompeten's webinar link: records the join (the API answers the meeting URL) and sends the
 * browser on to the meeting. A refusal (too early, not registered…) is shown with the API's sentence.
 */
export function JoinRedirectPage() {
  const { t } = useTranslation('webinar');
  useDocumentTitle(t('join.title'));
  const { classId = '' } = useParams();
  const [joined, setJoined] = useState<WebinarJoin | null>(null);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once per visit, also under React's development double effects: the API records a join once either way.
    if (started.current) return;
    started.current = true;
    joinWebinar(classId).then(
      (answer) => {
        setJoined(answer);
        window.location.assign(answer.meetingUrl);
      },
      (e: unknown) => setError(e),
    );
  }, [classId]);

  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('join.title')} intro={t('learner.joinHint')} />
      {error ? (
        <>
          <ErrorAlert error={error} title={t('join.failed')} />
          <Anchor component={Link} to={`/kelas/${classId}/webinar`}>
            {t('join.back')}
          </Anchor>
        </>
      ) : (
        <Stack gap="xs" role="status" aria-live="polite">
          <Loader size="sm" aria-hidden />
          {joined && (
            <>
              <Text>{t('join.redirecting')}</Text>
              <Anchor href={joined.meetingUrl} rel="noopener noreferrer">
                {t('join.manual')}
              </Anchor>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
