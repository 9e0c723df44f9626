/**
 * What can go wrong with a report, as types a page maps to its own words: no such
 * report (or not one this person may see), a step this person or this stage does not
 * allow, someone else changed it first (who, and when), or it has already been sent.
 */
import type { ReportState } from '../../db/schema';
import type { TimelineItem } from '../referrals/history';

export class ReportNotFoundError extends Error {
  constructor() {
    super('There is no such report, or it is not one you can see.');
    this.name = 'ReportNotFoundError';
  }
}

/** The case is not at a stage for this kind of report, or this person may not do this. */
export class ReportNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportNotAllowedError';
  }
}

export class ReportConflictError extends Error {
  constructor(
    readonly current: { version: number; state: ReportState },
    /** What others did since the version the person saw, oldest first. */
    readonly changes: TimelineItem[],
  ) {
    super('This report was changed by someone else.');
    this.name = 'ReportConflictError';
  }
}

/** A signed-off report is what the referrer read: it never changes. */
export class ReportSignedOffError extends Error {
  constructor() {
    super('This report has been signed off and sent to the referrer, so it can no longer change.');
    this.name = 'ReportSignedOffError';
  }
}

/** Typed text the report cannot take (too long, hidden characters). */
export class ReportInputError extends Error {
  constructor(
    readonly field: 'introduction',
    message: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}
