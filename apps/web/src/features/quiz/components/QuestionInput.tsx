import { useLayoutEffect, useRef } from 'react';
import { ActionIcon, Button, Checkbox, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { AnswerResponse, AttemptQuestion } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { parseIndonesianNumber } from '@kompeten/shared-util';

interface QuestionInputProps {
  question: AttemptQuestion;
  /** Accessible name of the whole answer group (the question number). */
  labelId: string;
  value: AnswerResponse | undefined;
  onChange: (response: AnswerResponse, delayMs?: number) => void;
  disabled?: boolean;
}

type Pair = { left: string; right: string };

/** The answer input for one question, by kind (docs/learning.md, question kinds and responses). */
export function QuestionInput({ question, labelId, value, onChange, disabled }: QuestionInputProps) {
  const { t } = useTranslation('quiz');
  const q = question;
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
        >
          <Stack gap="xs">
            {q.options.map((o) => (
              <Radio key={o.id} value={o.id} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          aria-labelledby={labelId}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
        >
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('attempt.chooseAll')}
            </Text>
            {q.options.map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'true_false':
      return (
        <Radio.Group
          aria-labelledby={labelId}
          value={value === true ? 'true' : value === false ? 'false' : null}
          onChange={(v) => onChange(v === 'true')}
        >
          <Group gap="lg">
            <Radio value="true" label={t('true')} disabled={disabled} />
            <Radio value="false" label={t('false')} disabled={disabled} />
          </Group>
        </Radio.Group>
      );
    case 'short_answer':
      return (
        <TextInput
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value, 800)}
          disabled={disabled}
          maxLength={1000}
          placeholder={t('attempt.shortPlaceholder')}
        />
      );
    case 'numeric': {
      // Sent as typed and read by the server's documented rule (comma for decimals, dot for thousands): the browser
      // never guesses whether "1.500" is fifteen hundred or one and a half.
      const text = typeof value === 'number' ? String(value).replace('.', ',') : typeof value === 'string' ? value : '';
      return (
        <TextInput
          aria-labelledby={labelId}
          inputMode="decimal"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value.trim() === '' ? null : e.currentTarget.value, 800)}
          disabled={disabled}
          maxLength={40}
          maw={320}
          placeholder={t('attempt.numberPlaceholder')}
          description={q.formatHint ?? t('learnrec.numberHint')}
          error={text.trim() !== '' && parseIndonesianNumber(text) === null ? t('learnrec.numberInvalid') : undefined}
        />
      );
    }
    case 'essay':
      return (
        <Textarea
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value, 1500)}
          disabled={disabled}
          autosize
          minRows={6}
          maxLength={20000}
        />
      );
    case 'matching': {
      const lefts = q.options.filter((o) => o.side === 'left');
      const rights = q.options.filter((o) => o.side === 'right');
      const pairs = Array.isArray(value) ? (value as Pair[]) : [];
      const rightOf = (left: string) => pairs.find((p) => p.left === left)?.right ?? null;
      const setPair = (left: string, right: string | null) => {
        const next = pairs.filter((p) => p.left !== left);
        if (right) next.push({ left, right });
        onChange(next);
      };
      return (
        <Stack gap="sm" role="group" aria-labelledby={labelId}>
          {lefts.map((left) => (
            <Select
              key={left.id}
              label={left.text}
              placeholder={t('attempt.pickMatch')}
              data={rights.map((r) => ({ value: r.id, label: r.text }))}
              value={rightOf(left.id)}
              onChange={(v) => setPair(left.id, v)}
              clearable
              disabled={disabled}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </Stack>
      );
    }
    case 'ordering':
      return <OrderingInput question={q} labelId={labelId} value={value} onChange={onChange} disabled={disabled} />;
    default:
      return null;
  }
}

/** Items in order with up/down buttons; focus follows the moved item so keyboard users can keep moving it. */
function OrderingInput({ question, labelId, value, onChange, disabled }: QuestionInputProps) {
  const { t } = useTranslation('quiz');
  const ids = question.options.map((o) => o.id);
  const saved = Array.isArray(value) ? (value as string[]).filter((id) => ids.includes(id)) : [];
  const order = saved.length === ids.length ? saved : ids;
  const text = (id: string) => question.options.find((o) => o.id === id)?.text ?? id;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<{ key: string; fallback: string } | null>(null);
  const orderKey = order.join(',');

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const el = buttons.current.get(target.key);
    (el && !el.disabled ? el : buttons.current.get(target.fallback))?.focus();
  }, [orderKey]);

  const refFor = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };
  const move = (index: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? index - 1 : index + 1;
    const next = [...order];
    [next[index], next[to]] = [next[to], next[index]];
    focusNext.current = { key: `${order[index]}:${dir}`, fallback: `${order[index]}:${dir === 'up' ? 'down' : 'up'}` };
    onChange(next);
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text size="xs" c="dimmed">
        {t('attempt.orderHint')}
      </Text>
      <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {order.map((id, i) => (
          <Group
            key={id}
            component="li"
            gap="xs"
            wrap="nowrap"
            p={6}
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
          >
            <Text size="sm" fw={600} w={24} ta="right">
              {i + 1}.
            </Text>
            <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
              {text(id)}
            </Text>
            <ActionIcon
              ref={refFor(`${id}:up`)}
              variant="default"
              aria-label={t('attempt.moveUp', { item: text(id) })}
              disabled={disabled || i === 0}
              onClick={() => move(i, 'up')}
            >
              <span aria-hidden>↑</span>
            </ActionIcon>
            <ActionIcon
              ref={refFor(`${id}:down`)}
              variant="default"
              aria-label={t('attempt.moveDown', { item: text(id) })}
              disabled={disabled || i === order.length - 1}
              onClick={() => move(i, 'down')}
            >
              <span aria-hidden>↓</span>
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {saved.length !== ids.length && (
        <Group>
          <Button size="xs" variant="light" onClick={() => onChange(order)} disabled={disabled}>
            {t('attempt.keepOrder')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
