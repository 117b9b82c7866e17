import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

function StatusMessage({ title, text, withHome = true }: { title: string; text: string; withHome?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={1}>{title}</Title>
        <Text>{text}</Text>
        {withHome && (
          <Button component={Link} to="/" variant="light">
            {t('toHome')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusMessage title={t('notFoundTitle')} text={t('notFound')} />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusMessage title={t('forbiddenTitle')} text={t('forbidden')} />;
}

/** Router-level error boundary (a lazy chunk failed to load, a render crashed). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main>
        <NotFoundPage />
      </main>
    );
  }
  console.error(error);
  return (
    <main>
      <StatusMessage title={t('errorTitle')} text={t('unknownError')} />
    </main>
  );
}
