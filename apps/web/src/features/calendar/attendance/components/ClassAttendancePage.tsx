import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_LABEL, type ClassAttendanceOverview, type FinaliseResult } from '@kompeten/shared-contracts';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../../shared/notify';
import { useFinalise, useOverview, useSaveRule } from '../queries';
import { AttendanceList } from './AttendanceList';
import { QrPanel } from './QrPanel';

/** /kelas/:classId/presensi — the trainer's attendance screen: per session the rotating QR code and the list; finalising. */
export function ClassAttendancePage() {
  const { classId = '' } = useParams();
  const { t, i18n } = useTranslation('attendance');
  const overview = useOverview(classId);
  const o = overview.data;
  useDocumentTitle(o ? `${t('page.title')} — ${o.className}` : t('page.title'));
  const [chosen, setChosen] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const fallback = o?.sessions.find((s) => s.date >= today)?.index ?? o?.sessions.at(-1)?.index ?? 0;
  const session = chosen !== null ? Number(chosen) : fallback;
  const current = o?.sessions.find((s) => s.index === session);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kelas/presensi" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader
        title={o ? `${o.offeringTitle} — ${o.className}` : t('page.title')}
        intro={
          o ? t('page.intro', { venue: o.venue ?? '—', zone: TIME_ZONE_LABEL[o.timeZone], confirmed: o.confirmed }) : ''
        }
        introMaw={760}
      />
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {o && current && (
        <>
          <Select
            label={t('page.session')}
            data={o.sessions.map((s) => ({
              value: String(s.index),
              label: t('page.sessionLabel', {
                n: s.index + 1,
                date: formatDate(s.date, i18n.language),
                start: s.start,
                end: s.end,
                zone: TIME_ZONE_LABEL[o.timeZone],
              }),
            }))}
            value={String(session)}
            onChange={setChosen}
            allowDeselect={false}
            maw={480}
          />
          <Text size="sm">
            {t('page.counts', {
              present: current.present,
              absent: current.absent,
              late: current.late,
              leftEarly: current.leftEarly,
            })}
          </Text>
          <Tabs defaultValue="qr" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="qr">{t('page.qrTab')}</Tabs.Tab>
              <Tabs.Tab value="list">{t('page.listTab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="qr" pt="md">
              <QrPanel key={`${classId}-${session}`} classId={classId} session={session} />
            </Tabs.Panel>
            <Tabs.Panel value="list" pt="md">
              <AttendanceList
                key={`${classId}-${session}`}
                classId={classId}
                session={session}
                date={current.date}
                timeZone={o.timeZone}
              />
            </Tabs.Panel>
          </Tabs>
          <FinalisePanel overview={o} />
          {o.role === 'admin' && <RuleForm overview={o} />}
        </>
      )}
      {o && !current && <Text c="dimmed">{t('page.noSessions')}</Text>}
    </Stack>
  );
}

function FinalisePanel({ overview: o }: { overview: ClassAttendanceOverview }) {
  const { t, i18n } = useTranslation('attendance');
  const finalise = useFinalise(o.classId);
  const [result, setResult] = useState<FinaliseResult | null>(null);
  const run = async () => {
    try {
      const r = await finalise.mutateAsync();
      setResult(r);
      notify({ color: 'kompeten', message: t('finalise.done', { completed: r.completed, evaluated: r.evaluated }) });
    } catch {
      // Shown in the panel.
    }
  };
  return (
    <Fieldset legend={t('finalise.title')}>
      <Stack gap="sm">
        <Text size="sm">
          {t('finalise.rule', { percent: o.rule.minAttendancePercent })}{' '}
          {o.rule.jpByMinutes ? t('finalise.byMinutes', { minutes: o.rule.minutesPerJp }) : t('finalise.declared')}{' '}
          {o.rule.requiresCourse ? t('finalise.course') : ''}
        </Text>
        {o.finalisedAt && (
          <Text size="sm" c="dimmed">
            {t('finalise.last', { at: formatDateTime(o.finalisedAt, o.timeZone, i18n.language), count: o.completions })}
          </Text>
        )}
        {!o.ended && (
          <Text size="sm" c="dimmed">
            {t('finalise.notEnded')}
          </Text>
        )}
        {finalise.isError && <ErrorAlert error={finalise.error} />}
        {result && (
          <Alert color="kompeten" variant="light" role="status" title={t('finalise.resultTitle')}>
            {t('finalise.result', {
              completed: result.completed,
              evaluated: result.evaluated,
              newly: result.newlyCompleted,
              short: result.shortOfAttendance,
              course: result.courseMissing,
            })}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void run()} loading={finalise.isPending} disabled={!o.ended}>
            {t('finalise.button')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function RuleForm({ overview: o }: { overview: ClassAttendanceOverview }) {
  const { t } = useTranslation('attendance');
  const save = useSaveRule(o.classId);
  const [percent, setPercent] = useState<number | string>(o.rule.minAttendancePercent);
  const [byMinutes, setByMinutes] = useState(o.rule.jpByMinutes);
  const [minutes, setMinutes] = useState<number | string>(o.rule.minutesPerJp);
  const submit = async () => {
    try {
      await save.mutateAsync({
        minAttendancePercent: Number(percent),
        jpByMinutes: byMinutes,
        minutesPerJp: Number(minutes),
      });
      notify({ color: 'kompeten', message: t('rule.saved') });
    } catch {
      // Shown in the form.
    }
  };
  return (
    <Fieldset legend={t('rule.title')}>
      <Stack gap="sm">
        {save.isError && <ErrorAlert error={save.error} />}
        <Group align="flex-end">
          <NumberInput
            label={t('rule.percent')}
            min={1}
            max={100}
            allowDecimal={false}
            value={percent}
            onChange={setPercent}
            w={180}
          />
          <NumberInput
            label={t('rule.minutesPerJp')}
            min={1}
            max={240}
            allowDecimal={false}
            value={minutes}
            onChange={setMinutes}
            w={180}
            disabled={!byMinutes}
          />
        </Group>
        <Checkbox
          label={t('rule.byMinutes')}
          checked={byMinutes}
          onChange={(e) => setByMinutes(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          {t('rule.hint')}
        </Text>
        <Group>
          <Button variant="default" onClick={() => void submit()} loading={save.isPending}>
            {t('rule.save')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
