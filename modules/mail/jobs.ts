/**
 * The job queue (graphile-worker, on the same PostgreSQL): it runs inside the server
 * process and sends the outbox's mail. Later notifications add their tasks here.
 */
import { run, type Runner, type Task } from 'graphile-worker';
import { poolOf, type Db } from '../../db/connection';
import { quietLogger } from '../../db/quiet-logger';
import { deliverMessage, type MailTransport } from './delivery';
import { SEND_MAIL_TASK } from './outbox';

export function startJobRunner(db: Db, transport: MailTransport): Promise<Runner> {
  const sendMail: Task = async (payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id === 'string') await deliverMessage(db, id, transport);
  };
  return run({
    pgPool: poolOf(db),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: quietLogger,
    taskList: { [SEND_MAIL_TASK]: sendMail },
  });
}
