/**
 * Optimistic concurrency for records edited on admin pages. A form carries the record's
 * `updated_at` as a version; a save applies only if the version still matches, so two
 * administrators editing the same record never silently overwrite each other.
 *
 * The version is `updated_at` in whole microseconds, read as text by PostgreSQL: a
 * JavaScript Date keeps only milliseconds, and the round trip would never match.
 */
import { sql, type RawBuilder } from 'kysely';

export const VERSION_PATTERN = /^\d{1,20}$/;

/** The version of a row, as text, for `select` and for the `where` of an update. */
export const versionOf = (column: string): RawBuilder<string> => sql<string>`floor(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`;

/**
 * The new `updated_at` of a changed row: strictly later than the old one, even when two
 * changes fall within the same clock tick, so every change makes a new version.
 */
export const nextUpdatedAt = (column = 'updated_at'): RawBuilder<Date> => sql<Date>`greatest(clock_timestamp(), ${sql.ref(column)} + interval '1 microsecond')`;
