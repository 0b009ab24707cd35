/** Opens a lesson from the lesson menu (`lessons-menu`), as a visitor does: open the menu, pick the entry. */
import type { Page } from 'playwright-core';

export async function pickLesson(page: Page, name: string, how: 'click' | 'tap' = 'click'): Promise<void> {
  const entry = page.getByTestId(`lesson-${name}`);
  if (!(await entry.isVisible())) await page.getByTestId('lessons-menu')[how]();
  await entry[how]();
}
