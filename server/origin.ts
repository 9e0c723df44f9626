/**
 * Our pages send `Referrer-Policy: no-referrer`, so browsers post our own forms with
 * `Origin: null`. Remix 2 reads "null" as a foreign origin and refuses every form
 * posted without JavaScript (and every form in Tor Browser). Here a null origin is
 * judged by the browser's own Fetch Metadata instead: a post that the browser says
 * came from another site is refused; otherwise the meaningless header is dropped. A
 * post naming another site as its origin is refused here with a plain 403 (Remix
 * would throw, which would be a 500).
 * Staff forms also carry a session-bound CSRF token, checked in modules/auth.
 */
import type { RequestHandler } from 'express';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const refuse: RequestHandler = (_req, res) => {
  res.status(403).type('text/plain').send('This form was sent from another website, so it was not accepted.');
};

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const formOriginGuard: RequestHandler = (req, res, next) => {
  if (!UNSAFE.has(req.method) || !req.headers.origin) return next();
  // A named foreign origin: Remix would throw (a 500); we answer with a plain refusal.
  const forwarded = req.app.enabled('trust proxy') ? req.headers['x-forwarded-host'] : undefined;
  const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : undefined) ?? req.headers.host;
  if (req.headers.origin !== 'null') return sameHost(req.headers.origin, host) ? next() : refuse(req, res, next);
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return refuse(req, res, next);
  delete req.headers.origin;
  next();
};
