/**
 * Anonymous pages that are the same for everyone (content, contents lists, check
 * start pages, the home page) are rendered once and then served as fixed bytes.
 * A route opts in with `export const handle = { pageCache: true }`.
 *
 * The first request goes through Express as usual (so every security header is set
 * by the same code) and renders through Remix. Its inline scripts are identical for
 * every visitor, so the stored copy allows them by SHA-256 hash in its
 * Content-Security-Policy instead of by nonce: just as strict, and it makes the page
 * fixed bytes that can be compressed once. After that, `serve` answers from memory
 * before Express is reached. Only plain GETs are cached: no query string, no Remix
 * data request, only a 200 HTML page.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler } from '@remix-run/node';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const NONCE_PLACEHOLDER = 'CSPNONCEPLACEHOLDER';

interface CachedPage {
  route: string;
  headers: OutgoingHttpHeaders;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

export interface PageCacheOptions {
  build: ServerBuild;
  nameRoute: (pathname: string) => string;
  loadContext: Pick<AppLoadContext, 'db' | 'logger' | 'resumeCodec' | 'clientAddress' | 'mailTransportKind'>;
  logger: Logger;
  maxEntries?: number;
}

export interface PageCache {
  /** Answers a request from memory if it can; returns false to let Express handle it. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Express middleware that renders and stores a cacheable page on its first request. */
  fill: RequestHandler;
}

/** Swaps the nonce for hashes of the page's inline scripts, and strips the nonce attributes. */
export function hashInlineScripts(html: string, csp: string): { html: string; csp: string } {
  const stripped = html.replaceAll(` nonce="${NONCE_PLACEHOLDER}"`, '');
  const hashes = new Set<string>();
  for (const match of stripped.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  }
  return { html: stripped, csp: csp.replace(/'nonce-[^']*'/, [...hashes].join(' ')) };
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const { build, nameRoute, loadContext, logger, maxEntries = 2_000 } = options;
  const render = createRequestHandler(build, 'production');
  const pages = new Map<string, CachedPage>();
  const pending = new Map<string, Promise<CachedPage | null>>();

  const cacheable = (pathname: string) => {
    const route = build.routes[nameRoute(pathname)];
    return Boolean((route?.module as { handle?: { pageCache?: boolean } } | undefined)?.handle?.pageCache);
  };

  const send = (req: IncomingMessage, res: ServerResponse, page: CachedPage, started: bigint) => {
    const accepts = req.headers['accept-encoding'] ?? '';
    const [body, encoding] = /\bbr\b/.test(accepts) ? [page.brotli, 'br'] : /\bgzip\b/.test(accepts) ? [page.gzip, 'gzip'] : [page.identity, null];
    res.writeHead(200, { ...page.headers, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    logger.info({ method: req.method, route: page.route, status: 200, ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10 });
  };

  const renderOnce = (pathname: string, origin: string, headers: OutgoingHttpHeaders): Promise<CachedPage | null> => {
    const inFlight = pending.get(pathname);
    if (inFlight) return inFlight;
    const promise = (async () => {
      const response = await render(new Request(new URL(pathname, origin)), { ...loadContext, cspNonce: NONCE_PLACEHOLDER });
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || !contentType.startsWith('text/html')) {
        await response.body?.cancel();
        return null;
      }
      const { html, csp } = hashInlineScripts(await response.text(), String(headers['content-security-policy'] ?? ''));
      const identity = Buffer.from(html);
      const page: CachedPage = {
        route: nameRoute(pathname),
        headers: { ...headers, 'content-security-policy': csp, 'content-type': contentType, vary: 'Accept-Encoding' },
        identity,
        gzip: gzipSync(identity, { level: 9 }),
        brotli: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      };
      if (pages.size >= maxEntries) pages.clear();
      pages.set(pathname, page);
      return page;
    })().finally(() => pending.delete(pathname));
    pending.set(pathname, promise);
    return promise;
  };

  return {
    serve(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const page = pages.get(req.url ?? '');
      if (!page) return false;
      send(req, res, page, process.hrtime.bigint());
      return true;
    },
    fill(req, res, next) {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.originalUrl !== req.path || !cacheable(req.path)) return next();
      // The headers already set by the security middleware, less those that vary per response.
      const { 'content-security-policy': csp, ...fixed } = res.getHeaders();
      renderOnce(req.path, `http://${req.headers.host ?? 'localhost'}`, { ...fixed, 'content-security-policy': csp }).then(
        (page) => {
          if (!page) return next();
          // The request log middleware logs this response; `send` must not log it twice.
          res.writeHead(200, { ...page.headers, 'Content-Length': page.identity.length });
          res.end(req.method === 'HEAD' ? undefined : page.identity);
        },
        (error: unknown) => next(error),
      );
    },
  };
}
