import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm clinical teal. Shade 7 (the primary shade) carries white text at 5.3:1, and shade 9 on
 * shade 1 (light variants) at 7.1:1, so buttons and badges pass WCAG AA.
 */
const clinic: MantineColorsTuple = [
  '#e7f5f7',
  '#cde9ee',
  '#9dd3dd',
  '#69bccb',
  '#3fa8bb',
  '#2499ae',
  '#128aa0',
  '#0b7689',
  '#08667a',
  '#03505f',
];

/** Mantine's orange and green with a darker shade 9, so their text and light badges pass AA too. */
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#f76707',
  '#e8590c',
  '#9c4a00',
];
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#2f9e44',
  '#1f6f33',
];

export const theme = createTheme({
  primaryColor: 'clinic',
  colors: { clinic, orange, green },
  primaryShade: { light: 7, dark: 5 },
  // Filled components pick black or white text by WCAG luminance, whichever contrasts more.
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, shadow: 'xs', radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // The default grey description is below AA contrast on white.
    // A toast's close button is named for screen readers too (axe: button-name).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
    Fieldset: { styles: { legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } } },
    // Every dialog's close button is named for screen readers (axe: button-name).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/** Mantine's default dimmed and error greys/reds are too light for AA text contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-body': '#ffffff',
  },
  dark: {},
});
