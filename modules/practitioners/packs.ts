/**
 * The practitioner packs: one PDF for each section of the toolkit. The content does
 * not change while the process runs, so each pack is made once and kept in memory.
 */
import { getContentLibrary, type ContentLibrary } from '../content/index';
import { renderPdf } from '../documents/pdf';
import { packDocument, packFileName } from './pack-document';

export interface PackSummary {
  /** The toolkit section's slug, as in /toolkit/<section>. */
  section: string;
  title: string;
  summary: string;
  pageTitles: string[];
  fileName: string;
}

export function listPacks(library: ContentLibrary = getContentLibrary()): PackSummary[] {
  return library.areas.toolkit.groups.map((group) => ({
    section: group.slug,
    title: group.introduction.title,
    summary: group.introduction.summary,
    pageTitles: [group.introduction, ...group.pages].map((p) => p.title),
    fileName: packFileName(group),
  }));
}

export interface Pack {
  fileName: string;
  pdf: Buffer;
}

const made = new Map<string, Promise<Buffer>>();

/** The pack for a toolkit section, or null if there is no such section. */
export async function buildPack(section: string, options: { siteUrl?: string } = {}, library: ContentLibrary = getContentLibrary()): Promise<Pack | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(section)) return null;
  const group = library.group('toolkit', section);
  if (!group) return null;
  const key = `${section}\n${options.siteUrl ?? ''}`;
  let pdf = made.get(key);
  if (!pdf) {
    pdf = renderPdf(packDocument(group, options));
    made.set(key, pdf);
    // A failed render is not kept: the next request tries again.
    pdf.catch(() => made.delete(key));
  }
  return { fileName: packFileName(group), pdf: await pdf };
}
