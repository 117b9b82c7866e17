/**
 * Text colours for warnings on white and on light orange/red badges. Mantine's orange.9 (#d9480f) stays below the
 * 4.5:1 contrast WCAG asks for; these darker shades pass on both backgrounds.
 */
export const WARNING_TEXT = '#8f3500';
export const DANGER_TEXT = '#a51111';
