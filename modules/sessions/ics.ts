/**
 * A calendar invitation for one session (RFC 5545), built as plain text with no
 * library. The title names the case reference only: a calendar is shared, synced and
 * shown on lock screens, so nothing about the man goes in it.
 */
export const ICS_PRODID = '-//Stop It Now Scotland//CHOICE case management//EN';

export interface SessionInviteInput {
  /** Stable for the session, so a changed invitation replaces the old one. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description?: string;
  /** When the invitation was made (DTSTAMP); now unless given. */
  stampedAt?: Date;
}

/** The title for a session's invitation: the reference, never a name. */
export const sessionInviteTitle = (reference: string) => `CHOICE session (${reference})`;

/** 20261123T170000Z */
export function icsUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT values: backslash, semicolon and comma escaped; every kind of newline as \n. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded: CRLF then a space. Cuts fall between
 * characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line may hold 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function sessionInvite(input: SessionInviteInput): string {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) throw new RangeError('A session must end after it starts.');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(input.uid)}`,
    `DTSTAMP:${icsUtc(input.stampedAt ?? new Date())}`,
    `DTSTART:${icsUtc(input.startsAt)}`,
    `DTEND:${icsUtc(input.endsAt)}`,
    `SUMMARY:${escapeIcsText(input.title)}`,
    ...(input.description ? [`DESCRIPTION:${escapeIcsText(input.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
