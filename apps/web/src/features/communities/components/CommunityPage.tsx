import { useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { TIME_ZONE_LABEL, type Community, type CommunitySessionMode } from '@kompeten/shared-contracts';
import { localDateOf } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDate } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { DiscussionPanel } from '../../discussion/components/DiscussionPanel';
import {
  useCommunity,
  useInvite,
  useJoin,
  useLeave,
  useMembers,
  useRecordSession,
  useSessions,
  useSetRole,
} from '../queries';

/** /komunitas/:id — about, members (facilitators invite), sessions (facilitators record them), discussion. */
export function CommunityPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation('communities');
  const community = useCommunity(id);
  const join = useJoin();
  const leave = useLeave();
  useDocumentTitle(community.data?.name ?? t('title'));
  if (community.isPending) return <LoadingBlock />;
  if (community.isError) return <ErrorAlert error={community.error} onRetry={() => void community.refetch()} />;
  const c = community.data;
  const reader = c.myStatus === 'active' || c.canManage;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/komunitas" size="sm">
        ← {t('back')}
      </Anchor>
      <PageHeader title={c.name} intro={c.topic} />
      <Group gap="xs">
        <Badge variant="light" color="gray" c="dark" tt="none">
          {c.joinPolicy === 'open' ? t('open') : t('inviteOnly')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('host', { agency: c.agencyName })} · {t('members', { count: c.memberCount })}
        </Text>
        {c.myStatus !== 'active' && (c.joinPolicy === 'open' || c.myStatus === 'invited') && (
          <Button size="xs" loading={join.isPending} onClick={() => join.mutate(c.id)}>
            {c.myStatus === 'invited' ? t('acceptInvite') : t('join')}
          </Button>
        )}
        {c.myStatus === 'active' && (
          <Button size="xs" variant="default" loading={leave.isPending} onClick={() => leave.mutate(c.id)}>
            {t('leave')}
          </Button>
        )}
      </Group>
      {(join.isError || leave.isError) && <ErrorAlert error={join.error ?? leave.error} />}
      <Tabs defaultValue="about" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="about">{t('tabs.about')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('tabs.sessions')}</Tabs.Tab>
          <Tabs.Tab value="discussion">{t('tabs.discussion')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="about" pt="md">
          <Stack gap="xs">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description || c.topic}</Text>
            <Text size="sm" c="dimmed">
              {t('jpNote')}
            </Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          {reader ? <Members community={c} /> : <MembersOnly />}
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          {reader ? <Sessions community={c} /> : <MembersOnly />}
        </Tabs.Panel>
        <Tabs.Panel value="discussion" pt="md">
          {reader ? <DiscussionPanel target={{ kind: 'space', id: c.spaceId }} /> : <MembersOnly />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MembersOnly() {
  const { t } = useTranslation('communities');
  return (
    <Alert color="gray" variant="light">
      {t('membersOnly')}
    </Alert>
  );
}

function Members({ community }: { community: Community }) {
  const { t } = useTranslation('communities');
  const [page, setPage] = useState(1);
  const members = useMembers(community.id, page, true);
  const invite = useInvite(community.id);
  const setRole = useSetRole(community.id);
  const [nip, setNip] = useState('');
  const onInvite = async () => {
    try {
      const m = await invite.mutateAsync(nip);
      setNip('');
      notify({ color: 'kompeten', message: t('invitedPerson', { name: m.name }) });
    } catch {
      // Shown below.
    }
  };
  return (
    <Stack gap="sm">
      {community.canManage && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('invite')}
            placeholder={t('nip')}
            inputMode="numeric"
            value={nip}
            onChange={(e) => setNip(e.currentTarget.value.replace(/\D/g, '').slice(0, 18))}
            style={{ flex: '1 1 200px' }}
          />
          <Button onClick={() => void onInvite()} loading={invite.isPending} disabled={nip.length !== 18}>
            {t('inviteSend')}
          </Button>
        </Group>
      )}
      {(invite.isError || setRole.isError) && <ErrorAlert error={invite.error ?? setRole.error} />}
      {members.isPending && <LoadingBlock />}
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {members.data?.items.map((m) => (
          <Card key={m.employeeId} withBorder padding="xs" component="li">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.agencyName}
                </Text>
              </Stack>
              <Group gap="xs">
                <Badge variant="light" color={m.role === 'facilitator' ? 'kompeten' : 'gray'} c="dark" tt="none">
                  {m.status === 'invited' ? t('invited') : m.role === 'facilitator' ? t('facilitator') : t('member')}
                </Badge>
                {community.canManage && m.status === 'active' && m.role === 'member' && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setRole.mutate({ employeeId: m.employeeId, role: 'facilitator' })}
                  >
                    {t('makeFacilitator')}
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      {members.data && <PaginationBar page={page} pageSize={100} total={members.data.total} onChange={setPage} />}
    </Stack>
  );
}

function Sessions({ community }: { community: Community }) {
  const { t, i18n } = useTranslation('communities');
  const [page, setPage] = useState(1);
  const sessions = useSessions(community.id, page, true);
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap="sm">
      {community.canManage && !recording && (
        <Group>
          <Button onClick={() => setRecording(true)}>{t('record')}</Button>
        </Group>
      )}
      {recording && <RecordSession community={community} onDone={() => setRecording(false)} />}
      {sessions.isPending && <LoadingBlock />}
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('noSessions')}
        </Text>
      )}
      {sessions.data?.items.map((s) => (
        <Card key={s.id} withBorder padding="sm">
          <Text fw={500}>{s.title}</Text>
          <Text size="xs" c="dimmed">
            {t('sessionLine', {
              date: `${formatDate(s.heldOn, i18n.language)} (${TIME_ZONE_LABEL[community.agencyTimeZone]})`,
              minutes: s.durationMinutes,
              count: s.attendeeCount,
            })}{' '}
            · {t(`modes.${s.mode}`)}
          </Text>
          <Text size="xs">{s.attendees.map((a) => a.name).join(', ')}</Text>
        </Card>
      ))}
      {sessions.data && <PaginationBar page={page} pageSize={20} total={sessions.data.total} onChange={setPage} />}
    </Stack>
  );
}

