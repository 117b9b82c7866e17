import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { OpenPresenceCheck } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { useAnswerCheck } from '../queries';
import { countdown, useNow } from './useNow';

/** The open presence check on the learner's page: its countdown and the code field (decision 0038). */
export function PresenceCheckPrompt({ classId, check }: { classId: string; check: OpenPresenceCheck }) {
  const { t } = useTranslation('webinar');
  const now = useNow();
  const [code, setCode] = useState('');
  const answer = useAnswerCheck(classId);
  const [recorded, setRecorded] = useState(false);
  const done = check.answered || recorded;

  const submit = async () => {
    try {
      await answer.mutateAsync({ checkId: check.id, code });
      setRecorded(true);
    } catch {
      setCode('');
    }
  };

  return (
    <Alert color={done ? 'kompeten' : 'blue'} variant="light" w="100%" aria-labelledby="presence-check-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="presence-check-title">
          {t('check.title')}
        </Title>
        {done ? (
          <Text role="status">{recorded ? t('check.recorded') : t('check.answered')}</Text>
        ) : check.attemptsLeft === 0 ? (
          <Text>{t('check.noAttempts')}</Text>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('check.prompt')}</Text>
              <Text size="sm" fw={600}>
                {t('check.closesIn', { time: countdown(check.closesAt, now) })}
              </Text>
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('check.code')}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={4}
                  w={140}
                  styles={{ input: { fontSize: 20, letterSpacing: 4, textAlign: 'center' } }}
                  required
                />
                <Button type="submit" loading={answer.isPending} disabled={code.length !== 4}>
                  {t('check.submit')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('check.attemptsLeft', { count: check.attemptsLeft })}
              </Text>
              {answer.isError && <ErrorAlert error={answer.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </Alert>
  );
}
