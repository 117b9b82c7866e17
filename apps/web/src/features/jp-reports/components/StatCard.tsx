import { Paper, Text } from '@mantine/core';

/** One figure of a report with its label and a line of context. */
export function StatCard({
  label,
  value,
  hint,
  color,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
