import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, BASE_URL, PASSWORD, publishTextCourse, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { LoginPage } from '../pom/login.page';
import { DashboardPage } from '../pom/dashboard.page';

jest.setTimeout(120_000);

// Decision 0041: the catalog, a catalog course and a lesson arrive drawn in their HTML for the signed-in learner, paint
// before any script, and React takes them over without drawing them again.
const WIDYAISWARA = '197803152005012002';
const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '199004172019032005'; // Kabupaten Kendal: a national course reaches them
const TITLE = `Etika Digital ASN ${Date.now().toString(36)}`;
const LESSON_TITLE = 'Pengantar etika & privasi';

describe('web: pages rendered on the server', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';
  let lessonPath = '';

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    courseId = await publishTextCourse({
      author: WIDYAISWARA,
      publisher: PROVINCE_ADMIN,
      title: TITLE,
      description: '<p>Menjaga <strong>data pribadi</strong> &amp; sopan santun</p><ul><li>di media sosial</li></ul>',
      jp: 2,
      visibility: 'national',
      lessonTitle: LESSON_TITLE,
      lessonHtml: '<h2>Privasi</h2><p>Jangan bagikan <a href="https://bssn.go.id">kata sandi</a>.</p>',
    });
    const learner = await tokenOf(LEARNER);
    const enrolment = await api<{ id: string }>(`/courses/${courseId}/enrolments`, {
      token: learner,
      method: 'POST',
      body: {},
    });
    const detail = await api<{ modules: Array<{ lessons: Array<{ id: string }> }> }>(`/enrolments/${enrolment.id}`, {
      token: learner,
    });
    const lesson = detail.modules[0].lessons[0];
    lessonPath = `/belajar/${enrolment.id}/${lesson.id}`;
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const login = new LoginPage(page, BASE_URL);
    await login.goto();
    await login.login(LEARNER, PASSWORD);
    await new DashboardPage(page).waitForLoaded();
    return page;
  }

  const pages = () => [
    { path: '/katalog', heading: 'Katalog', text: TITLE },
    { path: `/katalog/${courseId}`, heading: TITLE, text: 'data pribadi' },
    { path: lessonPath, heading: LESSON_TITLE, text: 'Jangan bagikan' },
  ];

  it("sends each page drawn for the signed-in learner, theirs alone and without a token; nobody else's request gets it", async () => {
    const page = await signedIn(1280);
    for (const { path, heading, text } of pages()) {
      const res = await page.request.get(`${BASE_URL}${path}`, { headers: { Accept: 'text/html' } });
      expect(res.status()).toBe(200);
      expect(res.headers()['cache-control']).toBe('private, no-store');
      const html = await res.text();
      const root = html.slice(html.indexOf('<div id="root"'), html.indexOf('<script type="application/json"'));
      expect(root).toContain('data-prerendered');
      expect(root).toContain(heading.replace(/&/g, '&amp;'));
      expect(root).toContain(text);
      expect(html).toContain('<script type="application/json" id="kompeten-ssr-state">');
      // No access token and no refresh token anywhere in the page.
      expect(html).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      const refresh = (await page.context().cookies()).find((c) => c.name === 'kompeten_refresh')?.value;
      expect(refresh).toBeTruthy();
      expect(html).not.toContain(refresh as string);
    }
    // At desktop width the catalog shows its filters (native pickers) unfolded, and stays accessible.
    await page.goto(`${BASE_URL}/katalog`);
    await page.getByLabel('Jenis kompetensi').waitFor();
    expect(await page.locator('#catalog-filters').isVisible()).toBe(true);
    expect(await page.locator('[aria-controls="catalog-filters"]').isVisible()).toBe(false);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('#root h1') ?? {}).some((k) => k.startsWith('__reactFiber')),
    );
    await page.getByLabel('JP minimal').fill('2x');
    await page.waitForURL(/jpMin=2(&|$)/);
    // Only the digits are kept.
    await page.waitForFunction(
      () => (document.querySelector('input[inputmode="numeric"]') as HTMLInputElement | null)?.value === '2',
    );
    expect(await axeViolations(page, '/katalog at 1280 px')).toEqual([]);
    // Signed out: the same addresses answer the empty shell.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/login/);
    for (const { path } of pages()) {
      const res = await page.request.get(`${BASE_URL}${path}`, { headers: { Accept: 'text/html' } });
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain('kompeten-ssr-state');
      expect(html).not.toContain(TITLE);
    }
  });

  it('paints each page before its scripts are requested, then React adopts it: no mismatch, and the page works', async () => {
    const page = await signedIn(360);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    for (const { path, heading } of pages()) {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${BASE_URL}${path}`, { waitUntil: 'commit' });
      const title = page.getByRole('heading', { level: 1, name: heading });
      await title.waitFor();
      // Drawn and painted from the HTML alone: the entry has not even been asked for yet.
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const order = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        entry:
          performance.getEntriesByType('resource').find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.name))?.startTime ??
          null,
      }));
      expect(order.paint).not.toBeNull();
      if (order.entry !== null) expect(order.entry).toBeGreaterThan(order.paint as number);
      await page.evaluate(() => {
        (document.querySelector('#root h1') as HTMLElement & { kept?: boolean }).kept = true;
      });
      // The rich text (the course's description, the lesson's text): its nodes too, once React has taken over and
      // re-rendered the page (React 19 compares dangerouslySetInnerHTML by identity; a new object per render set
      // innerHTML again, re-parsing the text and dropping the pictures loaded into it).
      const richText = await page.evaluate(() => {
        const nodes = [...document.querySelectorAll('#root .mantine-Typography-root > div > :first-child')];
        for (const node of nodes) (node as Element & { kept?: boolean }).kept = true;
        return nodes.length;
      });
      if (path !== '/katalog') expect(richText).toBeGreaterThan(0);
      // Mantine's ids and responsive <style> elements likewise stay as the server drew them (decision 0042): its useId
      // used to switch every id to a random one after mount, and its styles' text was set again on each render.
      const serverIds = await page.evaluate(() =>
        [...document.querySelectorAll('#root [id^="mantine-"]')].map((element) => element.id),
      );
      expect(serverIds.length).toBeGreaterThan(0);
      const inlineStyles = await page.evaluate(() => {
        const texts = [...document.querySelectorAll('#root style[data-mantine-styles="inline"]')].map(
          (s) => s.firstChild,
        );
        for (const text of texts) if (text) (text as ChildNode & { kept?: boolean }).kept = true;
        return texts.length;
      });
      // A button pressed before React takes the page over is pressed again once it has (the catalog's filter toggle).
      const toggle = page.locator('[aria-controls="catalog-filters"]');
      if (path === '/katalog') {
        expect(await page.locator('#catalog-filters').isVisible()).toBe(false);
        await toggle.click();
      }
      release();
      // React has taken the heading over (its fiber is on the node) and kept the server's node.
      await page.waitForFunction(() =>
        Object.keys(document.querySelector('#root h1') ?? {}).some((k) => k.startsWith('__reactFiber')),
      );
      expect(
        await page.evaluate(() => (document.querySelector('#root h1') as HTMLElement & { kept?: boolean }).kept),
      ).toBe(true);
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(
          () =>
            [...document.querySelectorAll('#root .mantine-Typography-root > div > :first-child')].filter(
              (node) => (node as Element & { kept?: boolean }).kept,
            ).length,
        ),
      ).toBe(richText);
      expect(await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), serverIds)).toEqual([]);
      expect(
        await page.evaluate(
          () =>
            [...document.querySelectorAll('#root style[data-mantine-styles="inline"]')].filter(
              (s) => (s.firstChild as (ChildNode & { kept?: boolean }) | null)?.kept,
            ).length,
        ),
      ).toBe(inlineStyles);
      if (path === '/katalog') {
        await page.locator('#catalog-filters').waitFor({ state: 'visible' });
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect(await toggle.textContent()).toBe('Sembunyikan filter');
      }
      expect(await axeViolations(page, path)).toEqual([]);
      await page.unroute(/\/assets\/index-[\w-]+\.js$/);
    }
    // The last page (the lesson) works: the navigation leads to the catalog, drawn in the browser.
    await page.getByRole('button', { name: 'Buka navigasi' }).click();
    await page.getByRole('link', { name: 'Katalog', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/katalog`);
    expect(problems).toEqual([]);
  });
});
