import { Logger } from 'graphile-worker';

/** graphile-worker's own logging, reduced to warnings and errors on stderr. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`);
});
