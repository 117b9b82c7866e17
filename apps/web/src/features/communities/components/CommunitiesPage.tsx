import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Community, CommunityJoinPolicy } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useCommunities, useCreateCommunity, useJoin } from '../queries';

const HOST_ROLES = new Set(['widyaiswara', 'agency_admin', 'province_admin', 'platform_admin']);

/** /komunitas — communities of practice: search, join, and (widyaiswara, admins) start one. */
export function CommunitiesPage() {
  const { t } = useTranslation('communities');
  useDocumentTitle(t('title'));
  const { me } = useAuth();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const list = useCommunities({ q: debounced, mine, page });
  const join = useJoin();
  const [creating, setCreating] = useState(false);
  const hostAgencies = me?.employee
    ? [...new Map(me.roles.filter((r) => HOST_ROLES.has(r.role)).map((r) => [r.agencyId, r.agencyName])).entries()]
    : [];

  const onJoin = async (c: Community) => {
    try {
      await join.mutateAsync(c.id);
      notify({ color: 'kompeten', message: t('joined', { name: c.name }) });
    } catch {
      // Shown above the list.
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Checkbox label={t('mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
        {hostAgencies.length > 0 && <Button onClick={() => setCreating(true)}>{t('create')}</Button>}
      </Group>
      {join.isError && <ErrorAlert error={join.error} />}
      {list.isPending && <LoadingBlock />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {list.data?.items.map((c) => (
          <Card key={c.id} withBorder padding="md">
            <Stack gap={6}>
              <Text
                component={Link}
                to={`/komunitas/${c.id}`}
                fw={600}
                td="underline"
                style={{ overflowWrap: 'anywhere' }}
              >
                {c.name}
              </Text>
              <Text size="sm">{c.topic}</Text>
              <Text size="xs" c="dimmed">
                {t('host', { agency: c.agencyName })} · {t('members', { count: c.memberCount })} ·{' '}
                {t('sessions', { count: c.sessionCount })}
              </Text>
              <Group gap="xs">
                <Badge variant="light" color="gray" c="dark" tt="none">
                  {c.joinPolicy === 'open' ? t('open') : t('inviteOnly')}
                </Badge>
                {c.myStatus && (
                  <Badge variant="light" color="kompeten" c="dark" tt="none">
                    {c.myStatus === 'invited'
                      ? t('invited')
                      : c.myRole === 'facilitator'
                        ? t('facilitator')
                        : t('member')}
                  </Badge>
                )}
              </Group>
              {me?.employee && c.myStatus !== 'active' && (c.joinPolicy === 'open' || c.myStatus === 'invited') && (
                <Group>
                  <Button size="xs" onClick={() => void onJoin(c)} loading={join.isPending && join.variables === c.id}>
                    {c.myStatus === 'invited' ? t('acceptInvite') : t('join')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {list.data && <PaginationBar page={page} pageSize={20} total={list.data.total} onChange={setPage} />}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('createTitle')}>
        <CreateCommunityForm agencies={hostAgencies} onDone={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}

function CreateCommunityForm({ agencies, onDone }: { agencies: Array<[string, string]>; onDone: () => void }) {
  const { t } = useTranslation('communities');
  const navigate = useNavigate();
  const create = useCreateCommunity();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [description, setDescription] = useState('');
  const [agencyId, setAgencyId] = useState(agencies[0]?.[0] ?? '');
  const [joinPolicy, setJoinPolicy] = useState<CommunityJoinPolicy>('open');
  const submit = async () => {
    try {
      const c = await create.mutateAsync({ name, topic, description, agencyId, joinPolicy });
      notify({ color: 'kompeten', message: t('created') });
      onDone();
      void navigate(`/komunitas/${c.id}`);
    } catch {
      // Shown below.
    }
  };
  return (
    <Stack gap="sm">
      <TextInput label={t('name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput label={t('topic')} required value={topic} onChange={(e) => setTopic(e.currentTarget.value)} />
      <Textarea
        label={t('description')}
        minRows={3}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <Select
        label={t('agency')}
        data={agencies.map(([value, label]) => ({ value, label }))}
        value={agencyId}
        onChange={(v) => v && setAgencyId(v)}
        allowDeselect={false}
      />
      <Select
        label={t('joinPolicy')}
        data={[
          { value: 'open', label: t('open') },
          { value: 'invite', label: t('inviteOnly') },
        ]}
        value={joinPolicy}
        onChange={(v) => v && setJoinPolicy(v as CommunityJoinPolicy)}
        allowDeselect={false}
      />
      {create.isError && <ErrorAlert error={create.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button
          onClick={() => void submit()}
          loading={create.isPending}
          disabled={name.trim().length < 3 || topic.trim().length < 3}
        >
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}
