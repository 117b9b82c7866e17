import { List, Text, Title } from '@mantine/core';
import { RichTextView } from '../../../shared/components/RichTextView';

/** A course's description (formatted rich text) and its learning objectives, as the catalog and the reviewer show them. */
export function CourseDescription({
  description,
  empty,
  objectives,
  objectivesLabel,
}: {
  /** Stored rich text (sanitised HTML, or plain text from before the editor). */
  description: string;
  /** Shown when there is no description. */
  empty?: string;
  objectives: readonly string[];
  objectivesLabel: string;
}) {
  return (
    <>
      {description.trim() ? (
        <RichTextView html={description} fz="sm" />
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {objectives.length > 0 && (
        <>
          <Title order={3} size="h4" mt="md" mb={4}>
            {objectivesLabel}
          </Title>
          <List size="sm" spacing={2}>
            {objectives.map((o, i) => (
              <List.Item key={i}>{o}</List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
