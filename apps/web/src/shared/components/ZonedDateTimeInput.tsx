import { DatesProvider, DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { useTranslation } from 'react-i18next';

/**
 * A date and time in an agency's zone, picked in Indonesian (month names, a 24-hour clock, "4 Des 2026, 06.14") rather
 * than the browser's mm/dd/yyyy AM/PM. The value is local wall time "YYYY-MM-DDTHH:mm" ('' for none), as the forms keep
 * it; the caller names the zone in the label and converts with the zone (decision 0015).
 */
export function ZonedDateTimeInput({
  value,
  onChange,
  label,
  description,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  description?: string;
  error?: string;
}) {
  const { i18n } = useTranslation();
  const picker = value ? `${value.replace('T', ' ')}:00` : null;
  // The picker's own provider (months and days in the UI language, weeks from Monday): the dates package, its styles and
  // dayjs's Indonesian locale load with the pages that pick dates, not with the first page (decision 0027).
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>
      <DateTimePicker
        label={label}
        description={description}
        error={error}
        value={picker}
        onChange={(v) => onChange(v ? String(v).slice(0, 16).replace(' ', 'T') : '')}
        valueFormat={i18n.language === 'en' ? 'D MMM YYYY, HH:mm' : 'D MMM YYYY, HH.mm'}
        clearable
        timePickerProps={{ format: '24h' }}
      />
    </DatesProvider>
  );
}
