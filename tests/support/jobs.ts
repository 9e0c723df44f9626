/** Runs the queued jobs of the given tasks once, here in the test, as the server's job runner would. */
import { runOnce } from 'graphile-worker';
import { poolOf, type Db } from '../../db/connection';
import { quietLogger } from '../../db/quiet-logger';
import { jobTasks } from '../../modules/mail/jobs';
import { STAFF_PASSWORD_RESET_TASK } from '../../modules/auth/passwords';
import { PRACTITIONER_PASSWORD_RESET_TASK } from '../../modules/practitioners/password-reset';

export const PASSWORD_RESET_TASKS = [STAFF_PASSWORD_RESET_TASK, PRACTITIONER_PASSWORD_RESET_TASK];

export async function runQueuedJobs(db: Db, tasks: string[] = PASSWORD_RESET_TASKS): Promise<void> {
  const all = jobTasks(db, { kind: 'mailbox', send: async () => undefined }, () => 'http://localhost');
  await runOnce({ pgPool: poolOf(db), logger: quietLogger, taskList: Object.fromEntries(tasks.map((task) => [task, all[task]!])) });
}
