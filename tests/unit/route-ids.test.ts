import type { ServerBuild } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { createRouteNamer } from '../../server/route-ids';

const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  caseSensitive: undefined,
  module: {},
});

const build = {
  basename: undefined,
  routes: {
    root: route('root', undefined, ''),
    'routes/_public': route('routes/_public', 'root'),
    'routes/_public._index': route('routes/_public._index', 'routes/_public', undefined, true),
    'routes/_public.privacy': route('routes/_public.privacy', 'routes/_public', 'privacy'),
    'routes/_public.$': route('routes/_public.$', 'routes/_public', '*'),
    'routes/healthz': route('routes/healthz', 'root', 'healthz'),
  },
} as unknown as ServerBuild;

describe('naming a request by its route', () => {
  const name = createRouteNamer(build);

  it('names pages by the route that serves them', () => {
    expect(name('/')).toBe('routes/_public._index');
    expect(name('/privacy')).toBe('routes/_public.privacy');
    expect(name('/healthz')).toBe('routes/healthz');
  });

  it('names any other address by the catch-all route, whatever it contains', () => {
    expect(name('/something/my-answer-is-yes')).toBe('routes/_public.$');
  });

  it('names single-fetch data requests and route manifests without their paths', () => {
    expect(name('/privacy.data')).toBe('data:routes/_public.privacy');
    expect(name('/_root.data')).toBe('data:routes/_public._index');
    expect(name('/something/my-answer-is-yes.data')).toBe('data:routes/_public.$');
    expect(name('/__manifest')).toBe('remix:manifest');
  });
});
