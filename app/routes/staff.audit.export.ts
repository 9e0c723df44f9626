/** The audit log as a CSV file, with the same filters as the page; the export is itself recorded. */
import { auditExportLoader } from '~/server/audit.server';

export const loader = auditExportLoader;
