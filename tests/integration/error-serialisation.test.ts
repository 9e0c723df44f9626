/**
 * What reaches the browser when a loader throws something other than a Response:
 * Remix 2's client would construct `window[name]` from a name it is sent
 * (server/thrown-values.ts). Run on the real build, in production mode, with the
 * privacy page's loader swapped for ones that throw.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { ServerBuild } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResumeCodec, generateResumeKeys, parseResumeKeys } from '../../modules/checks/resume-code';
import { createSite } from '../../server/app';
import { createLogger } from '../../server/logging';
import { loadBuild } from '../support/app';
import { useTestDatabase } from '../support/database';

const HOSTILE_NAMES = ['WebSocket', 'Worker', 'EventSource', 'Function'];

const throwing: Record<string, () => never> = {
  '/privacy': () => {
    throw { __type: 'Error', __subType: 'WebSocket', message: 'wss://evil.example/', name: 'Worker' };
  },
  '/accessibility': () => {
    const error = new TypeError('wss://evil.example/');
    error.name = 'EventSource';
    throw error;
  },
};

describe('errors sent to the browser', () => {
  const test = useTestDatabase();
  let baseUrl = '';
  let close: () => Promise<void>;

  beforeAll(async () => {
    const real = await loadBuild();
    const routes = { ...real.routes };
    for (const [id, route] of Object.entries(routes)) {
      const path = `/${route.path ?? ''}`;
      if (route.parentId === 'routes/_public' && throwing[path]) routes[id] = { ...route, module: { ...route.module, loader: throwing[path] } };
    }
    const build: ServerBuild = { ...real, routes };
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const { listener } = createSite({
      build,
      initialBuild: build,
      db: test.db,
      resumeCodec: createResumeCodec(parseResumeKeys(generateResumeKeys())),
      logger: createLogger(sink),
      mode: 'production',
      mailTransportKind: 'mailbox',
    });
    const server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close?.());

  for (const path of Object.keys(throwing)) {
    for (const request of [path, `${path}.data`]) {
      it(`name no constructor and carry no thrown text (${request})`, async () => {
        const response = await fetch(`${baseUrl}${request}`);
        const body = await response.text();
        expect(response.status).toBe(500);
        for (const name of HOSTILE_NAMES) expect(body).not.toContain(`"${name}"`);
        expect(body).not.toContain('__subType');
        expect(body).not.toContain('evil.example');
        expect(body).toContain('Unexpected Server Error');
      });
    }
  }
});