function RecordSession({ community, onDone }: { community: Community; onDone: () => void }) {
  const { t } = useTranslation('communities');
  const members = useMembers(community.id, 1, true);
  const record = useRecordSession(community.id);
  const zone = community.agencyTimeZone;
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(localDateOf(new Date(), zone));
  const [minutes, setMinutes] = useState<number | string>(90);
  const [mode, setMode] = useState<CommunitySessionMode>('online');
  const [attendees, setAttendees] = useState<string[]>([]);
  const requestId = useRef(crypto.randomUUID());
  const active = (members.data?.items ?? []).filter((m) => m.status === 'active');
  const submit = async () => {
    try {
      await record.mutateAsync({
        title,
        heldOn,
        durationMinutes: Number(minutes),
        mode,
        attendeeIds: attendees,
        requestId: requestId.current,
      });
      notify({ color: 'kompeten', message: t('recorded') });
      onDone();
    } catch {
      // Shown below.
    }
  };
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Text fw={600}>{t('recordTitle')}</Text>
        <TextInput label={t('sessionTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('heldOn', { zone: TIME_ZONE_LABEL[zone] })}
          required
          value={heldOn}
          max={localDateOf(new Date(), zone)}
          onChange={(e) => setHeldOn(e.currentTarget.value)}
        />
        <NumberInput label={t('duration')} min={15} max={1440} step={15} value={minutes} onChange={setMinutes} />
        <Select
          label={t('mode')}
          data={(['online', 'classroom'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
          value={mode}
          onChange={(v) => v && setMode(v as CommunitySessionMode)}
          allowDeselect={false}
        />
        <Checkbox.Group label={t('attendees')} value={attendees} onChange={setAttendees}>
          <Stack gap={4} mt={4}>
            {active.map((m) => (
              <Checkbox
                key={m.employeeId}
                value={m.employeeId}
                label={`${m.name}${m.agencyName ? ` · ${m.agencyName}` : ''}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="xs" c="dimmed">
          {t('jpNote')}
        </Text>
        {record.isError && <ErrorAlert error={record.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={record.isPending}
            disabled={title.trim().length < 3 || attendees.length === 0}
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
