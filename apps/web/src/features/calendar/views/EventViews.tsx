import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CalendarDueDate, CalendarEvent } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../shared/format';
import { byDate, weekdayOf } from './calendar-grid';

const STATUS_COLOR = {
  confirmed: 'kompeten',
  pending_approval: 'orange',
  waitlisted: 'blue',
  cancelled_by_organiser: 'gray',
} as const;

/** "08:00–12:00 WITA": always with the organising agency's zone (decision 0015). */
export const timeLabel = (e: CalendarEvent) => `${e.start}–${e.end} ${e.zoneLabel}`;

export const classLink = (e: { classId: string }) => `/kalender/kelas/${e.classId}`;

/** An event as a link to its class: the title, local time with zone, and its state. */
export function EventCard({ event, compact = false }: { event: CalendarEvent; compact?: boolean }) {
  const { t, i18n } = useTranslation('calendar');
  const cancelled = event.classStatus === 'cancelled';
  return (
    <Paper withBorder p={compact ? 4 : 'sm'} radius="sm" bg={cancelled ? 'gray.0' : undefined}>
      <Stack gap={2}>
        <Anchor
          component={Link}
          to={classLink(event)}
          size={compact ? 'xs' : 'sm'}
          fw={600}
          td={cancelled ? 'line-through' : undefined}
        >
          {compact ? `${event.start} ${event.zoneLabel} · ${event.offeringTitle}` : event.title}
        </Anchor>
        {!compact && (
          <>
            <Text size="sm">
              {timeLabel(event)} · {t(`mode.${event.mode}`)} · {formatNumber(event.jp, i18n.language)} JP
              {event.sessionCount > 1 &&
                ` · ${t('views.session', { n: event.sessionIndex + 1, total: event.sessionCount })}`}
            </Text>
            <Text size="xs" c="dimmed">
              {event.agencyName}
              {event.venue ? ` · ${event.venue}` : ''}
            </Text>
            <Group gap={4}>
              {cancelled && (
                <Badge color="gray" variant="light" c="dark.6">
                  {t('views.cancelled')}
                </Badge>
              )}
              {event.myStatus && (
                <Badge color={STATUS_COLOR[event.myStatus]} variant="light" c="dark.6">
                  {t(`views.myStatus.${event.myStatus}`)}
                </Badge>
              )}
              {event.openForMe && (
                <Badge color="kompeten" variant="light" c="dark.6">
                  {t('views.openForMe')}
                </Badge>
              )}
              {!cancelled && (
                <Text size="xs" c="dimmed">
                  {event.seatsLeft === null ? t('views.unlimited') : t('views.seatsLeft', { count: event.seatsLeft })}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DueCard({ due }: { due: CalendarDueDate }) {
  const { t } = useTranslation('calendar');
  return (
    <Paper withBorder p="sm" radius="sm">
      <Anchor component={Link} to={`/belajar/${due.enrolmentId}`} size="sm" fw={600}>
        {t('views.due', { title: due.courseTitle })}
      </Anchor>
      <Group gap={4}>
        <Text size="sm">{t('views.dueAt', { zone: due.zoneLabel })}</Text>
        {due.mandatory && (
          <Badge variant="light" color="blue" c="dark.6">
            {t('views.mandatory')}
          </Badge>
        )}
        {due.overdue && (
          <Badge variant="light" color="orange" c="dark.6">
            {t('views.overdue')}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

/** The list view: days in order, each with its sessions (and due dates in "my calendar"). */
export function EventList({
  events,
  dueDates = [],
  empty,
}: {
  events: CalendarEvent[];
  dueDates?: CalendarDueDate[];
  empty: string;
}) {
  const { i18n } = useTranslation();
  type Item = { date: string; event?: CalendarEvent; due?: CalendarDueDate };
  const items: Item[] = [
    ...events.map((e) => ({ date: e.date, event: e })),
    ...dueDates.map((d) => ({ date: d.dueDate, due: d })),
  ];
  if (!items.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="md">
      {byDate(items, (i) => i.date).map(([date, list]) => (
        <section key={date} aria-labelledby={`day-${date}`}>
          <Text id={`day-${date}`} fw={700} mb={4} component="h3" size="md">
            {formatDate(date, i18n.language)}
          </Text>
          <Stack gap="xs">
            {list.map((i) =>
              i.event ? (
                <EventCard key={i.event.id} event={i.event} />
              ) : (
                <DueCard key={i.due?.enrolmentId} due={i.due as CalendarDueDate} />
              ),
            )}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

const WEEKDAY_KEYS = [0, 1, 2, 3, 4, 5, 6];
/** Monday-first weekday names in the UI language, from a known Monday (2024-01-01). */
const weekdayName = (i: number, lng: string, style: 'short' | 'long') =>
  new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'id-ID', { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + i)),
  );

/** The month view: a grid of whole weeks; each day shows its first sessions and how many more there are. */
export function MonthGrid({
  days,
  month,
  events,
  onPickDay,
}: {
  days: string[];
  month: string;
  events: CalendarEvent[];
  onPickDay: (date: string) => void;
}) {
  const { t, i18n } = useTranslation('calendar');
  const byDay = new Map(byDate(events, (e) => e.date));
  return (
    <div role="table" aria-label={t('views.month')}>
      <SimpleGrid cols={7} spacing={2} role="row">
        {WEEKDAY_KEYS.map((i) => (
          <Text
            key={i}
            role="columnheader"
            size="xs"
            fw={700}
            ta="center"
            aria-label={weekdayName(i, i18n.language, 'long')}
          >
            {weekdayName(i, i18n.language, 'short')}
          </Text>
        ))}
      </SimpleGrid>
      {Array.from({ length: days.length / 7 }, (_, w) => (
        <SimpleGrid key={w} cols={7} spacing={2} role="row" mt={2}>
          {days.slice(w * 7, w * 7 + 7).map((d) => {
            const list = byDay.get(d) ?? [];
            return (
              <Paper
                key={d}
                role="cell"
                withBorder
                p={4}
                mih={88}
                bg={d.startsWith(month) ? undefined : 'gray.0'}
                aria-label={t('views.dayEvents', { date: formatDate(d, i18n.language), count: list.length })}
              >
                <UnstyledButton
                  onClick={() => onPickDay(d)}
                  aria-label={t('views.dayEvents', { date: formatDate(d, i18n.language), count: list.length })}
                >
                  <Text size="xs" fw={weekdayOf(d) > 4 ? 400 : 600} c={d.startsWith(month) ? undefined : 'dimmed'}>
                    {Number(d.slice(8))}
                  </Text>
                </UnstyledButton>
                <Stack gap={2}>
                  {list.slice(0, 3).map((e) => (
                    <EventCard key={e.id} event={e} compact />
                  ))}
                  {list.length > 3 && (
                    <Text size="xs" c="dimmed">
                      {t('views.more', { count: list.length - 3 })}
                    </Text>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      ))}
    </div>
  );
}

/** The week view: seven days side by side on wide screens, one under the other on phones. */
export function WeekView({ days, events, empty }: { days: string[]; events: CalendarEvent[]; empty: string }) {
  const { i18n } = useTranslation();
  const byDay = new Map(byDate(events, (e) => e.date));
  return (
    <SimpleGrid cols={{ base: 1, md: 7 }} spacing="xs">
      {days.map((d, i) => (
        <section key={d} aria-labelledby={`week-${d}`}>
          <Text id={`week-${d}`} component="h3" size="sm" fw={700}>
            {weekdayName(i, i18n.language, 'short')} {formatDate(d, i18n.language)}
          </Text>
          <Stack gap={4}>
            {(byDay.get(d) ?? []).map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
            {!byDay.get(d)?.length && (
              <Text size="xs" c="dimmed">
                {empty}
              </Text>
            )}
          </Stack>
        </section>
      ))}
    </SimpleGrid>
  );
}
