/**
 * The phone lines the anonymous side names, from content/helplines.yaml: one file, so
 * a number or an opening time is right everywhere or wrong everywhere, and its source
 * and review date sit beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const source = z.object({ url: z.url({ protocol: /^https?$/ }), supports: z.string().min(5) }).strict();
const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const HELPLINE_IDS = ['emergency', 'police_non_emergency', 'stop_it_now', 'samaritans', 'breathing_space', 'nhs_24', 'childline', 'nspcc', 'domestic_abuse'] as const;
export type HelplineId = (typeof HELPLINE_IDS)[number];

const helplinesSchema = z
  .object({
    reviewed: isoDate,
    lines: z.array(
      z
        .object({
          id: z.enum(HELPLINE_IDS),
          name: z.string().min(2),
          number: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^[0-9 ]{3,14}$/)),
          /** Left out where the line's own current hours could not be found. */
          hours: z.string().min(3).optional(),
          for: z.string().min(5),
          website: z.url({ protocol: /^https$/ }),
          sources: z.array(source).min(1),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const id of HELPLINE_IDS) if (!file.lines.some((l) => l.id === id)) ctx.addIssue({ code: 'custom', message: `the line "${id}" is missing`, path: ['lines'] });
  });

export type Helpline = z.infer<typeof helplinesSchema>['lines'][number];
export interface Helplines {
  reviewed: string;
  lines: Record<HelplineId, Helpline>;
}

export class HelplinesError extends Error {}

export function loadHelplines(file: string): Helplines {
  const parsed = helplinesSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new HelplinesError(`${path.basename(path.dirname(file))}/${path.basename(file)}:\n${parsed.error.issues.map((i) => `  - field "${i.path.join('.')}": ${i.message}`).join('\n')}`);
  }
  return { reviewed: parsed.data.reviewed, lines: Object.fromEntries(parsed.data.lines.map((l) => [l.id, l])) as Record<HelplineId, Helpline> };
}

let helplines: Helplines | undefined;

export function getHelplines(): Helplines {
  helplines ??= loadHelplines(path.resolve(process.env.CONTENT_DIR ?? 'content', 'helplines.yaml'));
  return helplines;
}

/**
 * `{hours:breathing_space}` in Markdown becomes when that line is open ("open 6pm to
 * 2am…"), or, where we could not source its hours, a link asking the reader to check
 * them on the line's own website. So no page states an opening time of its own.
 */
export function expandHelplineTokens(markdown: string, lines: Helplines['lines'] = getHelplines().lines): string {
  return markdown.replace(/\{hours:([a-z_0-9]+)\}/g, (_token, id: string) => {
    const line = lines[id as HelplineId];
    if (!line) throw new HelplinesError(`"{hours:${id}}" names no line in content/helplines.yaml`);
    return line.hours ? `open ${line.hours}` : `[check its opening times on its website](${line.website})`;
  });
}
