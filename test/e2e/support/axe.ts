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

/**
 * Every axe-core violation on the page as it is now, whatever its impact (issue 15: 0 violations on every page the
 * journeys visit), logged with their targets.
 */
export async function axeViolations(
  page: Page,
  where: string,
): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations;
  if (found.length > 0) {
    console.log(
      `axe violations on ${where}:\n` +
        found
          .map(
            (v) =>
              `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes
                .map((n) => {
                  const related = [...n.any, ...n.all, ...n.none].flatMap((c) => c.relatedNodes ?? []);
                  return `${n.target.join(' ')} ${n.html.slice(0, 160)}${related.length ? `\n      related: ${related.map((r) => `${r.target.join(' ')} ${r.html.slice(0, 120)}`).join('; ')}` : ''}`;
                })
                .join('\n    ')}`,
          )
          .join('\n'),
    );
  }
  return found.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => n.target.join(' ')) }));
}
