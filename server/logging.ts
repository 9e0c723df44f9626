/**
 * One JSON line per request: method, route id, status and duration. Nothing that
 * could identify a person (address, user agent, referrer, query string, cookies)
 * is ever passed to the logger; the redaction list is a second line of defence.
 */
import type { RequestHandler } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req',
          'request',
          'headers',
          '*.headers',
          'ip',
          '*.ip',
          'url',
          '*.url',
          'query',
          '*.query',
          'cookie',
          '*.cookie',
          'userAgent',
          'referer',
          'referrer',
        ],
        remove: true,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export function requestLog(logger: Logger, nameRoute: (pathname: string) => string): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({
        method: req.method,
        route: routeNameFor(req.path, nameRoute),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}

function routeNameFor(pathname: string, nameRoute: (pathname: string) => string): string {
  if (pathname.startsWith('/build/')) return 'static:build';
  if (pathname.startsWith('/assets/')) return 'static:assets';
  return nameRoute(pathname);
}
