/**
 * The audit log as a CSV file. Exporting is itself recorded, with the filters and the
 * number of rows, in the same transaction that reads the rows and before anything is
 * sent. Cells that a spreadsheet would run as a formula are defused.
 */
import type { Db } from '../../db/connection';
import { recordAudit, type AuditActor } from './record';
import { matchingEvents, toAuditRow, type AuditFilters, type AuditRow } from './search';

export const EXPORT_ROW_LIMIT = 50_000;

/**
 * One CSV cell. A cell starting with = + - @ (or a tab or carriage return, which some
 * programs skip before looking) gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it; then the usual quoting.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',');

const HEADER = ['id', 'occurred_at', 'actor', 'actor_organisation', 'action', 'object_type', 'object_id', 'object_name', 'outcome', 'detail'];

const rowCells = (row: AuditRow) => [
  row.id,
  row.occurredAt,
  row.actorName,
  row.actorOrganisation,
  row.action,
  row.objectType,
  row.objectId,
  row.objectLabel,
  row.outcome,
  row.detail,
];

export interface AuditExport {
  /** RFC 4180 text with CRLF line ends and a byte-order mark, so spreadsheets read it as UTF-8. */
  csv: string;
  rows: number;
  /** More rows matched than one file holds. */
  truncated: boolean;
}

export async function exportAuditLog(db: Db, actor: AuditActor, filters: AuditFilters, limit = EXPORT_ROW_LIMIT): Promise<AuditExport> {
  const found = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = await matchingEvents(trx, filters).orderBy('audit_event.occurred_at', 'desc').orderBy('audit_event.id', 'desc').limit(limit + 1).execute();
      const truncated = rows.length > limit;
      const kept = rows.slice(0, limit);
      await recordAudit(trx, {
        actor,
        action: 'audit.export',
        outcome: 'success',
        detail: {
          rows: kept.length,
          truncated,
          action: filters.action ?? null,
          outcome: filters.outcome ?? null,
          actor: filters.actor ?? null,
          objectType: filters.objectType ?? null,
          objectId: filters.objectId ?? null,
          from: filters.from ?? null,
          to: filters.to ?? null,
        },
      });
      return { rows: kept, truncated };
    });
  const lines = [csvLine(HEADER), ...found.rows.map((row) => csvLine(rowCells(toAuditRow(row))))];
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: found.rows.length, truncated: found.truncated };
}
