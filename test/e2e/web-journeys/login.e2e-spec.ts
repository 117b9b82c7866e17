import { axeViolations } from '../support/axe';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DashboardPage } from '../pom/dashboard.page';
import { LoginPage } from '../pom/login.page';

jest.setTimeout(60_000);

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const LEARNER_NIP = '198609262015051001';
const LEARNER_PASSWORD = 'Kompeten#2026';

describe('web: sign-in journey', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext(viewport ? { viewport } : {});
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  it('shows the API error message for a wrong password', async () => {
    const page = await newPage();
    const login = new LoginPage(page, BASE_URL);
    await login.goto();

    const response = page.waitForResponse(
      (res) => res.url().endsWith('/api/auth/login') && res.request().method() === 'POST',
    );
    await login.login(LEARNER_NIP, 'definitely-not-the-password-1');
    const res = await response;
    expect(res.status()).toBeGreaterThanOrEqual(400);
    const body = (await res.json()) as { message: string; code: string };
    expect(typeof body.message).toBe('string');

    await login.error.waitFor({ state: 'visible' });
    const text = (await login.error.textContent()) ?? '';
    expect(text).toContain(body.message);
    // Still on the sign-in page.
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('keeps the refresh token out of scripts: an HttpOnly cookie restores the session after a reload and in a second tab', async () => {
    const page = await newPage();
    const login = new LoginPage(page, BASE_URL);
    await login.goto();
    await login.login(LEARNER_NIP, LEARNER_PASSWORD);
    await new DashboardPage(page).waitForLoaded();

    const cookie = (await page.context().cookies()).find((c) => c.name === 'kompeten_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
    // No token anywhere a script can read.
    const readable = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }),
    );
    expect(readable).not.toContain(cookie?.value as string);
    expect(readable).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    // A reload and a second tab both restore the session from the cookie (refreshes serialised across tabs).
    const second = await page.context().newPage();
    await Promise.all([page.reload(), second.goto(`${BASE_URL}/`)]);
    await new DashboardPage(page).waitForLoaded();
    await new DashboardPage(second).waitForLoaded();
    // Both tabs still hold a live session afterwards: no refresh tripped reuse detection.
    await page.reload();
    await new DashboardPage(page).waitForLoaded();
  });

  it('signs in the demo learner and shows an accessible dashboard', async () => {
    const page = await newPage();
    const login = new LoginPage(page, BASE_URL);
    await login.goto();
    await login.login(LEARNER_NIP, LEARNER_PASSWORD);

    const dashboard = new DashboardPage(page);
    await dashboard.waitForLoaded();
    expect(await dashboard.heading.isVisible()).toBe(true);
    await dashboard.greeting.waitFor({ state: 'visible' });
    expect(await dashboard.greeting.textContent()).toContain('Selamat datang');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');

    expect(await axeViolations(page, 'the dashboard')).toEqual([]);
  });

  it('opens the navigation with the burger menu at 360 px', async () => {
    const page = await newPage({ width: 360, height: 740 });
    const login = new LoginPage(page, BASE_URL);
    await login.goto();
    await login.login(LEARNER_NIP, LEARNER_PASSWORD);

    const dashboard = new DashboardPage(page);
    await dashboard.waitForLoaded();
    const profileLink = dashboard.navLink('Profil');
    // Closed on a phone: the navbar is off screen and hidden (waited for: the layout settles after the first paint).
    await profileLink.waitFor({ state: 'hidden', timeout: 5000 });
    expect(await profileLink.isVisible()).toBe(false);

    await dashboard.openNavigation();
    await profileLink.waitFor({ state: 'visible' });
    expect(await dashboard.burger.getAttribute('aria-expanded')).toBe('true');
    // Wait for the slide-in to finish, then the link is fully on screen.
    await page.waitForFunction(() => {
      const nav = document.querySelector('nav#app-navbar');
      return !!nav && nav.getBoundingClientRect().left >= 0;
    });
    const box = await profileLink.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }

    // The page itself does not scroll sideways at 360 px.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  // Decision 0041: the sign-in page arrives rendered in its HTML, paints before any script, and React takes it over.
  it('paints the sign-in page from its HTML before the scripts are asked for, keeps what was typed meanwhile, and hydrates without a mismatch', async () => {
    const page = await newPage({ width: 360, height: 740 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // The entry is held back until the form has been filled in, as on a slow phone network.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const login = new LoginPage(page, BASE_URL);
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'commit' });
    await login.username.waitFor({ state: 'visible' });
    expect(await page.locator('#root[data-prerendered] form').count()).toBe(1);
    // Not yet taken over: the button waits, and Enter does not submit the bare form (no password in a URL).
    expect(await login.submit.isDisabled()).toBe(true);
    await login.username.pressSequentially(LEARNER_NIP);
    await login.password.pressSequentially(LEARNER_PASSWORD);
    await login.password.press('Enter');
    expect(page.url()).toBe(`${BASE_URL}/login`);
    // The page had painted before its entry script was requested.
    const order = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const entry = performance
        .getEntriesByType('resource')
        .find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.name))?.startTime;
      return { paint, entry: entry ?? null };
    });
    expect(order.paint).not.toBeNull();
    if (order.entry !== null) expect(order.entry).toBeGreaterThan(order.paint as number);
    // The heading node, to check that React adopts the server's markup instead of drawing the page anew.
    await page.evaluate(() => {
      (document.querySelector('#root h1') as HTMLElement & { kept?: boolean }).kept = true;
    });

    release();
    await page.waitForFunction(
      () => !(document.querySelector('#root form button[type=submit]') as HTMLButtonElement).disabled,
    );
    expect(await login.username.inputValue()).toBe(LEARNER_NIP);
    expect(await login.password.inputValue()).toBe(LEARNER_PASSWORD);
    expect(
      await page.evaluate(() => (document.querySelector('#root h1') as HTMLElement & { kept?: boolean }).kept),
    ).toBe(true);
    expect(await axeViolations(page, 'the sign-in page')).toEqual([]);
    await login.submit.click();
    await new DashboardPage(page).waitForLoaded();
    expect(problems).toEqual([]);
  });

  it('draws the sign-in page anew in English for a reader who chose English', async () => {
    const page = await newPage();
    await page.addInitScript(() => localStorage.setItem('kompeten.lang', 'en'));
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${BASE_URL}/login`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Kompeten' }).waitFor();
    expect(await page.locator('#root').getAttribute('data-prerendered')).toBeNull();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });
});
