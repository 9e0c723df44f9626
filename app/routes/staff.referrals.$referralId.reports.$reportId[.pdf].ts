import { reportPdfLoader } from '~/server/reports.server';

/** A report as a PDF download: the same access as its page, and audited like it. */
export const loader = reportPdfLoader;
