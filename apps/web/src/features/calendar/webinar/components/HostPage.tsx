import { useState } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import {
  TIME_ZONE_LABEL,
  type AgencyTimeZone,
  type HostPresenceCheck,
  type WebinarParticipant,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../../../shared/components/DataTable';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { FullPageLoader } from '../../../../shared/components/FullPageLoader';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { PaginationBar } from '../../../../shared/components/PaginationBar';
import { formatDateTime, formatNumber, formatTime } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../../shared/notify';
import { useHostWebinar, useOpenCheck, useParticipants } from '../queries';
import { countdown, useNow } from './useNow';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/**
 * /kelas/:classId/webinar/kelola — the host's page (an internal speaker or an admin of the organising agency): the open
 * check's code big with its countdown, "Cek kehadiran sekarang", counts, the session's checks and the people who
 * joined or answered (paginated).
 */
export function HostPage() {
  const { t, i18n } = useTranslation('webinar');
  const { classId = '' } = useParams();
  const view = useHostWebinar(classId);
  const open = useOpenCheck(classId);
  const now = useNow();
  const [sessionPick, setSessionPick] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const shownSession = sessionPick ?? view.data?.currentSession ?? 0;
  const people = useParticipants(classId, { sessionIndex: shownSession, page, pageSize: DEFAULT_PAGE_SIZE });
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(t('host.title'));
  const n = (v: number) => formatNumber(v, i18n.language);

  if (view.isPending) return <FullPageLoader />;
  if (view.isError)
    return (
      <Stack gap="md">
        <PageHeader title={t('host.title')} intro={t('host.intro')} />
        <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
      </Stack>
    );
  const v = view.data;
  const zone = v.timeZone as AgencyTimeZone;
  const openCheck = v.openCheck && Date.parse(v.openCheck.closesAt) > now ? v.openCheck : null;

  const onCheckNow = async () => {
    try {
      const r = await open.mutateAsync();
      const message = r.created
        ? t('host.opened', { code: r.check.code })
        : t('host.alreadyOpen', { code: r.check.code });
      notify({ color: 'kompeten', message });
      setAnnouncement(message);
    } catch {
      // Shown below the button.
    }
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={`${t('host.title')}: ${v.offeringTitle} — ${v.className}`}
        intro={t('host.intro')}
        introMaw={760}
      />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Card withBorder padding="lg">
        <Stack gap="xs" align="center">
          <Title order={2} size="h4">
            {t('host.currentCode')}
          </Title>
          {openCheck ? (
            <>
              <Text
                component="p"
                fw={800}
                style={{ fontSize: 'clamp(48px, 18vw, 96px)', letterSpacing: '0.15em', lineHeight: 1, margin: 0 }}
                aria-label={openCheck.code.split('').join(' ')}
              >
                {openCheck.code}
              </Text>
              <Text fw={600}>{t('check.closesIn', { time: countdown(openCheck.closesAt, now) })}</Text>
              <Text size="sm">
                {t('host.answeredNow')}: {n(openCheck.answered)}
              </Text>
            </>
          ) : (
            <Text>{v.currentSession === null ? t('host.noSession') : t('host.noOpenCheck')}</Text>
          )}
          <Button
            size="md"
            onClick={() => void onCheckNow()}
            loading={open.isPending}
            disabled={v.currentSession === null}
          >
            {t('host.checkNow')}
          </Button>
          {open.isError && <ErrorAlert error={open.error} />}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Stat label={t('host.registered')} value={n(v.registered)} />
        <Stat label={t('host.joined')} value={n(v.joined)} />
      </SimpleGrid>

      <DataTable<HostPresenceCheck>
        caption={t('host.checks')}
        rows={v.checks}
        loading={false}
        rowKey={(k) => k.id}
        empty={t('host.noChecks')}
        minWidth={320}
        columns={[
          {
            key: 'at',
            header: t('host.opensAt'),
            nowrap: true,
            cell: (k) => `${formatTime(k.opensAt, zone, i18n.language)} ${TIME_ZONE_LABEL[zone]}`,
          },
          { key: 'code', header: t('check.code'), cell: (k) => k.code },
          {
            key: 'origin',
            header: t('host.origin'),
            cell: (k) => (k.origin === 'host' ? t('host.originHost') : t('host.originScheduled')),
          },
          { key: 'answered', header: t('host.answered'), cell: (k) => n(k.answered) },
        ]}
      />

      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3">
          {t('host.participants')}
        </Title>
        <NativeSelect
          label={t('host.sessionPick')}
          value={String(shownSession)}
          onChange={(e) => {
            setSessionPick(Number(e.currentTarget.value));
            setPage(1);
          }}
          data={v.sessions.map((s) => ({
            value: String(s.index),
            label: `${t('learner.session', { n: s.index + 1 })} · ${formatDateTime(s.startsAt, zone, i18n.language)}`,
          }))}
        />
      </Group>
      {people.isError && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      <DataTable<WebinarParticipant>
        caption={t('host.participants')}
        rows={people.data?.items}
        loading={people.isPending}
        busy={people.isFetching}
        rowKey={(p) => p.employeeId}
        empty={t('host.participantsEmpty')}
        minWidth={560}
        columns={[
          { key: 'name', header: t('host.name'), cell: (p) => p.employeeName ?? '—' },
          { key: 'nip', header: t('host.nip'), nowrap: true, cell: (p) => p.nip ?? '—' },
          {
            key: 'first',
            header: t('host.firstJoin'),
            nowrap: true,
            cell: (p) => formatDateTime(p.firstJoinedAt, zone, i18n.language),
          },
          { key: 'joins', header: t('host.joins'), cell: (p) => n(p.joinCount) },
          { key: 'answers', header: t('host.answers'), cell: (p) => n(p.answeredChecks) },
        ]}
      />
      {people.data && (
        <PaginationBar page={page} pageSize={people.data.pageSize} total={people.data.total} onChange={setPage} />
      )}
      <Anchor component={Link} to={`/kelas/${classId}/webinar`}>
        {t('learner.title')}
      </Anchor>
    </Stack>
  );
}
