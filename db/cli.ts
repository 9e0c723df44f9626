/**
 * `prepare` gets a database ready before the server starts: it migrates and, where
 * NODE_ENV is not production, seeds the demo accounts. `migrate` only migrates. Both
 * make sure the programme definition has its first version.
 */
import { ensureProgrammeDefinition } from '../modules/programme/definition';
import { connect } from './connection';
import { migrateToLatest } from './migrate';
import { locateDatabase } from './open';
import { DemoDataRefusedError, seedDemoData } from './seed';

async function main(command: string | undefined): Promise<void> {
  if (command !== 'prepare' && command !== 'migrate' && command !== 'seed') {
    console.error('Usage: db/cli.ts prepare|migrate|seed');
    process.exitCode = 2;
    return;
  }
  const location = await locateDatabase(process.env, (message) => console.log(message));
  const db = connect(location.url, { max: 2, applicationName: 'prevention-platform-cli' });
  try {
    if (command !== 'seed') {
      const applied = await migrateToLatest(db);
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
