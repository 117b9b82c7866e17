import { List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A course's description and its learning objectives, as the catalog and the reviewer show them. */
export function CourseDescription({
  description,
  objectives,
  objectivesLabel,
}: {
  description: ReactNode;
  objectives: readonly string[];
  objectivesLabel: string;
}) {
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {description}
      </Text>
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
