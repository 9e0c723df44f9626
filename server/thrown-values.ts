/**
 * Remix 2.17.5 rebuilds a route's error in the browser from what the server sent:
 * `deserializeErrors` calls `new window[__subType](message)`, and single fetch's
 * decoder does the same with an error's `name` (GHSA-337j-9hxr-rhxg; fixed only in
 * React Router 7.18). In production Remix replaces every Error with a plain
 * `Error('Unexpected Server Error')` before sending it, and a thrown Response becomes
 * an ErrorResponse whose data is never used as a name. Anything else thrown by a
 * loader or action (a plain object, a string) is sent as it is, so an object shaped
 * `{ __type: 'Error', __subType: 'WebSocket', message: 'wss://…' }` would be built in
 * the browser. Every loader and action is wrapped so that only a Response or an
 * Error ever leaves it.
 */
import type { ServerBuild } from '@remix-run/node';

type RouteFunction = (...args: never[]) => unknown;

function rethrowSafely<F extends RouteFunction>(fn: F): F {
  return (async (...args: Parameters<F>) => {
    try {
      return await fn(...args);
    } catch (thrown) {
      if (thrown instanceof Response || thrown instanceof Error) throw thrown;
      throw new Error('Unexpected Server Error');
    }
  }) as unknown as F;
}

export function withSafeThrownValues(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: rethrowSafely(loader) } : {}),
        ...(action ? { action: rethrowSafely(action) } : {}),
      },
    };
  }
  return { ...build, routes };
}
