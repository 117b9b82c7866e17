import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface SearchInputProps {
  /** Current (committed) search text, e.g. from the URL. */
  value: string;
  /** Called 350 ms after the user stops typing (and at once on Enter or clear). */
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  maw?: number | string;
}

export function SearchInput({ value, onSearch, label, placeholder, maw }: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback((next: string) => onSearch(next.trim()), 350);
  // A page rendered on the server (decision 0041) can be typed into before React takes it over: once it has, the search
  // picks up what is in the box then (the first render matches the server's, so it cannot be read earlier).
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = input.current?.value;
    if (typed !== undefined && typed !== value) {
      setText(typed);
      debounced(typed);
    }
    // Once, after the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <TextInput
      ref={input}
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      maw={maw}
      w="100%"
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          debounced.cancel();
          onSearch(text.trim());
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            aria-label={t('close')}
            size="sm"
            onClick={() => {
              debounced.cancel();
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
    />
  );
}
