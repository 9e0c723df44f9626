/**
 * Names a request by the Remix route that serves it (`routes/_public._index`),
 * never by its URL: a URL can carry a query string, and a route id cannot.
 */
import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router';
import type { ServerBuild } from '@remix-run/node';

type Route = AgnosticRouteObject & { id: string; children?: Route[] };

export function createRouteNamer(build: ServerBuild): (pathname: string) => string {
  const byParent = new Map<string | undefined, ServerBuild['routes'][string][]>();
  for (const route of Object.values(build.routes)) {
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push(route);
    byParent.set(route.parentId, siblings);
  }
  const tree = (parentId: string | undefined): Route[] =>
    (byParent.get(parentId) ?? []).map((route) => {
      const children = tree(route.id);
      return {
        id: route.id,
        path: route.path,
        caseSensitive: route.caseSensitive,
        ...(route.index ? { index: true } : { children }),
      } as Route;
    });
  const routes = tree(undefined);
  const basename = build.basename;
  // Matching is cheap but not free; remember recent answers, within a fixed bound.
  const recent = new Map<string, string>();
  return (pathname) => {
    const known = recent.get(pathname);
    if (known) return known;
    const id = matchRoutes(routes, pathname, basename)?.at(-1)?.route.id ?? 'no-route';
    if (recent.size >= 1000) recent.clear();
    recent.set(pathname, id);
    return id;
  };
}
