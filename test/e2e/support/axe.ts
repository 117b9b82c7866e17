import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Waits for the page's finite animations and transitions to end (a dialog fading in, a popover sliding): axe measures
 * colours as painted, and half-transparent text in mid-transition reads as low contrast. Endless ones (loaders) are
 * left running.
 */
async function settled(page: Page): Promise<void> {
  // Two frames first: a component that has just mounted starts its transition on the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** The axe-core violations of impact serious or critical on the page as it is now, logged with their targets. */
export async function seriousAxeViolations(
  page: Page,
  where: string,
): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    console.log(
      `axe violations on ${where}:\n` +
        serious
          .map(
            (v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
          )
          .join('\n'),
    );
  }
  return serious.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => n.target.join(' ')) }));
}
