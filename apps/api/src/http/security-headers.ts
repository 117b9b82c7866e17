import type { NextFunction, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';
import type { AppConfig } from '@kompeten/server-core';

/**
 * Browser features the app may use. The camera stays available to our own pages (QR codes are scanned with it);
 * everything else that reaches the person's device or location is off.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/**
 * Video lessons given as YouTube or Vimeo links play in those services' own players (docs/learning.md, "Video
 * lessons"): their player frames, and the player API scripts the web loads to count the seconds actually watched.
 */
export const VIDEO_PLAYER_SCRIPTS = [
  'https://www.youtube.com/iframe_api',
  'https://www.youtube.com/s/player/',
  'https://player.vimeo.com/api/player.js',
];
export const VIDEO_PLAYER_FRAMES = [
  'https://www.youtube.com',
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
];

/** Helmet for the API and the web shell; HSTS only when the public address is https (else it would pin plain http dev hosts). */
export function helmetOptions(config: Pick<AppConfig, 'publicUrl'>): HelmetOptions {
  return {
    strictTransportSecurity: config.publicUrl.startsWith('https://')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...VIDEO_PLAYER_SCRIPTS],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // Protected course files reach the player as blob: URLs (fetched with the access token); external videos play from https.
        mediaSrc: ["'self'", 'blob:', 'https:'],
        objectSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:', ...VIDEO_PLAYER_FRAMES],
        upgradeInsecureRequests: null,
      },
    },
  };
}

/**
 * Every response carries the Permissions-Policy. API answers hold personal data, so by default no cache may keep
 * them (a shared office computer, a proxy); a route that deliberately allows private caching sets its own
 * Cache-Control, which replaces this one. The API is same-origin only (no CORS): an OPTIONS request, e.g. a
 * cross-origin preflight, gets 204 and no Access-Control-Allow-* headers, so the browser goes no further.
 */
export function apiResponseHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  if (req.path !== '/api' && !req.path.startsWith('/api/')) return next();
  res.setHeader('Cache-Control', 'no-store');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}
