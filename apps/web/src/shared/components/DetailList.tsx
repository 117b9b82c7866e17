import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import classes from './DetailList.module.css';

/** A <dl> laid out as a responsive grid; children are <Field>s (div > dt + dd, valid inside a dl). */
export function DetailList({ children, columns = 2 }: { children: ReactNode; columns?: 1 | 2 | 3 }) {
  return (
    <dl className={classes.list} data-columns={columns}>
      {children}
    </dl>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.field}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={500} className={classes.value}>
        {children}
      </Text>
    </div>
  );
}
