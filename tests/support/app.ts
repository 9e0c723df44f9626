/**
 * Our Express app in this process, on the real Remix build and a real database,
 * with its log lines captured. For tests that need to see inside the server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import type { Db } from '../../db/connection';
import { createResumeCodec, generateResumeKeys, parseResumeKeys } from '../../modules/checks/resume-code';
import { createSite } from '../../server/app';
import { createLogger } from '../../server/logging';

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(/* @vite-ignore */ pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild;
}

export async function startInProcessApp(db: Db) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const build = await loadBuild();
  const resumeCodec = createResumeCodec(parseResumeKeys(generateResumeKeys()));
  const { listener } = createSite({ build, initialBuild: build, db, resumeCodec, logger: createLogger(sink), mode: 'production', mailTransportKind: 'mailbox' });
  const server = createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logLines: lines,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
