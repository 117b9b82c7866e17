import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  CLASS_MODES,
  COMPETENCY_KINDS,
  JENIS_DIKLAT,
  type ClassMode,
  type CompetencyKind,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import type { CalendarFilters } from './calendar-api';
import {
  addDays,
  addMonths,
  endOfMonth,
  monthGrid,
  startOfMonth,
  startOfWeek,
  todayLocal,
  weekDays,
} from './calendar-grid';
import { useCalendarEvents } from './calendar-queries';
import { EventList, MonthGrid, WeekView } from './EventViews';

export type CalendarView = 'month' | 'week' | 'list';

/** The window a view asks the API for (at most 42 days: within its 62). */
export function windowOf(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'week') return { from: startOfWeek(anchor), to: addDays(startOfWeek(anchor), 6) };
  if (view === 'month') {
    const days = monthGrid(anchor);
    return { from: days[0], to: days[days.length - 1] };
  }
  return { from: startOfMonth(anchor), to: endOfMonth(anchor) };
}

/** Month, week and list navigation with its heading; shared by the calendar and "my calendar". */
export function useCalendarNavigation(initial: CalendarView) {
  const [view, setView] = useState<CalendarView>(initial);
  const [anchor, setAnchor] = useState(todayLocal());
  const step = (n: number) => setAnchor((a) => (view === 'week' ? addDays(a, 7 * n) : addMonths(a, n)));
  return { view, setView, anchor, setAnchor, step, window: windowOf(view, anchor) };
}

export function NavigationBar({
  nav,
  views = ['month', 'week', 'list'],
}: {
  nav: ReturnType<typeof useCalendarNavigation>;
  views?: CalendarView[];
}) {
  const { t, i18n } = useTranslation('calendar');
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${startOfMonth(nav.anchor)}T00:00:00Z`));
  const heading =
    nav.view === 'week'
      ? t('views.weekOf', {
          from: formatDate(nav.window.from, i18n.language),
          to: formatDate(nav.window.to, i18n.language),
        })
      : monthName;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => nav.step(-1)}>
            ‹ {t('views.previous')}
          </Button>
          <Button variant="default" size="xs" onClick={() => nav.setAnchor(todayLocal())}>
            {t('views.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => nav.step(1)}>
            {t('views.next')} ›
          </Button>
        </Group>
        {views.length > 1 && (
          <SegmentedControl
            aria-label={t('views.viewLabel')}
            size="xs"
            value={nav.view}
            onChange={(v) => nav.setView(v as CalendarView)}
            data={views.map((v) => ({ value: v, label: t(`views.${v}`) }))}
          />
        )}
      </Group>
      <Text component="h2" fw={700} size="lg" aria-live="polite">
        {heading}
      </Text>
    </Stack>
  );
}

/** /kalender — the training calendar: month, week and list views with filters; list by default on phones. */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  useDocumentTitle(t('views.title'));
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const nav = useCalendarNavigation(phone ? 'list' : 'month');
  const [filters, setFilters] = useState<CalendarFilters>({});
  const [agencies, setAgencies] = useState<Map<string, string>>(new Map());
  const events = useCalendarEvents({ ...nav.window, ...filters });
  const data = events.data;

  // Agency choices come from what the caller can see (learners cannot list agencies); they only grow.
  useEffect(() => {
    if (!data) return;
    setAgencies((prev) => {
      const next = new Map(prev);
      for (const e of data.events) if (!next.has(e.agencyId)) next.set(e.agencyId, e.agencyName);
      return next.size === prev.size ? prev : next;
    });
  }, [data]);
  const agencyOptions = [...agencies.entries()].map(([value, label]) => ({ value, label }));

  const set = (patch: Partial<CalendarFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Stack gap="md">
      <PageHeader title={t('views.title')} intro={t('views.intro')} introMaw={760} />
      <section aria-label={t('views.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Select
            label={t('views.agency')}
            placeholder={t('views.allAgencies')}
            data={agencyOptions}
            value={filters.agencyId ?? null}
            onChange={(v) => set({ agencyId: v ?? undefined })}
            clearable
            searchable
          />
          <Select
            label={t('views.mode')}
            placeholder={t('views.allModes')}
            data={CLASS_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
            value={filters.mode ?? null}
            onChange={(v) => set({ mode: (v as ClassMode | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('views.form')}
            placeholder={t('views.allForms')}
            data={JENIS_DIKLAT.map((j) => ({ value: String(j.id), label: `${j.id} · ${j.name}` }))}
            value={filters.jenisDiklatId ? String(filters.jenisDiklatId) : null}
            onChange={(v) => set({ jenisDiklatId: v ? Number(v) : undefined })}
            clearable
            searchable
          />
          <Select
            label={t('views.competency')}
            placeholder={t('views.allCompetencies')}
            data={COMPETENCY_KINDS.map((k) => ({ value: k, label: t(`competency.${k}`) }))}
            value={filters.competencyKind ?? null}
            onChange={(v) => set({ competencyKind: (v as CompetencyKind | null) ?? undefined })}
            clearable
          />
        </SimpleGrid>
        <Checkbox
          mt="xs"
          label={t('views.openForMe')}
          checked={!!filters.openForMe}
          onChange={(e) => set({ openForMe: e.currentTarget.checked || undefined })}
        />
      </section>
      <NavigationBar nav={nav} />
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      {data?.truncated && (
        <Alert color="orange" variant="light">
          {t('views.truncated', { limit: data.limit })}
        </Alert>
      )}
      <VisuallyHidden role="status">{events.isFetching ? '…' : ''}</VisuallyHidden>
      {data &&
        (nav.view === 'month' ? (
          <MonthGrid
            days={monthGrid(nav.anchor)}
            month={nav.anchor.slice(0, 7)}
            events={data.events}
            onPickDay={(d) => {
              nav.setAnchor(d);
              nav.setView('week');
            }}
          />
        ) : nav.view === 'week' ? (
          <WeekView days={weekDays(nav.anchor)} events={data.events} empty="–" />
        ) : (
          <EventList events={data.events} empty={t('views.empty')} />
        ))}
      {data && nav.view !== 'list' && !data.events.length && <Text c="dimmed">{t('views.empty')}</Text>}
    </Stack>
  );
}
