/**
 * Decision 0041. Runs in the browser as part of the early script (build/route-preload.ts): turned into text with
 * toString(), so it uses nothing from outside its own body. A prerendered page arrives drawn in its HTML, and its
 * JavaScript is only needed to take it over (hydration), so the API parks the head's module script and module preloads in
 * `<template data-after-paint>`. This adds copies of them to the head (a script cloned from a template would not run) once
 * the browser has painted the page — at once where the paint timing is not observable, and after `maxWaitMs` at the
 * latest (a tab opened in the background paints only when shown), after calling `onStart`. Nothing happens on a page
 * without the template.
 */
export function loadAfterFirstPaint(
  win: Window,
  doc: Document,
  attribute: string,
  maxWaitMs: number,
  heldClicksKey: string,
  onStart: () => void,
): void {
  const template = doc.querySelector<HTMLTemplateElement>(`template[${attribute}]`);
  if (!template) {
    // An async script may run before the parser reached the template: look again once the document is parsed.
    if (doc.readyState === 'loading')
      doc.addEventListener(
        'DOMContentLoaded',
        () => loadAfterFirstPaint(win, doc, attribute, maxWaitMs, heldClicksKey, onStart),
        {
          once: true,
        },
      );
    return;
  }
  // A button pressed before React has taken the page over would do nothing (or submit a bare form): the press is held
  // (the last one) and the app presses it again once the page is live (app/HeldClicks.tsx). Links are left alone: a
  // link followed before then simply loads its page.
  const held: Element[] = [];
  const hold = (event: Event) => {
    const target = event.target as Element | null;
    const control =
      target && target.closest
        ? target.closest(
            'button, [role="button"], [role="tab"], [role="switch"], [role="menuitem"], [role="checkbox"], input[type="checkbox"], input[type="radio"], summary',
          )
        : null;
    if (!control) return;
    event.preventDefault();
    held.length = 0;
    held.push(control);
  };
  doc.addEventListener('click', hold, true);
  (win as unknown as Record<string, { take(): Element[] }>)[heldClicksKey] = {
    take() {
      doc.removeEventListener('click', hold, true);
      return held.splice(0);
    },
  };
  let started = false;
  const add = (original: Element) => {
    const copy = doc.createElement(original.tagName.toLowerCase());
    for (const attr of Array.prototype.slice.call(original.attributes) as Attr[])
      copy.setAttribute(attr.name, attr.value);
    doc.head.appendChild(copy);
  };
  // The preloads one per task, then the module script: each added link costs the main thread a few milliseconds (its
  // request, and compiling the module when it arrives), so no task of a phone's main thread grows long (decision 0042:
  // four per task made tasks of 15–35 ms on a fast machine, 60–140 ms on a phone). The script comes last so that the
  // app finds every link in place when it loads the page's route (Vite's loader adds, all in one task, the links it
  // does not find).
  const start = () => {
    if (started) return;
    started = true;
    onStart();
    const elements = Array.prototype.slice.call(template.content.children) as Element[];
    template.remove();
    const queue = elements
      .filter((el) => el.tagName !== 'SCRIPT')
      .concat(elements.filter((el) => el.tagName === 'SCRIPT'));
    const next = () => {
      const element = queue.shift();
      if (element) add(element);
      if (queue.length) win.setTimeout(next, 0);
    };
    next();
  };
  // A task after the paint, not in the paint's frame.
  const afterPaint = () => win.setTimeout(start, 0);
  const Observer = (win as Window & { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  const types: readonly string[] = (Observer && Observer.supportedEntryTypes) || [];
  if (!Observer || types.indexOf('paint') < 0) {
    start();
    return;
  }
  if (win.performance.getEntriesByType('paint').length) {
    afterPaint();
    return;
  }
  const observer = new Observer(() => {
    observer.disconnect();
    afterPaint();
  });
  observer.observe({ type: 'paint' });
  win.setTimeout(() => {
    observer.disconnect();
    start();
  }, maxWaitMs);
}
