import { useId, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { MentionCandidate } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { useMentionCandidates } from '../queries';

interface MentionPickerProps {
  spaceId: string;
  value: MentionCandidate[];
  onChange: (value: MentionCandidate[]) => void;
}

/**
 * Whom a post mentions: people who can read the space, found by name or NIP on the server (which checks each again
 * when the post is sent). The chosen ones travel as ids; the post shows them under its text.
 */
export function MentionPicker({ spaceId, value, onChange }: MentionPickerProps) {
  const { t } = useTranslation('discussion');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const candidates = useMentionCandidates(spaceId, debounced);
  const listId = useId();
  const chosen = new Set(value.map((v) => v.employeeId));
  const results = (candidates.data ?? []).filter((c) => !chosen.has(c.employeeId));

  return (
    <Stack gap={6}>
      <TextInput
        label={t('mentions')}
        placeholder={t('mentionSearch')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-controls={listId}
      />
      <Stack gap={4} id={listId} aria-live="polite">
        {debounced.trim().length >= 2 && candidates.isSuccess && results.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('mentionNone')}
          </Text>
        )}
        {results.map((c) => (
          <Button
            key={c.employeeId}
            variant="subtle"
            size="compact-sm"
            justify="flex-start"
            onClick={() => {
              onChange([...value, c]);
              setQ('');
            }}
          >
            @{c.name}
            {c.agencyName ? ` · ${c.agencyName}` : ''}
          </Button>
        ))}
      </Stack>
      {value.length > 0 && (
        <Group gap={6}>
          {value.map((v) => (
            <Badge
              key={v.employeeId}
              variant="light"
              color="kompeten"
              tt="none"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="dark"
                  aria-label={t('removeMention', { name: v.name })}
                  onClick={() => onChange(value.filter((x) => x.employeeId !== v.employeeId))}
                >
                  ×
                </ActionIcon>
              }
            >
              @{v.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
