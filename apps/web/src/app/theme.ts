import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Government teal-green. Shade 7 (primary in light mode) keeps ≥ 4.5:1 contrast with white text. */
const kompeten: MantineColorsTuple = [
  '#e6f5f0',
  '#cdeae0',
  '#9cd4c1',
  '#67bd9f',
  '#3ea983',
  '#269d73',
  '#14865f',
  '#0f7558',
  '#0a5e47',
  '#054a37',
];

export const theme = createTheme({
  primaryColor: 'kompeten',
  primaryShade: { light: 7, dark: 4 },
  colors: { kompeten },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", system-ui, -apple-system, sans-serif',
  headings: {
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
      h2: { fontSize: '1.3rem', lineHeight: '1.35' },
      h3: { fontSize: '1.1rem', lineHeight: '1.4' },
    },
  },
  components: {
    // Mantine keeps every closed Select's option list (and its ScrollArea, which measures itself) rendered but hidden;
    // a page with three filters rendered three lists nobody had opened. They are drawn when opened (decision 0027 §10).
    Combobox: { defaultProps: { keepMounted: false } },
    Table: { defaultProps: { highlightOnHover: true, verticalSpacing: 'sm' } },
    Card: { defaultProps: { withBorder: true, padding: 'lg' } },
    // A dialog's header is Mantine's <header> inside the dialog's <section role="dialog">, which assistive technology
    // (and axe: landmark-no-duplicate-banner, landmark-unique) reads as a second page banner beside the app's header.
    // It is the dialog's title bar, not a landmark. Plain objects, so that the theme pulls no dialog code into the entry.
    ModalHeader: { defaultProps: { role: 'none' } },
    DrawerHeader: { defaultProps: { role: 'none' } },
  },
});

/** Mantine's default dimmed grey (gray.6) and error red (red.6) fall below 4.5:1 on white; use darker ones. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
