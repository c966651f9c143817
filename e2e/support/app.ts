import path from 'node:path';
import { byText, css, type Locator, type Page } from './page.js';

export const DEMO_PASSWORD = 'anlan-demo-2026';
export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts');
export const artifact = (name: string): string => path.join(artifactsDir, `${name}.png`);

/** Signs in through the login page and waits to leave it. */
export async function login(page: Page, baseURL: string, username: string): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.fill(css('#username'), username);
  await page.fill(css('#password'), DEMO_PASSWORD);
  await page.click(css('button[type=submit]'));
  await page.waitFor('location.pathname !== "/login"', `${username} signed in`);
}

/** A visible option of an open antd Select. */
const option = (text: string): Locator => byText(text, '.ant-select-item-option');

/**
 * Opens an antd Select, optionally types a search, picks the option containing `text`, and checks the
 * select now shows it; retried, since a dropdown that is still sliding open can swallow a click.
 */
export async function chooseOption(page: Page, select: Locator, text: string, search?: string): Promise<void> {
  const shown = `(${select}).innerText.includes(${JSON.stringify(text)})`;
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.click(select);
    await page.waitFor(`(${select}).contains(document.activeElement)`, 'the select to take focus', 3000).catch(() => undefined);
    if (search) {
      await page.evaluate(`document.activeElement?.select?.()`);
      await page.type(search);
    }
    try {
      await page.waitFor(option(text), `the option “${text}”`, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the dropdown's slide-in
      await page.click(option(text), 2000);
      await page.waitFor(shown, `“${text}” chosen`, 3000);
      return;
    } catch {
      await page.press('Escape');
    }
  }
  throw new Error(`could not choose “${text}”`);
}

/** The button of a hazard action (only rendered when the server allows it). */
export const actionButton = (action: string): Locator => css(`[data-action="${action}"]`);

/** The open dialog's confirming button. */
export const confirmButton: Locator = css('.ant-modal [data-testid="action-confirm"]');

/** Waits until no dialog is open. */
export const dialogClosed = (page: Page): Promise<void> =>
  page.waitFor(`![...document.querySelectorAll('.ant-modal-wrap')].some((w) => getComputedStyle(w).display !== 'none')`, 'the dialog to close');

/** Types a day into an antd date picker, confirms it, waits for its calendar to fold away, and checks it held. */
export async function pickDate(page: Page, input: Locator, day: string): Promise<void> {
  const calendarClosed = `![...document.querySelectorAll('.ant-picker-dropdown')].some((d) => !d.classList.contains('ant-picker-dropdown-hidden') && getComputedStyle(d).display !== 'none' && d.getBoundingClientRect().height > 0)`;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.click(input);
    await page.evaluate(`(${input}).select()`);
    await page.type(day);
    await page.waitFor(`(${input}).value === ${JSON.stringify(day)}`, `the picker to show ${day}`);
    await page.press('Enter');
    await page.waitFor(calendarClosed, 'the calendar to close');
    if ((await page.evaluate<string>(`(${input}).value`)) === day) return;
  }
  throw new Error(`the date picker did not take ${day}`);
}

/** A district calendar day `days` from now, as typed into a date picker. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The menu's entries, in order. */
export const menuLabels = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(`[...document.querySelectorAll('.ant-layout-sider .ant-menu-item')].map((e) => e.innerText.trim())`);

/** On failure, a screenshot of every page of the journey (artifacts/failure-*.png) shows where it stopped. */
export function screenshotOnFailure(onTestFailed: (handler: () => Promise<void>) => void, pages: () => Page[]): void {
  onTestFailed(async () => {
    for (const [i, page] of pages().entries()) await page.screenshot(artifact(`failure-${i}`)).catch(() => undefined);
  });
}
