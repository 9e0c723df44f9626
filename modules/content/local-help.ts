/**
 * Scotland's councils and their social work numbers, from content/local-help.yaml.
 * A number is only ever shown with the public page it was read on and the date: a
 * wrong number on a safeguarding page is harm, so a council we could not source is
 * shown with its website (where we have seen it) and the general advice instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const LOCAL_HELP_TITLE = 'Social work near you';

const date = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const number = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^0[0-9 ]{9,13}$/, 'write a UK number, such as 0141 287 0555'));
const line = z.object({ label: z.string().min(3), number: number.optional() }).strict();

const councilSchema = z
  .object({
    council: z.string().min(3),
    verified: z.boolean(),
    daytime: line.optional(),
    out_of_hours: line.optional(),
    website: z.url({ protocol: /^https?$/ }).optional(),
    source: z.url({ protocol: /^https?$/ }).optional(),
    checked: date,
  })
  .strict()
  .superRefine((row, ctx) => {
    const numbers = [row.daytime?.number, row.out_of_hours?.number].filter(Boolean);
    if (row.verified && (!numbers.length || !row.source)) ctx.addIssue({ code: 'custom', message: 'a verified council needs a number and the source it was read on' });
    if (!row.verified && numbers.length) ctx.addIssue({ code: 'custom', message: 'a number needs its source: mark the row verified, or remove the number' });
    if (row.website && !row.source) ctx.addIssue({ code: 'custom', message: 'a website needs the source where its address was seen' });
  });

const fileSchema = z
  .object({ reviewed: date, councils: z.array(councilSchema).length(32, "Scotland has 32 councils: list each one") })
  .strict()
  .superRefine((file, ctx) => {
    const names = file.councils.map((c) => c.council);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'a council is listed twice', path: ['councils'] });
  });

export type CouncilHelp = z.infer<typeof councilSchema>;
export interface LocalHelp {
  reviewed: string;
  councils: CouncilHelp[];
}

export class LocalHelpError extends Error {}

export function loadLocalHelp(file: string): LocalHelp {
  const parsed = fileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new LocalHelpError(`content/local-help.yaml:\n${parsed.error.issues.map((i) => `  - field "${i.path.join('.')}": ${i.message}`).join('\n')}`);
  return parsed.data;
}

let localHelp: LocalHelp | undefined;

export function getLocalHelp(): LocalHelp {
  localHelp ??= loadLocalHelp(path.resolve(process.env.CONTENT_DIR ?? 'content', 'local-help.yaml'));
  return localHelp;
}
