import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_LABEL, type AgencyTimeZone, type AttendanceListRow } from '@kompeten/shared-contracts';
import { DataTable } from '../../../../shared/components/DataTable';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../../shared/components/PaginationBar';
import { formatTime } from '../../../../shared/format';
import { notify } from '../../../../shared/notify';
import { zonedIso } from '../zoned-time';
import { useAttendanceList, useMark } from '../queries';

type Draft = { status: 'present' | 'absent'; arrived: string; left: string };

/**
 * The trainer's list of one session: each confirmed registrant with what was recorded (scan or list), and marks the
 * trainer changes — present or absent, arrival and leaving times in the class's zone — saved together (PUT).
 */
export function AttendanceList({
  classId,
  session,
  date,
  timeZone,
}: {
  classId: string;
  session: number;
  date: string;
  timeZone: AgencyTimeZone;
}) {
  const { t, i18n } = useTranslation('attendance');
  const [page, setPage] = useState(1);
  const list = useAttendanceList(classId, session, page);
  const mark = useMark(classId, session);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const zone = TIME_ZONE_LABEL[timeZone];
  const hhmm = (iso: string | null) => (iso ? formatTime(iso, timeZone, 'en') : '');
  const draftOf = (r: AttendanceListRow): Draft =>
    drafts[r.employeeId] ?? {
      status: r.attendance.status ?? 'present',
      arrived: hhmm(r.attendance.arrivedAt),
      left: hhmm(r.attendance.leftAt),
    };
  const change = (r: AttendanceListRow, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [r.employeeId]: { ...draftOf(r), ...patch } }));
  const changed = Object.keys(drafts).length;

  const [bad, setBad] = useState(false);
  const save = async () => {
    const wrong = Object.values(drafts).some(
      (d) =>
        d.status === 'present' &&
        ((d.arrived && !zonedIso(date, d.arrived, timeZone)) || (d.left && !zonedIso(date, d.left, timeZone))),
    );
    setBad(wrong);
    if (wrong) return;
    const items = Object.entries(drafts).map(([employeeId, d]) =>
      d.status === 'absent'
        ? { employeeId, status: 'absent' as const }
        : {
            employeeId,
            status: 'present' as const,
            arrivedAt: d.arrived ? zonedIso(date, d.arrived, timeZone) : null,
            leftAt: d.left ? zonedIso(date, d.left, timeZone) : null,
          },
    );
    try {
      await mark.mutateAsync(items);
      setDrafts({});
      notify({ color: 'kompeten', message: t('list.saved', { count: items.length }) });
    } catch {
      // Shown above the list.
    }
  };

  return (
    <Stack gap="sm">
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {mark.isError && <ErrorAlert error={mark.error} />}
      {bad && (
        <Text c="red.8" role="alert">
          {t('list.badTime')}
        </Text>
      )}
      <DataTable<AttendanceListRow>
        caption={t('list.caption')}
        rows={list.data?.items}
        loading={list.isPending}
        busy={list.isFetching}
        rowKey={(r) => r.employeeId}
        empty={t('list.empty')}
        minWidth={320}
        columns={[
          {
            key: 'name',
            header: t('list.name'),
            cell: (r) => (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.nip}
                </Text>
                <Group gap={4}>
                  {r.attendance.status ? (
                    <Badge
                      size="sm"
                      variant="light"
                      c="dark.7"
                      color={r.attendance.status === 'present' ? 'kompeten' : 'orange'}
                    >
                      {t(`status.${r.attendance.status}`)}
                      {r.attendance.source ? ` · ${t(`source.${r.attendance.source}`)}` : ''}
                    </Badge>
                  ) : (
                    <Badge size="sm" variant="light" color="gray" c="dark.7">
                      {t('status.none')}
                    </Badge>
                  )}
                  {r.attendance.late && (
                    <Badge size="sm" variant="light" color="orange" c="dark.7">
                      {t('list.late')}
                    </Badge>
                  )}
                  {r.attendance.leftEarly && (
                    <Badge size="sm" variant="light" color="orange" c="dark.7">
                      {t('list.leftEarly')}
                    </Badge>
                  )}
                </Group>
              </Stack>
            ),
          },
          {
            key: 'mark',
            header: t('list.mark'),
            cell: (r) => {
              const d = draftOf(r);
              return (
                <Stack gap={4}>
                  <SegmentedControl
                    size="xs"
                    value={d.status}
                    onChange={(v) => change(r, { status: v as Draft['status'] })}
                    data={[
                      { value: 'present', label: t('status.present') },
                      { value: 'absent', label: t('status.absent') },
                    ]}
                    aria-label={t('list.statusOf', { name: r.name })}
                  />
                  {d.status === 'present' && (
                    <Group gap={4} wrap="nowrap">
                      <TextInput
                        size="xs"
                        w={84}
                        placeholder="08:00"
                        label={t('list.arrived', { zone })}
                        value={d.arrived}
                        onChange={(e) => change(r, { arrived: e.currentTarget.value })}
                        aria-label={t('list.arrivedOf', { name: r.name, zone })}
                      />
                      <TextInput
                        size="xs"
                        w={84}
                        placeholder="16:00"
                        label={t('list.left', { zone })}
                        value={d.left}
                        onChange={(e) => change(r, { left: e.currentTarget.value })}
                        aria-label={t('list.leftOf', { name: r.name, zone })}
                      />
                    </Group>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('list.minutes', { minutes: r.attendance.minutes.toLocaleString(i18n.language) })}
                  </Text>
                </Stack>
              );
            },
          },
        ]}
      />
      {list.data && (
        <PaginationBar page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
      )}
      <Group>
        <Button onClick={() => void save()} loading={mark.isPending} disabled={changed === 0}>
          {t('list.save', { count: changed })}
        </Button>
      </Group>
    </Stack>
  );
}
