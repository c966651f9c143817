import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'anlan-demo-2026';
export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts');
export const artifact = (name: string): string => path.join(artifactsDir, `${name}.png`);

/** A whole-page screenshot into e2e/artifacts/ (transitions run to their end first). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(name), fullPage: true, animations: 'disabled' });
}

/** Signs in through the login page and waits to leave it. */
export async function login(page: Page, baseURL: string, username: string): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Opens an antd Select, optionally types a search, picks the option containing `text` in the open
 * dropdown, and waits for the select to show it.
 */
export async function chooseOption(page: Page, select: Locator, text: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.locator('input').fill(search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).click();
  await select.filter({ hasText: text }).waitFor();
}

/** The button of a hazard action (only rendered when the server allows it). */
export const actionButton = (page: Page, action: string): Locator => page.locator(`[data-action="${action}"]`);

/** The open dialog's confirming button. */
export const confirmButton = (page: Page): Locator => page.locator('.ant-modal [data-testid="action-confirm"]');

/** Waits until no dialog is open. */
export const dialogClosed = (page: Page): Promise<void> =>
  page.locator('.ant-modal-wrap').filter({ visible: true }).first().waitFor({ state: 'hidden' });

/**
 * Clicks a button that closes its dialog and waits for no dialog to be open. Clicks again (at most twice more) when
 * the dialog is still there after 5 s: once, in CI under load, the click on the webhook secret's OK, just after the
 * dialog opened, did nothing and the dialog stayed open for 30 s (cause not found; not seen in dozens of other runs).
 * A dialog whose button never works still fails here.
 */
export async function clickToClose(page: Page, button: Locator): Promise<void> {
  await button.click();
  for (let attempt = 1; ; attempt++) {
    if (await button.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false)) break;
    if (attempt === 3) throw new Error('the dialog did not close after three clicks');
    // It may close between the check and this click: a click that finds no button is not a failure.
    await button.click({ timeout: 2000 }).catch(() => undefined);
  }
  await dialogClosed(page);
}

/**
 * Types a day into an antd date picker (its calendar turns to that day), confirms it by clicking the
 * day, waits for the calendar to fold away, and checks it held.
 */
export async function pickDate(page: Page, input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  const calendar = page.locator('.ant-picker-dropdown').filter({ visible: true });
  await calendar.locator(`td[title="${day}"]`).click();
  await calendar.first().waitFor({ state: 'hidden' });
  const value = await input.inputValue();
  if (value !== day) throw new Error(`the date picker did not take ${day} (it shows “${value}”)`);
}

/** A district calendar day `days` from now, as typed into a date picker. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The menu's entries, in order. */
export const menuLabels = async (page: Page): Promise<string[]> =>
  (await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).map((label) => label.trim());

/** On failure, a screenshot of every page of the journey (artifacts/failure-*.png) shows where it stopped. */
export function screenshotOnFailure(onTestFailed: (handler: () => Promise<void>) => void, pages: () => Page[]): void {
  onTestFailed(async () => {
    for (const [i, page] of pages().entries()) await screenshot(page, `failure-${i}`).catch(() => undefined);
  });
}
