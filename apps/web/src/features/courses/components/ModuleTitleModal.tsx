import { useState } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { type CourseModule } from '@kompeten/shared-contracts';
import { useModuleMutations } from '../queries';
import { ModalActions } from '../../../shared/components/ModalActions';

export function ModuleTitleModal({
  module,
  courseId,
  onClose,
}: {
  module: CourseModule;
  courseId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('courses');
  const phone = useMediaQuery('(max-width: 36em)');
  const [title, setTitle] = useState(module.title);
  const { rename } = useModuleMutations(courseId);

  const save = async () => {
    if (!title.trim()) return;
    try {
      await rename.mutateAsync({ id: module.id, title: title.trim() });
      onClose();
    } catch {
      // Shown below.
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('renameModule')}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('cancel') }}
      centered
    >
      <form onSubmit={(event) => (event.preventDefault(), void save())}>
        <Stack gap="md">
          <TextInput
            label={t('moduleTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
          />
          {rename.isError && <ErrorAlert error={rename.error} />}
          <ModalActions
            onCancel={onClose}
            cancelLabel={t('cancel')}
            submitLabel={t('save')}
            loading={rename.isPending}
            disabled={!title.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}
