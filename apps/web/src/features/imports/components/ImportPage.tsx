import '@mantine/dropzone/styles.css';
import { useRef, useState } from 'react';
import { Alert, Button, Card, CloseButton, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgencyOptions } from '../../agencies/queries';
import { downloadImportTemplate, MAX_IMPORT_BYTES } from '../api';
import { importKeys, useUploadEmployeeImport } from '../queries';
import { ImportGuide } from './ImportGuide';
import { ImportHistory } from './ImportHistory';
import { ImportStatusCard } from './ImportStatusCard';
import { PageHeader } from '../../../shared/components/PageHeader';

const CSV_ACCEPT = { 'text/csv': ['.csv'], 'application/vnd.ms-excel': ['.csv'], 'text/plain': ['.csv'] };

export function ImportPage() {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  useDocumentTitle(t('title'));
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';

  const { values, update } = useSearchParamState(['agencyId', 'importId'] as const);
  const agencies = useAgencyOptions();
  // With exactly one visible agency there is nothing to choose.
  const agencyId = values.agencyId || (agencies.data?.length === 1 ? agencies.data[0].value : '');
  const importId = values.importId || null;

  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState(false);
  const [progress, setProgress] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const uploadMutation = useUploadEmployeeImport();
  const openFileDialog = useRef<() => void>(null);

  const onDownloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadImportTemplate();
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  const onUpload = async () => {
    if (!file || !agencyId) return;
    setProgress(0);
    try {
      const created = await uploadMutation.mutateAsync({ agencyId, file, onProgress: setProgress });
      setProgress(1);
      setFile(null);
      update({ agencyId, importId: created.id });
      queryClient.setQueryData(importKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    } catch {
      // Shown below from uploadMutation.error.
    }
  };

  const uploading = uploadMutation.isPending;
  const percent = Math.round(progress * 100);

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} intro={t('intro')} introMaw={720} />

      <Card component="section" aria-label={t('title')}>
        <Stack gap="md">
          <Group align="flex-end" justify="space-between" wrap="wrap" gap="sm">
            <Select
              label={t('agency')}
              placeholder={agencies.isPending ? tc('loading') : t('agencyPlaceholder')}
              data={agencies.data ?? []}
              value={agencyId || null}
              onChange={(value) => update({ agencyId: value, importId: null })}
              searchable
              required
              nothingFoundMessage={tc('noResults')}
              w={{ base: '100%', sm: 380 }}
              error={agencies.isError ? errorMessage(agencies.error) : undefined}
            />
            <Button variant="subtle" onClick={() => void onDownloadTemplate()} loading={downloading}>
              {t('downloadTemplate')}
            </Button>
          </Group>

          <ImportGuide agencyId={agencyId} />

          <Dropzone
            onDrop={(files) => {
              setRejected(false);
              setFile(files[0] ?? null);
              uploadMutation.reset();
            }}
            onReject={() => setRejected(true)}
            accept={CSV_ACCEPT}
            maxSize={MAX_IMPORT_BYTES}
            multiple={false}
            disabled={uploading}
            openRef={openFileDialog}
            // Keyboard and screen-reader users use the "choose file" button below; the drop area is for the mouse.
            activateOnKeyboard={false}
            inputProps={{ 'aria-hidden': true, tabIndex: -1 }}
          >
            <Stack align="center" gap={4} py="lg" style={{ pointerEvents: 'none' }} ta="center">
              <Dropzone.Accept>
                <Text fw={600}>{t('dropTitle')}</Text>
              </Dropzone.Accept>
              <Dropzone.Reject>
                <Text fw={600} c="red.9">
                  {t('rejected')}
                </Text>
              </Dropzone.Reject>
              <Dropzone.Idle>
                <Text fw={600}>{t('dropTitle')}</Text>
              </Dropzone.Idle>
              <Text size="sm" c="dimmed">
                {t('dropHint')}
              </Text>
            </Stack>
          </Dropzone>

          {rejected && (
            <Alert color="red" variant="light" role="alert">
              {t('rejected')}
            </Alert>
          )}

          <Group gap="sm" wrap="wrap">
            <Button variant="default" onClick={() => openFileDialog.current?.()} disabled={uploading}>
              {t('chooseFile')}
            </Button>
            {file && (
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} aria-live="polite">
                  {t('selectedFile', { name: file.name, size: formatBytes(file.size) })}
                </Text>
                {!uploading && <CloseButton size="sm" aria-label={t('removeFile')} onClick={() => setFile(null)} />}
              </Group>
            )}
          </Group>

          {uploading && (
            <div aria-live="polite">
              <Progress value={percent} size="lg" aria-label={t('uploadProgress')} />
              <Text size="sm" mt={6}>
                {t('uploading', { percent })}
              </Text>
            </div>
          )}

          {uploadMutation.isError && <ErrorAlert error={uploadMutation.error} />}

          <Group gap="sm">
            <Button onClick={() => void onUpload()} disabled={!file || !agencyId} loading={uploading}>
              {t('upload')}
            </Button>
            {file && !agencyId && (
              <Text size="sm" c="dimmed">
                {t('chooseAgencyFirst')}
              </Text>
            )}
          </Group>
        </Stack>
      </Card>

      {importId && <ImportStatusCard key={importId} importId={importId} timeZone={timeZone} />}

      {agencyId && (
        <ImportHistory
          key={agencyId}
          agencyId={agencyId}
          timeZone={timeZone}
          selectedId={importId}
          onSelect={(id) => update({ agencyId, importId: id })}
        />
      )}
    </Stack>
  );
}
