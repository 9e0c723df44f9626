/**
 * Names a request by the Remix route that serves it (`routes/_public._index`),
 * never by its URL: a URL can carry a query string, and a route id cannot.
 * With single fetch and lazy route discovery the browser also asks for a page's data
 * (`/privacy.data`, `/_root.data` for `/`) and for route manifests
 * (`/__manifest?p=/staff/...`, which lists paths a person is heading to): they are
 * named `data:<route id>` and `remix:manifest`, so neither path nor query is logged.
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
  const match = (pathname: string) => matchRoutes(routes, pathname, basename)?.at(-1)?.route.id ?? 'no-route';
  const manifestPath = `${basename && basename !== '/' ? basename.replace(/\/$/, '') : ''}/__manifest`;
  return (pathname) => {
    const known = recent.get(pathname);
    if (known) return known;
    const page = singleFetchPage(pathname);
    const id = pathname === manifestPath ? 'remix:manifest' : page ? `data:${match(page)}` : match(pathname);
    if (recent.size >= 1000) recent.clear();
    recent.set(pathname, id);
    return id;
  };
}

/** The page that a single-fetch data request is for, or null when it is not one. */
export function singleFetchPage(pathname: string): string | null {
  if (!pathname.endsWith('.data')) return null;
  return pathname === '/_root.data' ? '/' : pathname.slice(0, -'.data'.length);
}
