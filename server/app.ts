import type { RequestListener } from 'node:http';
import path from 'node:path';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { ResumeCodec } from '../modules/checks/resume-code';
import { requestLog } from './logging';
import { formOriginGuard } from './origin';
import { createPageCache } from './page-cache';
import { remixHandler } from './remix-handler';
import { createRouteNamer } from './route-ids';
import { cspNonce, noStore, securityHeaders } from './security';
import { withSafeThrownValues } from './thrown-values';

export interface AppOptions {
  /** The Remix server build, or a function returning the latest one (development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Used to name routes in the request log. */
  initialBuild: ServerBuild;
  db: Db;
  resumeCodec: ResumeCodec;
  logger: Logger;
  mode: 'production' | 'development' | 'test';
  /** Where mail goes: an SMTP server, or the development mailbox page. */
  mailTransportKind: 'smtp' | 'mailbox';
  publicDir?: string;
}

/**
 * The site as a Node request listener: a page already in the page cache is answered
 * straight from memory; everything else goes through Express and Remix.
 */
export function createSite(options: AppOptions): { app: express.Express; listener: RequestListener } {
  const { db, logger, mode, resumeCodec } = options;
  const latest = options.build;
  const build = typeof latest === 'function' ? async () => withSafeThrownValues(await latest()) : withSafeThrownValues(latest);
  const publicDir = options.publicDir ?? path.resolve('public');
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy, TRUST_PROXY (a hop count, or addresses) lets Express read the
  // scheme (so staff cookies get Secure and the __Host- prefix) and the client address
  // (used only as a sign-in throttle key).
  const trustProxy = process.env.TRUST_PROXY?.trim();
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);

  const nameRoute = createRouteNamer(options.initialBuild);
  app.use(requestLog(logger, nameRoute));
  app.use(cspNonce, ...securityHeaders({ development: mode === 'development' }));
  app.use(compression());

  // Fingerprinted by the build (file names carry a content hash or a version).
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y', index: false }));
  app.use('/assets', express.static(path.join(publicDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  // Two fixed files at the root; a catch-all static handler would cost a stat() per request.
  for (const file of ['favicon.svg', 'robots.txt']) {
    app.get(`/${file}`, (_req, res) => res.sendFile(path.join(publicDir, file), { maxAge: '1d' }));
  }

  app.use(noStore, formOriginGuard);
  const cache =
    mode === 'production' && typeof build !== 'function'
      ? createPageCache({
          build,
          nameRoute,
          // Cached pages are the same for everyone: they never see an address.
          loadContext: { db, logger, resumeCodec, clientAddress: () => 'none', mailTransportKind: options.mailTransportKind },
          logger,
        })
      : null;
  if (cache) app.use(cache.fill);
  app.all(
    '*',
    remixHandler({
      build,
      mode,
      loadContext: (req, res) => ({
        db,
        logger,
        resumeCodec,
        cspNonce: res.locals.cspNonce as string,
        clientAddress: () => req.ip ?? req.socket.remoteAddress ?? 'unknown',
        mailTransportKind: options.mailTransportKind,
      }),
    }),
  );
  return { app, listener: cache ? (req, res) => cache.serve(req, res) || app(req, res) : app };
}
