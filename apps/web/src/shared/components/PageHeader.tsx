import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's h1 and the sentence under it that says what the page is for. */
export function PageHeader({ title, intro, introMaw }: { title: ReactNode; intro: ReactNode; introMaw?: number }) {
  return (
    <Stack gap={2}>
      <Title order={1}>{title}</Title>
      <Text size="sm" c="dimmed" maw={introMaw}>
        {intro}
      </Text>
    </Stack>
  );
}
