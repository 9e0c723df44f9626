/**
 * The job queue (graphile-worker, on the same PostgreSQL): it runs inside the server
 * process, sends the outbox's mail, and every hour queues the reminders that are due
 * (a worker's sessions tomorrow; a referral's decision date near). The reminder tasks
 * work out for themselves what is due and not yet sent, so an hour missed (the server
 * was down) is made up by the next run, and a run that repeats sends nothing twice.
 */
import { parseCrontab, run, type Runner, type Task } from 'graphile-worker';
import { poolOf, type Db } from '../../db/connection';
import { quietLogger } from '../../db/quiet-logger';
import { sendPasswordReset, STAFF_PASSWORD_RESET_TASK } from '../auth/passwords';
import { PRACTITIONER_PASSWORD_RESET_TASK, sendPasswordReset as sendPractitionerPasswordReset } from '../practitioners/password-reset';
import { queueDeadlineReminders } from '../referrals/deadline-reminders';
import { queueSessionReminders } from '../sessions/reminders';
import { deliverMessage, type MailTransport } from './delivery';
import { SEND_MAIL_TASK } from './outbox';
import { siteUrlFromEnvironment } from './site-url';

export const SESSION_REMINDERS_TASK = 'session_reminders';
export const DEADLINE_REMINDERS_TASK = 'deadline_reminders';

/**
 * Hourly, a few minutes apart. `fill` queues a run missed while the server was down
 * (one, thanks to the job key); `max` retries a run that failed, such as one that met
 * the database restarting.
 */
export const REMINDER_CRONTAB = [
  `0 * * * * ${SESSION_REMINDERS_TASK} ?fill=6h&max=3&jobKey=${SESSION_REMINDERS_TASK}`,
  `5 * * * * ${DEADLINE_REMINDERS_TASK} ?fill=6h&max=3&jobKey=${DEADLINE_REMINDERS_TASK}`,
].join('\n');

export interface JobRunnerOptions {
  /** The site's address for links in reminders, asked for when a run starts; null when it is not known. */
  siteUrl?: () => string | null;
  /** Whether to queue the hourly reminders (true unless a test says otherwise). */
  reminders?: boolean;
}

export function jobTasks(db: Db, transport: MailTransport, siteUrl: () => string | null): Record<string, Task> {
  const linkAddress = () => {
    const url = siteUrl();
    if (!url) throw new Error('SITE_URL is not set, so reminders cannot link to the site. Set SITE_URL to the address of this site.');
    return url;
  };
  return {
    [SEND_MAIL_TASK]: async (payload) => {
      const id = (payload as { id?: unknown } | null)?.id;
      if (typeof id === 'string') await deliverMessage(db, id, transport);
    },
    [STAFF_PASSWORD_RESET_TASK]: async (payload) => {
      const { email, siteUrl: link } = (payload ?? {}) as { email?: unknown; siteUrl?: unknown };
      if (typeof email === 'string' && typeof link === 'string') await sendPasswordReset(db, email, link);
    },
    [PRACTITIONER_PASSWORD_RESET_TASK]: async (payload) => {
      const { email, siteUrl: link } = (payload ?? {}) as { email?: unknown; siteUrl?: unknown };
      if (typeof email === 'string' && typeof link === 'string') await sendPractitionerPasswordReset(db, email, link);
    },
    [SESSION_REMINDERS_TASK]: async () => {
      await queueSessionReminders(db, linkAddress());
    },
    [DEADLINE_REMINDERS_TASK]: async () => {
      await queueDeadlineReminders(db, linkAddress());
    },
  };
}

export function startJobRunner(db: Db, transport: MailTransport, options: JobRunnerOptions = {}): Promise<Runner> {
  const siteUrl = options.siteUrl ?? (() => siteUrlFromEnvironment(process.env));
  return run({
    pgPool: poolOf(db),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: quietLogger,
    taskList: jobTasks(db, transport, siteUrl),
    parsedCronItems: options.reminders === false ? [] : parseCrontab(REMINDER_CRONTAB),
  });
}
