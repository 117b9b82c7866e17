import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

/**
 * A STAND-IN FOR TESTS ONLY — not YouTube, and not its IFrame Player API.
 *
 * Browser tests run without internet, so a video lesson given as a YouTube link could not load YouTube's player. This
 * serves, from the test itself (Playwright routing), a small local replacement for the two YouTube addresses the web
 * uses:
 * - `https://www.youtube.com/iframe_api` — a script defining `window.YT` with the subset of `YT.Player` the web's
 *   player uses (apps/web/src/features/learning/video-players.ts): the constructor on an existing iframe with
 *   `events.onReady` / `onStateChange`, `getCurrentTime()`, `getDuration()`, `playVideo()`, `pauseVideo()`,
 *   `destroy()`, and `YT.PlayerState`; it calls `window.onYouTubeIframeAPIReady()` once loaded, as the real one does;
 * - `https://www.youtube.com/embed/<id>` — the player page inside the iframe: a "Play" and a "Pause" button that tell
 *   the parent page's `YT.Player` to play or pause (postMessage, as the real player talks to its API).
 * Playback runs in real time on the page's clock over a short `durationSeconds`, so a test "watches" a whole video in
 * a few seconds and the server's "no faster than it plays" bound (docs/learning.md) is met honestly.
 */
export interface YouTubeStandIn {
  /** The player page inside the lesson's iframe. */
  frame(page: Page, iframeTitle: string): FrameLocator;
}

function apiScript(durationSeconds: number): string {
  return `/* Kompeten browser tests: a stand-in for the YouTube IFrame Player API (tests only). */
(function () {
  var PlayerState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
  function Player(element, options) {
    var iframe = typeof element === 'string' ? document.getElementById(element) : element;
    var events = (options && options.events) || {};
    var self = this;
    var duration = ${durationSeconds};
    var time = 0;
    var state = PlayerState.UNSTARTED;
    var timer = null;
    var startedAt = 0;
    var startTime = 0;
    function setState(next) {
      state = next;
      if (events.onStateChange) events.onStateChange({ target: self, data: next });
    }
    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
    }
    function tick() {
      time = Math.min(duration, startTime + (Date.now() - startedAt) / 1000);
      if (time >= duration && state === PlayerState.PLAYING) {
        stop();
        setState(PlayerState.ENDED);
      }
    }
    function play() {
      if (state === PlayerState.PLAYING) return;
      if (time >= duration) time = 0;
      startedAt = Date.now();
      startTime = time;
      timer = setInterval(tick, 100);
      setState(PlayerState.PLAYING);
    }
    function pause() {
      if (state !== PlayerState.PLAYING) return;
      tick();
      stop();
      setState(PlayerState.PAUSED);
    }
    function onMessage(event) {
      if (!iframe || event.source !== iframe.contentWindow || !event.data) return;
      if (event.data.standIn === 'play') play();
      if (event.data.standIn === 'pause') pause();
    }
    window.addEventListener('message', onMessage);
    this.getCurrentTime = function () {
      if (state === PlayerState.PLAYING) tick();
      return time;
    };
    this.getDuration = function () { return duration; };
    this.getPlayerState = function () { return state; };
    this.playVideo = play;
    this.pauseVideo = pause;
    this.destroy = function () {
      stop();
      window.removeEventListener('message', onMessage);
    };
    setTimeout(function () { if (events.onReady) events.onReady({ target: self }); }, 0);
  }
  window.YT = { Player: Player, PlayerState: PlayerState, loaded: 1 };
  setTimeout(function () { if (window.onYouTubeIframeAPIReady) window.onYouTubeIframeAPIReady(); }, 0);
})();`;
}

const EMBED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>YouTube stand-in (tests only)</title>
<style>body{margin:0;font:16px sans-serif;background:#111;color:#fff;display:flex;gap:12px;align-items:center;justify-content:center;height:100vh}
button{font:inherit;padding:8px 16px;background:#fff;color:#111;border:0;border-radius:4px}</style></head>
<body><div><p>Stand-in player for browser tests</p>
<button type="button" onclick="parent.postMessage({standIn:'play'},'*')">Play</button>
<button type="button" onclick="parent.postMessage({standIn:'pause'},'*')">Pause</button></div></body></html>`;

/** Routes YouTube's API script and player pages of every page of `context` to the stand-in above. */
export async function serveYouTubeStandIn(
  context: BrowserContext,
  { durationSeconds }: { durationSeconds: number },
): Promise<YouTubeStandIn> {
  await context.route('https://www.youtube.com/iframe_api', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: apiScript(durationSeconds) }),
  );
  await context.route('https://www.youtube.com/embed/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EMBED_PAGE }),
  );
  return { frame: (page, iframeTitle) => page.frameLocator(`iframe[title="${iframeTitle}"]`) };
}
