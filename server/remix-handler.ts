/**
 * Express to Remix, as @remix-run/express does it, with one difference: a posted body
 * is the one `request-body.ts` has already read and checked, never the raw socket.
 * A body that fails the checks never reaches a route: the person gets the
 * "form not accepted" page in our layout with the right status (or, for a script's
 * data request, the status and a line of text).
 */
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node';
import { writeReadableStreamToWritable } from '@remix-run/node';
import type express from 'express';
import { limitsFor, PROBLEM_STATUS, readLimitedBody, type BodyProblem } from './request-body';

export const FORM_NOT_ACCEPTED_PATH = '/form-not-accepted';

const PROBLEM_TEXT: Record<BodyProblem, string> = {
  'too-large': 'The form was too large to accept.',
  'unsupported-type': 'The form was not sent as an ordinary web form.',
  'too-many-fields': 'The form had more fields than any of our forms has.',
  'repeated-field': 'The form repeated one of its fields more often than our forms do.',
  malformed: 'The form could not be read.',
  'reserved-name': 'The form had a field name that our forms never use.',
};

const hasBody = (method: string) => method !== 'GET' && method !== 'HEAD';

/** A script's request for data (Remix's `?_data=` or single fetch's `.data`), not a page. */
const isDataRequest = (req: express.Request) => req.path.endsWith('.data') || req.query._data !== undefined;

function headersOf(req: express.Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

function urlOf(req: express.Request, pathAndQuery = req.originalUrl): URL {
  // req.hostname respects TRUST_PROXY; the port comes from the forwarded or plain Host header.
  const port = (req.get('x-forwarded-host') ?? req.get('host') ?? '').split(':')[1];
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${pathAndQuery}`);
}

async function send(res: express.Response, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name !== 'set-cookie') res.append(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  loadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      let body: Buffer | undefined;
      if (hasBody(req.method)) {
        const verdict = await readLimitedBody(req, limitsFor(req.path));
        if (!verdict.ok) {
          await refuse(req, res, verdict.problem, (request, context) => handle(request, context), options.loadContext(req, res));
          return;
        }
        body = verdict.body;
      }
      const headers = headersOf(req);
      if (body) {
        // The checked bytes are exactly an urlencoded form; say so, whatever was claimed.
        headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
        headers.set('content-length', String(body.length));
        headers.delete('transfer-encoding');
      }
      const request = new Request(urlOf(req).href, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined, signal: controller.signal });
      await send(res, await handle(request, options.loadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}

async function refuse(
  req: express.Request,
  res: express.Response,
  problem: BodyProblem,
  handle: (request: Request, context: AppLoadContext) => Promise<Response>,
  context: AppLoadContext,
): Promise<void> {
  const status = PROBLEM_STATUS[problem];
  // What is left of a body refused part-way is not read: the connection closes after the answer.
  res.setHeader('Connection', 'close');
  res.on('finish', () => req.socket.destroySoon?.());
  if (isDataRequest(req)) {
    res.status(status).type('text/plain').send(PROBLEM_TEXT[problem]);
    return;
  }
  const page = await handle(new Request(urlOf(req, FORM_NOT_ACCEPTED_PATH).href, { headers: { accept: 'text/html' } }), {
    ...context,
    formProblem: { status, problem },
  });
  await send(res, page);
}
