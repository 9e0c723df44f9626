/**
 * `prepare` gets a database ready before the server starts: it migrates and, where
 * NODE_ENV is not production, seeds the demo accounts. `migrate` only migrates. Both
 * make sure the programme definition has its first version.
 */
import { ensureProgrammeDefinition } from '../modules/programme/definition';
import { connect } from './connection';
import { quoteIdentifier } from './embedded';
import { migrateAndGrant } from './migrate';
import { locateDatabase } from './open';
import { grantStatements } from './roles';
import { DemoDataRefusedError, seedDemoData } from './seed';

/** The SQL an operator runs once on a real server: the schema owner, and the site's role. */
function printRoles(owner = 'prevention_owner', app = 'prevention_app', database = 'prevention'): void {
  console.log(
    [
      `-- Run as a role that may create roles and databases. Choose your own passwords.`,
      `CREATE ROLE ${quoteIdentifier(owner)} LOGIN PASSWORD 'choose-an-owner-password';`,
      `CREATE ROLE ${quoteIdentifier(app)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'choose-an-app-password';`,
      `CREATE DATABASE ${quoteIdentifier(database)} OWNER ${quoteIdentifier(owner)};`,
      `-- Then set MIGRATION_DATABASE_URL to the owner's login and DATABASE_URL to the app's.`,
      `-- Every start migrates as the owner and grants the app role only what it needs:`,
      ...grantStatements(app).map((statement) => `--   ${statement};`),
    ].join('\n'),
  );
}

async function main(command: string | undefined): Promise<void> {
  if (command === 'roles') {
    printRoles(...process.argv.slice(3));
    return;
  }
  if (command !== 'prepare' && command !== 'migrate' && command !== 'seed') {
    console.error('Usage: db/cli.ts prepare|migrate|seed|roles [owner app database]');
    process.exitCode = 2;
    return;
  }
  const location = await locateDatabase(process.env, (message) => console.log(message));
  const db = connect(location.ownerUrl, { max: 2, applicationName: 'prevention-platform-cli' });
  try {
    if (command !== 'seed') {
      const applied = await migrateAndGrant(location);
      console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
      // Every environment, production too, starts with a programme definition a manager can change.
      if (await ensureProgrammeDefinition(db)) console.log('Programme definition: version 1 (the labelled default) created.');
    }
    if (command !== 'migrate') {
      try {
        const report = await seedDemoData(db);
        console.log(
          `Demo data: ${report.organisationsCreated} organisations and ${report.staffCreated} staff accounts created (the rest already existed).`,
        );
      } catch (error) {
        if (!(error instanceof DemoDataRefusedError)) throw error;
        console.log(`${error.message} Skipping the demo data.`);
      }
    }
  } finally {
    await db.destroy();
    await location.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
