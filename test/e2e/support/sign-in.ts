import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DashboardPage } from '../pom/dashboard.page';
import { LoginPage } from '../pom/login.page';

/**
 * A page in a fresh 1280×900 browser context, signed in as `username` and on the dashboard. The caller closes
 * `page.context()` when done; if signing in fails the context is closed here and the error rethrown.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const login = new LoginPage(page, baseUrl);
    await login.goto();
    await login.login(username, password);
    await new DashboardPage(page).waitForLoaded();
    return page;
  } catch (error) {
    await context.close();
    throw error;
  }
}
