/**
 * Our pages send `Referrer-Policy: no-referrer`, so browsers post our own forms with
 * `Origin: null`. Remix 2 reads "null" as a foreign origin and refuses every form
 * posted without JavaScript (and every form in Tor Browser). Here a null origin is
 * judged by the browser's own Fetch Metadata instead, and so is every post: one that
 * the browser says came from another site (or a sibling site) is refused, whatever its
 * Origin says; otherwise a null Origin, which means nothing, is dropped. A
 * post naming another site as its origin is refused here with a plain 403 (Remix
 * would throw, which would be a 500).
 * Staff forms also carry a session-bound CSRF token, checked in modules/auth.
 */
import type { RequestHandler } from 'express';
import { csrfProblem } from '../modules/auth/csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const refuse: RequestHandler = (_req, res) => {
  res.status(403).type('text/plain').send('This form was sent from another website, so it was not accepted.');
};

export const formOriginGuard: RequestHandler = (req, res, next) => {
  if (!UNSAFE.has(req.method)) return next();
  const forwarded = req.app.enabled('trust proxy') ? req.headers['x-forwarded-host'] : undefined;
  const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : undefined) ?? req.headers.host ?? null;
  const site = req.headers['sec-fetch-site'];
  // The staff forms' rule, less the session token, for every form on the site.
  const problem = csrfProblem(
    { method: req.method, origin: req.headers.origin ?? null, secFetchSite: typeof site === 'string' ? site : null, host, submittedToken: null, sessionToken: null },
    { sessionless: true },
  );
  if (problem) return refuse(req, res, next);
  // "null" is what no-referrer makes of our own forms, and Fetch Metadata has judged the
  // post already; Remix would read it as a foreign origin.
  if (req.headers.origin === 'null') delete req.headers.origin;
  next();
};
