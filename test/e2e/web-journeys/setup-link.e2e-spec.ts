import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Employee, LoginResponse, Page as ListPage } from '@kompeten/shared-contracts';
import { DashboardPage } from '../pom/dashboard.page';
import { LoginPage } from '../pom/login.page';
import { SetupPasswordPage } from '../pom/setup-password.page';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(90_000);

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const ADMIN = 'bkpsdm@mataramkota.go.id';
const DEMO_PASSWORD = 'Kompeten#2026';
const NEW_PASSWORD = 'Perahu-Layar-7-Senggigi';
/** Named demo people other journeys sign in as: never reset them here. */
const NAMED = new Set([
  '198609262015051001',
  '199203152022011002',
  '197501012000031003',
  '197803152005012002',
  '198807212010122004',
  '198003142005011003',
]);

async function axeViolationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Issue 12: an admin resets an ASN's password and hands over a one-time link; the ASN sets their own password with it. */
describe('web: password setup link journey', () => {
  let browser: Browser;
  let victim: Employee;

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
    const login = (await (
      await fetch(`${BASE_URL}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: ADMIN, password: DEMO_PASSWORD }),
      })
    ).json()) as LoginResponse;
    const list = (await (
      await fetch(`${BASE_URL}/api/employees?pageSize=100`, {
        headers: { Authorization: `Bearer ${login.accessToken}` },
      })
    ).json()) as ListPage<Employee>;
    victim = list.items.find(
      (e) =>
        e.hasAccount &&
        !NAMED.has(e.nip) &&
        e.positionName !== 'Kepala Bidang' &&
        e.agencyName === 'Pemerintah Kota Mataram',
    ) as Employee;
    expect(victim).toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('resets from the ASN page, shows the link once, and the ASN sets a password with it, once', async () => {
    const admin = await signedInPage(browser, BASE_URL, ADMIN, DEMO_PASSWORD);
    let link = '';
    try {
      await admin.goto(`${BASE_URL}/admin/pegawai/${victim.id}`);
      await admin.getByRole('heading', { name: 'Akun masuk' }).waitFor({ state: 'visible' });
      admin.once('dialog', (dialog) => void dialog.accept());
      await admin.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
      const shown = admin.getByTestId('setup-link');
      await shown.waitFor({ state: 'visible' });
      link = ((await shown.textContent()) ?? '').trim();
      expect(link).toMatch(/\/atur-kata-sandi\/[A-Za-z0-9_-]{20,}$/);
      expect(await admin.getByRole('button', { name: 'Salin tautan' }).isVisible()).toBe(true);
      expect(await axeViolationsOn(admin)).toEqual([]);
    } finally {
      await admin.context().close();
    }

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const setup = new SetupPasswordPage(page);
      await setup.goto(BASE_URL, link);
      await page.getByText(`Tautan ini untuk ${victim.fullName}`).waitFor({ state: 'visible' });
      expect(await axeViolationsOn(page)).toEqual([]);
      // A common password is refused with the API's message, and does not use the link up.
      await setup.setPassword('Bismillah12345');
      await page.getByText('terlalu mudah ditebak').waitFor({ state: 'visible' });
      await setup.setPassword(NEW_PASSWORD);
      await setup.done.waitFor({ state: 'visible' });

      // Signing in with the new password; the account history shows the reset.
      const login = new LoginPage(page, BASE_URL);
      await login.goto();
      await login.login(victim.nip, NEW_PASSWORD);
      await new DashboardPage(page).waitForLoaded();
      await page.goto(`${BASE_URL}/profil`);
      await page.getByRole('heading', { name: 'Riwayat akun' }).waitFor({ state: 'visible' });
      await page.getByText('Kata sandi diatur ulang oleh petugas').waitFor({ state: 'visible' });

      // The link works once.
      await setup.goto(BASE_URL, link);
      await setup.invalid.waitFor({ state: 'visible' });
    } finally {
      await context.close();
    }
  });

  it('leads from the sign-in page to how to get a setup link', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await new LoginPage(page, BASE_URL).goto();
      await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
      await page.getByRole('heading', { name: 'Lupa kata sandi?' }).waitFor({ state: 'visible' });
      expect(new URL(page.url()).pathname).toBe('/lupa-kata-sandi');
      expect(await axeViolationsOn(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
