import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { FeedSubscriptionBox } from '../feeds/FeedSubscriptionBox';
import { NavigationBar, useCalendarNavigation } from './CalendarPage';
import { useMyCalendar } from './calendar-queries';
import { EventList } from './EventViews';

/** /kalender/saya — my classes (with my status) and my course due dates, month by month; my feed subscription. */
export function MyCalendarPage() {
  const { t } = useTranslation('calendar');
  useDocumentTitle(t('views.myTitle'));
  const nav = useCalendarNavigation('list');
  const mine = useMyCalendar(nav.window);
  return (
    <Stack gap="md">
      <PageHeader title={t('views.myTitle')} intro={t('views.myIntro')} introMaw={760} />
      <NavigationBar nav={nav} views={['list']} />
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && <EventList events={mine.data.events} dueDates={mine.data.dueDates} empty={t('views.myEmpty')} />}
      <FeedSubscriptionBox />
    </Stack>
  );
}
