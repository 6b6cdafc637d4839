/** axe-core on the page as it is now, its violations as readable lines ('' when none). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function axeViolations(page: Page): Promise<string> {
  // Legacy mode runs axe in the page itself, as the accessibility suite does.
  const { violations, passes } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  if (passes.length < 10) return `axe ran only ${passes.length} rules on ${page.url()}`;
  return violations.map((violation) => `${page.url()}: ${violation.id} (${violation.impact}): ${violation.help}: ${
    violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`).join('\n');
}
