import type { ReactNode } from 'react';
import { Container, Group, Paper, Text } from '@mantine/core';
import { LanguageSwitcher } from '../../../shared/layout/LanguageSwitcher';
import classes from './LoginPage.module.css';

/** The frame of the public pages (sign-in, setup link, forgotten password). */
export function PublicShell({ children, width = 460 }: { children: ReactNode; width?: number }) {
  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Group justify="space-between" px="md" h={56} wrap="nowrap">
          <Text className={classes.brand}>Kompeten</Text>
          <LanguageSwitcher />
        </Group>
      </header>
      <Container size={width} px="md" py={{ base: 'lg', sm: 48 }} component="main">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </Container>
    </div>
  );
}
