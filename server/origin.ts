/**
 * Our pages send `Referrer-Policy: no-referrer`, so browsers post our own forms with
 * `Origin: null`. Remix 2 reads "null" as a foreign origin and refuses every form
 * posted without JavaScript (and every form in Tor Browser). Here a null origin is
 * judged by the browser's own Fetch Metadata instead: a post that the browser says
 * came from another site is refused; otherwise the meaningless header is dropped.
 * Staff forms also carry a session-bound CSRF token, checked in modules/auth.
 */
import type { RequestHandler } from 'express';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const nullOriginGuard: RequestHandler = (req, res, next) => {
  if (!UNSAFE.has(req.method) || req.headers.origin !== 'null') return next();
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') {
    res.status(403).type('text/plain').send('This form was sent from another website, so it was not accepted.');
    return;
  }
  delete req.headers.origin;
  next();
};
