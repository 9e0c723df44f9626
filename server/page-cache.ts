/**
 * Anonymous pages that are the same for everyone (content, contents lists, the home
 * page) are rendered once and then served from memory. A route opts in with
 * `export const handle = { pageCache: true }`. Only plain GETs are cached: no query
 * string, no Remix data request, only a 200. Each response still gets its own CSP
 * nonce: the page is stored with a placeholder that is replaced on the way out.
 */
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler } from '@remix-run/node';
import type { RequestHandler } from 'express';

const NONCE_PLACEHOLDER = '__CSP_NONCE_PLACEHOLDER__';

interface CachedPage {
  body: string;
  contentType: string;
}

export interface PageCacheOptions {
  build: ServerBuild;
  nameRoute: (pathname: string) => string;
  loadContext: Pick<AppLoadContext, 'db' | 'logger' | 'resumeCodec'>;
  maxEntries?: number;
}

export function pageCache(options: PageCacheOptions): RequestHandler {
  const { build, nameRoute, loadContext, maxEntries = 2_000 } = options;
  const render = createRequestHandler(build, 'production');
  const pages = new Map<string, CachedPage>();
  const pending = new Map<string, Promise<CachedPage | null>>();

  const cacheable = (pathname: string) => {
    const route = build.routes[nameRoute(pathname)];
    return Boolean((route?.module as { handle?: { pageCache?: boolean } } | undefined)?.handle?.pageCache);
  };

  const renderOnce = (pathname: string, origin: string): Promise<CachedPage | null> => {
    const inFlight = pending.get(pathname);
    if (inFlight) return inFlight;
    const promise = (async () => {
      const response = await render(new Request(new URL(pathname, origin)), { ...loadContext, cspNonce: NONCE_PLACEHOLDER });
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || !contentType.startsWith('text/html')) {
        await response.body?.cancel();
        return null;
      }
      const page = { body: await response.text(), contentType };
      if (pages.size >= maxEntries) pages.clear();
      pages.set(pathname, page);
      return page;
    })().finally(() => pending.delete(pathname));
    pending.set(pathname, promise);
    return promise;
  };

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.originalUrl !== req.path || !cacheable(req.path)) return next();
    const send = (page: CachedPage) => {
      res.status(200).setHeader('Content-Type', page.contentType);
      res.end(req.method === 'HEAD' ? undefined : page.body.replaceAll(NONCE_PLACEHOLDER, res.locals.cspNonce as string));
    };
    const known = pages.get(req.path);
    if (known) return send(known);
    renderOnce(req.path, `http://${req.headers.host ?? 'localhost'}`).then(
      (page) => (page ? send(page) : next()),
      (error: unknown) => next(error),
    );
  };
}
