import { Anchor, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isAdmin, useAuth } from '../../../shared/auth/auth-context';
import { EmployeeDetails } from '../../../shared/components/EmployeeDetails';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useEmployee } from '../queries';
import { AccountPanel } from './AccountPanel';

export function EmployeeDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('employees');
  const query = useEmployee(id);
  const { me } = useAuth();
  const location = useLocation();
  const back = (location.state as { back?: unknown } | null)?.back;
  const backTo = typeof back === 'string' && back.startsWith('/admin/') ? back : '/admin/pegawai';
  useDocumentTitle(query.data?.displayName ?? t('detailTitle'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm">
        ← {t('backToList')}
      </Anchor>
      {query.isPending && <LoadingBlock />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Title order={1}>{query.data.displayName}</Title>
          <Card>
            <EmployeeDetails employee={query.data} />
          </Card>
          {isAdmin(me) && query.data.id !== me?.employee?.id && <AccountPanel employee={query.data} />}
        </>
      )}
    </Stack>
  );
}
