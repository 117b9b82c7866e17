import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  DELIVERY_MODES,
  JP_CHANNELS,
  JP_CLAIM_VERIFIERS,
  JP_EVIDENCE_KINDS,
  JP_UNITS,
  type JpChannel,
  type JpEvidenceKind,
  type JpRuleSet,
  type JpUnit,
} from '@kompeten/shared-contracts';
import { localDateOf } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { TableScrollRegion } from '../../../shared/components/TableScrollRegion';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { JP_RULE_EDITOR_ROLES } from '../../../shared/layout/nav-items';
import { notify } from '../../../shared/notify';
import { formName } from '../labels';
import { useCreateRuleSet, useRuleSets } from '../queries';
import {
  changedForms,
  ruleSetFormFrom,
  ruleSetInputOf,
  ruleSetProblems,
  type RuleRowValues,
  type RuleSetFormValues,
} from '../rule-editor';

/** The Select value that stands for the national rules (no agency). */
const NATIONAL = 'national';

/** /jp/rules — versions of the recognition rules (national, province, agency); admins add a version with its date. */
export function RulesPage() {
  const { t, i18n } = useTranslation('jp');
  useDocumentTitle(t('rules.title'));
  const { me } = useAuth();
  const { page, update } = useSearchParamState([] as const);
  const sets = useRuleSets({ page, pageSize: 20 });
  const [viewing, setViewing] = useState<JpRuleSet | null>(null);
  const [editing, setEditing] = useState<{ base: JpRuleSet; form: RuleSetFormValues } | null>(null);
  const canEdit = hasAnyRole(me, JP_RULE_EDITOR_ROLES);
  const owner = (s: JpRuleSet) => s.agencyName ?? t('rules.national');
  const date = (d: string) => formatDate(d, i18n.language);
  const shown = viewing ?? sets.data?.items[0] ?? null;

  /** Where the caller may add versions: the national rules (platform admin) and the agencies it administers. */
  const owners = [
    ...(hasAnyRole(me, ['platform_admin']) ? [{ value: NATIONAL, label: t('rules.nationalDefaults') }] : []),
    ...(me?.roles ?? [])
      .filter((r) => r.role === 'agency_admin' || r.role === 'province_admin')
      .map((r) => ({ value: r.agencyId, label: r.agencyName })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);

  const startEditing = (base: JpRuleSet) => {
    const tomorrow = localDateOf(new Date(Date.now() + 86_400_000), me?.timeZone ?? 'Asia/Jakarta');
    const owner = owners.find((o) => o.value === (base.agencyId ?? NATIONAL))?.value ?? owners[0]?.value ?? NATIONAL;
    setEditing({ base, form: ruleSetFormFrom(base, owner === NATIONAL ? null : owner, tomorrow) });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('rules.title')} intro={t('rules.intro')} introMaw={760} />
      {!canEdit && <Alert variant="light">{t('rules.readOnly')}</Alert>}
      {sets.isError && <ErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />}

      <Stack gap="sm" component="section" aria-labelledby="rule-versions-heading">
        <Title order={2} size="h3" id="rule-versions-heading">
          {t('rules.versions')}
        </Title>
        <DataTable<JpRuleSet>
          caption={t('rules.versions')}
          rows={sets.data?.items}
          loading={sets.isPending}
          busy={sets.isFetching}
          rowKey={(s) => s.id}
          minWidth={760}
          rowBg={(s) => (shown?.id === s.id ? 'var(--mantine-color-kompeten-0)' : undefined)}
          columns={[
            { key: 'owner', header: t('rules.owner'), cell: owner },
            { key: 'from', header: t('rules.effectiveFrom'), cell: (s) => date(s.effectiveFrom), nowrap: true },
            {
              key: 'verifier',
              header: t('rules.verifier'),
              cell: (s) => t(`verification.verifier.${s.claimVerifier}`),
            },
            {
              key: 'minutes',
              header: t('rules.minutesPerJp'),
              cell: (s) => DELIVERY_MODES.map((m) => s.minutesPerJp[m]).join(' / '),
              nowrap: true,
            },
            { key: 'lines', header: t('rules.lineCount'), cell: (s) => s.lineCount, align: 'right' },
            {
              key: 'actions',
              header: t('rules.view'),
              hiddenHeader: true,
              nowrap: true,
              cell: (s) => (
                <Group gap="xs" wrap="nowrap">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setViewing(s)}
                    aria-label={t('rules.viewNamed', { owner: owner(s), date: date(s.effectiveFrom) })}
                  >
                    {t('rules.view')}
                  </Anchor>
                  {canEdit && owners.length > 0 && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => startEditing(s)}
                      aria-label={t('rules.newFrom', { owner: owner(s), date: date(s.effectiveFrom) })}
                    >
                      {t('rules.newVersion')}
                    </Button>
                  )}
                </Group>
              ),
            },
          ]}
        />
        {sets.data && (
          <PaginationBar
            page={sets.data.page}
            pageSize={sets.data.pageSize}
            total={sets.data.total}
            onChange={(p) => update({ page: p })}
          />
        )}
      </Stack>

      {editing ? (
        <RuleSetEditor
          base={editing.base}
          form={editing.form}
          owners={owners}
          onChange={(form) => setEditing({ ...editing, form })}
          onDone={() => setEditing(null)}
        />
      ) : (
        shown && (
          <Card component="section" aria-labelledby="rule-set-heading">
            <Title order={2} size="h3" id="rule-set-heading" mb="sm">
              {owner(shown)} · {t('rules.effectiveFrom')} {date(shown.effectiveFrom)}
            </Title>
            {shown.note && (
              <Text size="sm" mb="sm">
                {shown.note}
              </Text>
            )}
            <TableScrollRegion minWidth={760} name={t('rules.title')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rules.form')}</Table.Th>
                    <Table.Th>{t('rules.channel')}</Table.Th>
                    <Table.Th>{t('rules.unit')}</Table.Th>
                    <Table.Th>{t('rules.jpPerUnit')}</Table.Th>
                    <Table.Th>{t('rules.capPerActivity')}</Table.Th>
                    <Table.Th>{t('rules.capPerYear')}</Table.Th>
                    <Table.Th>{t('rules.evidence')}</Table.Th>
                    <Table.Th>{t('rules.enabled')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.rules.map((r) => (
                    <Table.Tr key={r.jenisDiklatId}>
                      <Table.Td>
                        {r.jenisDiklatId}. {formName(r.jenisDiklatId)}
                      </Table.Td>
                      <Table.Td>{t(`channel.${r.channel}`)}</Table.Td>
                      <Table.Td>{t(`unitTitle.${r.unit}`)}</Table.Td>
                      <Table.Td>
                        {r.jpPerUnit === null
                          ? t('rules.jpPerUnitByMinutes')
                          : formatNumber(r.jpPerUnit, i18n.language)}
                      </Table.Td>
                      <Table.Td>{r.capPerActivity ?? t('rules.noLimit')}</Table.Td>
                      <Table.Td>{r.capPerYear ?? t('rules.noLimit')}</Table.Td>
                      <Table.Td>{t(`rules.evidenceKind.${r.evidence}`)}</Table.Td>
                      <Table.Td>{r.enabled ? '✓' : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScrollRegion>
          </Card>
        )
      )}
    </Stack>
  );
}

function RuleSetEditor({
  base,
  form,
  owners,
  onChange,
  onDone,
}: {
  base: JpRuleSet;
  form: RuleSetFormValues;
  owners: Array<{ value: string; label: string }>;
  onChange: (form: RuleSetFormValues) => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('jp');
  const create = useCreateRuleSet();
  const [tried, setTried] = useState(false);
  const problems = ruleSetProblems(form);
  const changed = changedForms(form, base);
  const setRule = (id: number, patch: Partial<RuleRowValues>) =>
    onChange({ ...form, rules: form.rules.map((r) => (r.jenisDiklatId === id ? { ...r, ...patch } : r)) });
  const problemText = (p: (typeof problems)[number]) =>
    t(`rules.problem.${p.problem}`, {
      form: p.jenisDiklatId ? formName(p.jenisDiklatId) : '',
      mode: p.mode ? t(`deliveryMode.${p.mode}`) : '',
    });
  const rowProblem = (id: number) => problems.find((p) => p.jenisDiklatId === id);

  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    try {
      const saved = await create.mutateAsync(ruleSetInputOf(form));
      notify({
        color: 'kompeten',
        message: t('rules.saved', { date: formatDate(saved.effectiveFrom, i18n.language) }),
      });
      onDone();
    } catch {
      // Shown above the buttons.
    }
  };

  return (
    <Card component="section" aria-labelledby="rule-editor-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="rule-editor-heading">
          {t('rules.newFrom', {
            owner: base.agencyName ?? t('rules.national'),
            date: formatDate(base.effectiveFrom, i18n.language),
          })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('rules.forAgency')}
            data={owners}
            value={form.agencyId ?? NATIONAL}
            onChange={(v) => onChange({ ...form, agencyId: !v || v === NATIONAL ? null : v })}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('rules.effectiveFrom')}
            value={form.effectiveFrom}
            onChange={(e) => onChange({ ...form, effectiveFrom: e.currentTarget.value })}
            required
          />
          <Select
            label={t('rules.verifier')}
            data={JP_CLAIM_VERIFIERS.map((v) => ({ value: v, label: t(`verification.verifier.${v}`) }))}
            value={form.claimVerifier}
            onChange={(v) => v && onChange({ ...form, claimVerifier: v as RuleSetFormValues['claimVerifier'] })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('rules.minutesPerJp')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {DELIVERY_MODES.map((m) => (
              <TextInput
                key={m}
                label={t(`deliveryMode.${m}`)}
                inputMode="numeric"
                value={form.minutesPerJp[m]}
                onChange={(e) =>
                  onChange({ ...form, minutesPerJp: { ...form.minutesPerJp, [m]: e.currentTarget.value } })
                }
              />
            ))}
          </SimpleGrid>
        </Stack>
        <TextInput
          label={t('rules.note')}
          value={form.note}
          maxLength={500}
          onChange={(e) => onChange({ ...form, note: e.currentTarget.value })}
        />
        <TableScrollRegion minWidth={980} name={t('rules.newVersion')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rules.form')}</Table.Th>
                <Table.Th>{t('rules.channel')}</Table.Th>
                <Table.Th>{t('rules.unit')}</Table.Th>
                <Table.Th>{t('rules.jpPerUnit')}</Table.Th>
                <Table.Th>{t('rules.capPerActivity')}</Table.Th>
                <Table.Th>{t('rules.capPerYear')}</Table.Th>
                <Table.Th>{t('rules.evidence')}</Table.Th>
                <Table.Th>{t('rules.enabled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.rules.map((r) => {
                const name = formName(r.jenisDiklatId);
                const bad = tried && rowProblem(r.jenisDiklatId);
                return (
                  <Table.Tr
                    key={r.jenisDiklatId}
                    bg={changed.includes(r.jenisDiklatId) ? 'var(--mantine-color-yellow-0)' : undefined}
                  >
                    <Table.Td>
                      <Text size="sm">
                        {r.jenisDiklatId}. {name}
                      </Text>
                      {bad && (
                        <Text size="xs" c="red.8">
                          {problemText(bad)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('rules.channel')} ${name}`}
                        size="xs"
                        data={JP_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                        value={r.channel}
                        onChange={(v) => v && setRule(r.jenisDiklatId, { channel: v as JpChannel })}
                        allowDeselect={false}
                        w={130}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('rules.unit')} ${name}`}
                        size="xs"
                        data={JP_UNITS.map((u) => ({ value: u, label: t(`unitTitle.${u}`) }))}
                        value={r.unit}
                        onChange={(v) => v && setRule(r.jenisDiklatId, { unit: v as JpUnit })}
                        allowDeselect={false}
                        w={120}
                      />
                    </Table.Td>
                    {(['jpPerUnit', 'capPerActivity', 'capPerYear'] as const).map((field) => (
                      <Table.Td key={field}>
                        <TextInput
                          aria-label={`${t(`rules.${field}`)} ${name}`}
                          size="xs"
                          inputMode="decimal"
                          placeholder={field === 'jpPerUnit' ? t('rules.jpPerUnitByMinutes') : t('rules.noLimit')}
                          value={r[field]}
                          onChange={(e) => setRule(r.jenisDiklatId, { [field]: e.currentTarget.value })}
                          w={100}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Select
                        aria-label={`${t('rules.evidence')} ${name}`}
                        size="xs"
                        data={JP_EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`rules.evidenceKind.${k}`) }))}
                        value={r.evidence}
                        onChange={(v) => v && setRule(r.jenisDiklatId, { evidence: v as JpEvidenceKind })}
                        allowDeselect={false}
                        w={130}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t('rules.enabled')} ${name}`}
                        checked={r.enabled}
                        onChange={(e) => setRule(r.jenisDiklatId, { enabled: e.currentTarget.checked })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScrollRegion>
        <Text size="sm" c="dimmed">
          {t('rules.changed', { count: changed.length })}
        </Text>
        {tried && problems.length > 0 && (
          <Alert color="red" variant="light" title={t('rules.problemsTitle')} role="alert">
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>{problemText(p)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {create.isError && <ErrorAlert error={create.error} />}
        <Group gap="sm">
          <Button onClick={() => void save()} loading={create.isPending}>
            {t('rules.save')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('rules.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
