import { Alert, Anchor, Badge, Progress, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_LABEL, type MyClassAttendance } from '@kompeten/shared-contracts';
import { DataTable } from '../../../../shared/components/DataTable';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { formatDateTime, formatDay, formatNumber, formatTime } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { useMyClass } from '../queries';

type Row = MyClassAttendance['sessions'][number];

/** /kelas/:classId — a learner's attendance per session of a class and whether they completed it. */
export function MyClassPage() {
  const { classId = '' } = useParams();
  const { t, i18n } = useTranslation('attendance');
  const mine = useMyClass(classId);
  const c = mine.data;
  useDocumentTitle(c ? `${c.offeringTitle} — ${c.className}` : t('mine.title'));
  const zone = c ? TIME_ZONE_LABEL[c.timeZone] : '';
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/kelas" size="sm">
        {t('mine.back')}
      </Anchor>
      <PageHeader title={c ? `${c.offeringTitle} — ${c.className}` : t('mine.title')} intro={t('mine.intro')} />
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {c && (
        <>
          {c.completion ? (
            <Alert color="kompeten" variant="light" role="status" title={t('mine.completed')}>
              {t('mine.completedText', {
                jp: n(c.completion.jp),
                at: formatDateTime(c.completion.completedAt, c.timeZone, i18n.language),
              })}
            </Alert>
          ) : (
            <Text size="sm">
              {c.finalisedAt ? t('mine.notCompleted') : c.ended ? t('mine.waiting') : t('mine.running')}
            </Text>
          )}
          <Stack gap={4}>
            <Text size="sm">
              {t('mine.progress', {
                attended: n(c.attendedMinutes),
                scheduled: n(c.scheduledMinutes),
                percent: n(c.attendancePercent),
                required: c.rule.minAttendancePercent,
              })}
            </Text>
            <Progress
              value={Math.min(100, c.attendancePercent)}
              aria-label={t('mine.progressLabel', { percent: n(c.attendancePercent) })}
              color={c.attendancePercent >= c.rule.minAttendancePercent ? 'kompeten' : 'orange'}
            />
            {c.rule.requiresCourse && (
              <Text size="xs" c="dimmed">
                {t('finalise.course')}
              </Text>
            )}
          </Stack>
          <DataTable<Row>
            caption={t('mine.sessions')}
            rows={c.sessions}
            rowKey={(s) => String(s.sessionIndex)}
            minWidth={320}
            columns={[
              {
                key: 'day',
                header: t('mine.day'),
                cell: (s) =>
                  `${formatDay(s.startsAt, c.timeZone, i18n.language)}, ${formatTime(s.startsAt, c.timeZone, i18n.language)}–${formatTime(s.endsAt, c.timeZone, i18n.language)} ${zone}`,
              },
              {
                key: 'status',
                header: t('mine.status'),
                cell: (s) => (
                  <Stack gap={2}>
                    <Badge
                      variant="light"
                      c="dark.7"
                      color={s.status === 'present' ? 'kompeten' : s.status === 'absent' ? 'orange' : 'gray'}
                    >
                      {t(`status.${s.status ?? 'none'}`)}
                    </Badge>
                    {s.status === 'present' && (
                      <Text size="xs">
                        {t('mine.minutes', { minutes: n(s.minutes) })}
                        {s.late ? ` · ${t('list.late')}` : ''}
                        {s.leftEarly ? ` · ${t('list.leftEarly')}` : ''}
                      </Text>
                    )}
                  </Stack>
                ),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
