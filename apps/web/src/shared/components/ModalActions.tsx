import { Button, Group } from '@mantine/core';

/** The bottom row of a form in a modal: cancel (closes) and the submit button. */
export function ModalActions({
  onCancel,
  cancelLabel,
  submitLabel,
  loading,
  disabled,
}: {
  onCancel: () => void;
  cancelLabel: string;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
