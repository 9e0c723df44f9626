/**
 * The audit log page and its CSV export. Both read the filters from the address; the
 * export writes its own audit row (filters and row count) before the file is sent.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect, safePath } from './redirect.server';
import { exportAuditLog } from '#modules/audit/csv';
import { AUDIT_ACTION_GROUPS, AUDIT_OBJECT_TYPES, filterParams, parseAuditQuery, searchAuditLog } from '#modules/audit/search';
import { actorOf } from '#modules/auth/sign-in';
import { requireStaff } from './staff-auth.server';

export async function auditLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, 'audit:read:any');
  const query = parseAuditQuery(new URL(args.request.url).searchParams);
  const hasErrors = Object.keys(query.errors).length > 0;
  const page = hasErrors ? { rows: [], newer: null, older: null } : await searchAuditLog(args.context.db, query.filters, query.cursor);
  const params = filterParams(query.filters);
  const link = (key: 'newer' | 'older', cursor: string | null) => {
    if (!cursor) return null;
    const withCursor = new URLSearchParams(params);
    withCursor.set(key, cursor);
    return safePath(`/staff/audit?${withCursor}`, '/staff/audit');
  };
  return json({
    ...page,
    newer: link('newer', page.newer),
    older: link('older', page.older),
    errors: query.errors,
    values: query.values,
    exportHref: staff.can('audit:export:any') && !hasErrors ? safePath(`/staff/audit/export${params.size ? `?${params}` : ''}`, '/staff/audit/export') : null,
    filtered: params.size > 0,
    actionGroups: AUDIT_ACTION_GROUPS,
    objectTypes: AUDIT_OBJECT_TYPES,
  });
}

export async function auditExportLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, 'audit:export:any');
  const url = new URL(args.request.url);
  const query = parseAuditQuery(url.searchParams);
  // Filters it cannot read go back to the page, which says what is wrong with them.
  if (Object.keys(query.errors).length) return redirect(`/staff/audit${url.search}`);
  const result = await exportAuditLog(args.context.db, actorOf(staff.user), query.filters);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
