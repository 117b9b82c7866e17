/**
 * YouTube's and Vimeo's own players for video lessons given as links, through their player APIs (the IFrame Player
 * API, https://developers.google.com/youtube/iframe_api_reference, and the Vimeo Player SDK,
 * https://developer.vimeo.com/player/sdk), loaded from their script URLs on first use (the API's CSP allows exactly
 * those, apps/api/src/http/security-headers.ts). Only what the player page uses: the playhead, the duration, and
 * play/pause/end events, so the seconds actually played can be counted (watched.ts).
 */

export type EmbeddedProvider = 'youtube' | 'vimeo';

export interface EmbeddedPlayerEvents {
  onReady: () => void;
  onPlay: () => void;
  /** Paused, buffering or stopped. */
  onPause: () => void;
  onEnded: () => void;
  onError: () => void;
}

export interface EmbeddedPlayer {
  currentTime(): Promise<number>;
  /** Seconds; 0 until the player knows it. */
  duration(): Promise<number>;
  destroy(): void;
}

interface YouTubePlayer {
  getCurrentTime(): number;
  getDuration(): number;
  destroy(): void;
}

interface YouTubeNamespace {
  Player: new (
    element: HTMLElement,
    options: {
      events?: {
        onReady?: () => void;
        onStateChange?: (event: { data: number }) => void;
        onError?: (event: { data: number }) => void;
      };
    },
  ) => YouTubePlayer;
  PlayerState: { ENDED: number; PLAYING: number; PAUSED: number; BUFFERING: number };
}

interface VimeoPlayer {
  on(event: 'play' | 'pause' | 'ended' | 'error' | 'loaded', callback: () => void): void;
  ready(): Promise<void>;
  getCurrentTime(): Promise<number>;
  getDuration(): Promise<number>;
  destroy(): Promise<void>;
}

interface VimeoNamespace {
  Player: new (element: HTMLIFrameElement) => VimeoPlayer;
}

declare global {
  interface Window {
    YT?: YouTubeNamespace;
    onYouTubeIframeAPIReady?: () => void;
    Vimeo?: VimeoNamespace;
  }
}

export const YOUTUBE_API_URL = 'https://www.youtube.com/iframe_api';
export const VIMEO_API_URL = 'https://player.vimeo.com/api/player.js';
const LOAD_TIMEOUT_MS = 15_000;

let youtubeApi: Promise<YouTubeNamespace> | null = null;
let vimeoApi: Promise<VimeoNamespace> | null = null;

function addScript(src: string, onError: () => void): void {
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  script.onerror = onError;
  document.head.appendChild(script);
}

/** The YouTube IFrame Player API, once per page: its script calls `window.onYouTubeIframeAPIReady` when ready. */
function loadYouTube(): Promise<YouTubeNamespace> {
  if (window.YT?.Player) return Promise.resolve(window.YT);
  youtubeApi ??= new Promise<YouTubeNamespace>((resolve, reject) => {
    const fail = () => {
      youtubeApi = null;
      reject(new Error('YouTube IFrame Player API unavailable'));
    };
    const timer = window.setTimeout(fail, LOAD_TIMEOUT_MS);
    const previous = window.onYouTubeIframeAPIReady;
    window.onYouTubeIframeAPIReady = () => {
      previous?.();
      window.clearTimeout(timer);
      if (window.YT?.Player) resolve(window.YT);
      else fail();
    };
    addScript(YOUTUBE_API_URL, () => {
      window.clearTimeout(timer);
      fail();
    });
  });
  return youtubeApi;
}

function loadVimeo(): Promise<VimeoNamespace> {
  if (window.Vimeo?.Player) return Promise.resolve(window.Vimeo);
  vimeoApi ??= new Promise<VimeoNamespace>((resolve, reject) => {
    const fail = () => {
      vimeoApi = null;
      reject(new Error('Vimeo Player SDK unavailable'));
    };
    const timer = window.setTimeout(fail, LOAD_TIMEOUT_MS);
    const script = document.createElement('script');
    script.src = VIMEO_API_URL;
    script.async = true;
    script.onload = () => {
      window.clearTimeout(timer);
      if (window.Vimeo?.Player) resolve(window.Vimeo);
      else fail();
    };
    script.onerror = () => {
      window.clearTimeout(timer);
      fail();
    };
    document.head.appendChild(script);
  });
  return vimeoApi;
}

/** Attaches the provider's player API to an iframe already showing its player (`embedUrl` in shared-util). */
export async function attachPlayer(
  provider: EmbeddedProvider,
  iframe: HTMLIFrameElement,
  events: EmbeddedPlayerEvents,
): Promise<EmbeddedPlayer> {
  if (provider === 'youtube') {
    const YT = await loadYouTube();
    const player = new YT.Player(iframe, {
      events: {
        onReady: events.onReady,
        onStateChange: ({ data }) => {
          if (data === YT.PlayerState.PLAYING) events.onPlay();
          else if (data === YT.PlayerState.ENDED) events.onEnded();
          else if (data === YT.PlayerState.PAUSED || data === YT.PlayerState.BUFFERING) events.onPause();
        },
        onError: events.onError,
      },
    });
    return {
      currentTime: async () => Number(player.getCurrentTime?.() ?? 0),
      duration: async () => Number(player.getDuration?.() ?? 0),
      destroy: () => player.destroy?.(),
    };
  }
  const Vimeo = await loadVimeo();
  const player = new Vimeo.Player(iframe);
  player.on('play', events.onPlay);
  player.on('pause', events.onPause);
  player.on('ended', events.onEnded);
  player.on('error', events.onError);
  void player.ready().then(events.onReady, events.onError);
  return {
    currentTime: () => player.getCurrentTime(),
    duration: () => player.getDuration(),
    destroy: () => void player.destroy().catch(() => undefined),
  };
}
