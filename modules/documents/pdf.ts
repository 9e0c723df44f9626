/**
 * A plain, accessible PDF from a simple document model: plans on the anonymous side,
 * reports on the staff side. Made in memory, never written to disk. The font is
 * DejaVu Sans, so whatever a person types (any alphabet) prints as typed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once per process: the files are large and never change. */
function loadFonts() {
  fonts ??= { regular: readFileSync(path.join(fontDir, 'DejaVuSans.ttf')), bold: readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')) };
  return fonts;
}

/** A paragraph or a list, for text whose order matters (a page of content). */
export type DocumentBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[]; numbered?: boolean };

export interface DocumentSection {
  heading: string;
  /**
   * `page` starts a new page under a larger heading (a chapter of a longer document);
   * `subheading` is a smaller heading within one. Sections are `section` by default.
   */
  level?: 'page' | 'section' | 'subheading';
  paragraphs?: string[];
  items?: string[];
  /** Paragraphs and lists in their own order, after `paragraphs` and `items`. */
  blocks?: DocumentBlock[];
  /** Shown in grey when the section has nothing in it. */
  emptyText?: string;
}

const HEADING_SIZE = { page: 17, section: 14, subheading: 12.5 } as const;

export interface DocumentModel {
  title: string;
  subtitle?: string;
  /** A boxed note at the top, such as how to keep the document private. */
  notice?: string;
  sections: DocumentSection[];
  footer?: string;
  /** Document properties: only what the document is, never who made it. */
  subject?: string;
}

/**
 * A download stays on the device it was saved to, so its properties name nothing:
 * not this site (Creator and Producer are the library's own default), not a person
 * (no Author), not when it was made (a fixed date, which also keeps the file id the
 * same for every copy of the same document).
 */
const NEUTRAL_INFO = { Producer: 'PDFKit', Creator: 'PDFKit', CreationDate: new Date(Date.UTC(2000, 0, 1)) };

export function renderPdf(model: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: model.title, Subject: model.subject ?? model.title, ...NEUTRAL_INFO },
      pdfVersion: '1.7',
      displayTitle: true,
      lang: 'en-GB',
      tagged: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const { regular, bold } = loadFonts();
    doc.registerFont('regular', regular);
    doc.registerFont('bold', bold);
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

    doc.font('bold').fontSize(20).fillColor('#0b0c0c').text(model.title, { width });
    if (model.subtitle) doc.moveDown(0.3).font('regular').fontSize(12).fillColor('#484949').text(model.subtitle, { width });
    if (model.notice) {
      doc.moveDown(0.8);
      const top = doc.y;
      doc.font('regular').fontSize(10.5).fillColor('#0b0c0c').text(model.notice, doc.page.margins.left + 12, top + 8, { width: width - 24 });
      const bottom = doc.y + 8;
      doc.moveTo(doc.page.margins.left, top).lineTo(doc.page.margins.left, bottom).lineWidth(4).strokeColor('#1d5c63').stroke();
      doc.x = doc.page.margins.left;
      doc.y = bottom;
    }

    const list = (items: string[], numbered = false) =>
      doc.list(items, { width, listType: numbered ? 'numbered' : 'bullet', bulletRadius: 2.2, textIndent: 14, paragraphGap: 3 });

    for (const section of model.sections) {
      const level = section.level ?? 'section';
      if (level === 'page') doc.addPage();
      else doc.moveDown(level === 'subheading' ? 0.6 : 1);
      doc.font('bold').fontSize(HEADING_SIZE[level]).fillColor('#0b0c0c').text(section.heading, doc.page.margins.left, doc.y, { width });
      doc.moveDown(0.3).font('regular').fontSize(11.5);
      const paragraphs = section.paragraphs?.filter(Boolean) ?? [];
      const items = section.items?.filter(Boolean) ?? [];
      const blocks = section.blocks ?? [];
      for (const paragraph of paragraphs) doc.text(paragraph, { width, paragraphGap: 4 });
      if (items.length) list(items);
      for (const block of blocks) {
        if (block.kind === 'paragraph') doc.text(block.text, doc.page.margins.left, doc.y, { width, paragraphGap: 4 });
        else if (block.items.length) list(block.items, block.numbered);
        doc.moveDown(0.3);
      }
      if (!paragraphs.length && !items.length && !blocks.length && section.emptyText) doc.fillColor('#505a5f').text(section.emptyText, { width }).fillColor('#0b0c0c');
    }

    if (model.footer) {
      doc.moveDown(2).font('regular').fontSize(9.5).fillColor('#505a5f').text(model.footer, doc.page.margins.left, doc.y, { width });
    }
    doc.end();
  });
}
