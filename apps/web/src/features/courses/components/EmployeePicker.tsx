import { useMemo, useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useEmployees } from '../../employees/queries';

export interface PickedEmployee {
  value: string;
  label: string;
}

interface EmployeePickerProps {
  label: string;
  description?: string;
  value: PickedEmployee[];
  onChange: (value: PickedEmployee[]) => void;
  /** Ids that may not be chosen (e.g. the current authors). */
  exclude?: string[];
  maxValues?: number;
  disabled?: boolean;
  error?: string;
}

/** Searchable multi-select over GET /employees?q= (name, NIP or email); the chosen ASN keep their labels across searches. */
export function EmployeePicker({
  label,
  description,
  value,
  onChange,
  exclude,
  maxValues,
  disabled,
  error,
}: EmployeePickerProps) {
  const { t } = useTranslation('courses');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const query = useEmployees({ q: debounced || undefined, pageSize: 20 });
  const data = useMemo(() => {
    const chosen = new Map(value.map((v) => [v.value, v]));
    const found = (query.data?.items ?? [])
      .filter((e) => !exclude?.includes(e.id) && !chosen.has(e.id))
      .map((e) => ({ value: e.id, label: `${e.displayName} · ${e.nip}` }));
    return [...value, ...found];
  }, [query.data, value, exclude]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('people.searchPlaceholder')}
      data={data}
      value={value.map((v) => v.value)}
      onChange={(ids) => onChange(ids.map((id) => data.find((d) => d.value === id) ?? { value: id, label: id }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={query.isFetching ? t('people.searching') : t('people.nothingFound')}
      maxValues={maxValues}
      disabled={disabled}
      error={error}
      hidePickedOptions
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}
