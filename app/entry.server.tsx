import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { getCheckWording } from '#modules/checks/service';
import { getContentLibrary } from '#modules/content/index';
import { NonceProvider } from '~/components/nonce';

/** How long Remix waits for a deferred value under single fetch before it rejects it. */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Every page is sent whole, once it is ready: pages are small, and deciding
  // otherwise would mean reading the browser's User-Agent, which we never do.
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.logger.error({ err: describeError(error) }, 'render failed');
        },
      },
    );
    // A little after streamTimeout, so Remix can reject what is still pending first.
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * Errors are logged by type and stack frames only. The message is left out on
 * purpose: it can repeat what a person typed (a validation message, a SQL value).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  context.logger.error({ err: describeError(error) }, 'request failed');
};

function describeError(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return { type: error.name, stack: frames.join('\n') };
}

/**
 * Called by our server at start: loads and checks all content once, in this build's
 * own copy of the modules, so no visitor waits for it and bad content stops the start.
 */
export function warmUp(): void {
  getContentLibrary();
  getCheckWording();
}
