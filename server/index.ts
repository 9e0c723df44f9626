/**
 * The production server: finds the database (DATABASE_URL or an embedded
 * PostgreSQL), brings its schema up to date, and serves the Remix build.
 */
import { existsSync, watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { broadcastDevReady, type ServerBuild } from '@remix-run/node';
import { connect } from '../db/connection';
import { migrateAndGrant } from '../db/migrate';
import { roleFacts, roleProblem } from '../db/roles';
import { ensureProgrammeDefinition } from '../modules/programme/definition';
import { locateDatabase } from '../db/open';
import { resumeKeysFromEnvironment } from '../modules/checks/keys';
import { createResumeCodec } from '../modules/checks/resume-code';
import { mailTransport } from '../modules/mail/delivery';
import { startJobRunner } from '../modules/mail/jobs';
import { siteUrlFromEnvironment } from '../modules/mail/site-url';
import { createSite } from './app';
import { createLogger } from './logging';

const BUILD_PATH = path.resolve('build/index.js');
const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development';
const logger = createLogger();

async function importBuild(): Promise<ServerBuild> {
  // The query string makes Node load a fresh copy after a rebuild in development.
  const url = pathToFileURL(BUILD_PATH).href + (mode === 'development' ? `?t=${Date.now()}` : '');
  return (await import(url)) as ServerBuild;
}

async function main(): Promise<void> {
  if (!existsSync(BUILD_PATH)) {
    throw new Error('There is no build yet: run `npm run build` (or simply `npm start`).');
  }
  const location = await locateDatabase(process.env, (message) => logger.info({ msg: message }));
  await migrateAndGrant(location);
  const problem = roleProblem(await roleFacts(location.url));
  if (problem && mode === 'production') throw new Error(problem);
  if (problem) logger.warn({ msg: `${problem} Allowed here only because NODE_ENV is not production.` });
  const db = connect(location.url);
  await ensureProgrammeDefinition(db);

  const resumeKeys = resumeKeysFromEnvironment(process.env);
  if (resumeKeys.source === 'file' && mode === 'production') {
    logger.warn({ msg: 'RESUME_CODE_KEYS is not set: using a key kept in .data/. Set it in a real deployment.' });
  }
  const resumeCodec = createResumeCodec(resumeKeys.keys);

  const transport = mailTransport(process.env);
  if (transport.kind === 'mailbox') {
    logger.warn({ msg: 'SMTP_URL is not set: email stays in the outbox, readable by administrators at /staff/mailbox.' });
  }
  const port = Number.parseInt(process.env.PORT ?? '3000', 10);
  const host = process.env.HOST ?? 'localhost';
  // Reminders link to the site: SITE_URL, or on a developer's machine the address it listens on (known once it does).
  let listeningAt: string | null = null;
  if (!siteUrlFromEnvironment(process.env, `http://${host}`)) {
    logger.warn({ msg: 'SITE_URL is not set: reminders cannot link to the site, so none will be sent. Set SITE_URL to the address of this site.' });
  }
  const jobs = await startJobRunner(db, transport, { siteUrl: () => siteUrlFromEnvironment(process.env, listeningAt) });

  let build = await importBuild();
  (build.entry.module as { warmUp?: () => void }).warmUp?.();
  const { listener } = createSite({
    build: mode === 'development' ? async () => build : build,
    initialBuild: build,
    db,
    resumeCodec,
    logger,
    mode,
    mailTransportKind: transport.kind,
  });

  const server: Server = createServer(listener).listen(port, host, () => {
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    listeningAt = `http://${host}:${bound}`;
    logger.info({ msg: `The site is ready at http://${host}:${bound}/` });
    if (mode === 'development') void broadcastDevReady(build);
  });

  if (mode === 'development') {
    watch(path.dirname(BUILD_PATH), { persistent: false }, async (_event, file) => {
      if (file !== 'index.js') return;
      build = await importBuild();
      await broadcastDevReady(build);
    });
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: `Stopping (${signal})` });
    server.close();
    server.closeAllConnections();
    await jobs.stop();
    await db.destroy();
    await location.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ msg: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
