import { useEffect, useState } from 'react';
import { Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How long the first load shows only the spinner before it also writes "Memuat…" (decision 0027 §15). */
const LOADING_WORD_AFTER_MS = 2000;

/**
 * The whole-page loader while the session and the first page load. For its first two seconds it shows the spinner and
 * gives the word to screen readers only: a page ready sooner then never flashes "Memuat…", and the browser's first
 * contentful paint is the page itself rather than that word (after which everything the page renders on a phone would
 * count as blocking time). A slower load shows the word as well; the text never changes, so it is announced once.
 */
export function FullPageLoader() {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), LOADING_WORD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Center h="100dvh" component="main">
      <Stack align="center" gap="sm" role="status" aria-live="polite">
        <Loader aria-hidden />
        <Text size="sm" className={slow ? undefined : VisuallyHidden.classes.root}>
          {t('loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Inline loading block for a section or a page body. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" role="status" aria-live="polite">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t('loading')}
        </Text>
      </Stack>
    </Center>
  );
}
