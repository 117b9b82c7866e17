/**
 * Decision 0042. The first Intl formatter a page creates loads the browser's locale data (ICU): 30–130 ms of the main
 * thread on a fast machine, several times that on a phone, in the middle of React's work. That data is loaded once per
 * process, so a worker can load it instead, on another core: the early script (build/route-preload.ts) starts one from
 * `/assets/intl-warm-up-<hash>.js`, whose source is this function turned into text (it uses nothing from outside its
 * body), and the page's own formatters then find the data there. The locales and options are the ones
 * shared/format.ts and i18next use.
 */
export function warmUpIntlLocaleData(scope: { close(): void }): void {
  try {
    const locales = ['id-ID', 'en-GB'];
    for (let i = 0; i < locales.length; i++) {
      new Intl.NumberFormat(locales[i], { maximumFractionDigits: 2 }).format(1.5);
      new Intl.DateTimeFormat(locales[i], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Asia/Jakarta',
      }).formatToParts(0);
      new Intl.PluralRules(locales[i]).select(1);
    }
  } finally {
    scope.close();
  }
}

/** In the early script: starts that worker, where the browser has workers (else the page loads the data itself). */
export function startIntlWarmUp(win: Window & { Worker?: typeof Worker }, url: string): void {
  try {
    if (typeof win.Worker === 'function') new win.Worker(url);
  } catch {
    // Not allowed here (a policy, a browser setting): the first formatter loads the data, as without this.
  }
}
