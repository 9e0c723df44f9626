/**
 * A report as a document: the PDF the referrer downloads, and the same model for a page
 * that wants to show the report as HTML in the order the PDF prints it.
 */
import { renderPdf, type DocumentModel } from '../documents/pdf';
import type { Report } from './report-content';

/** The report in the shared document model: title, who it is for, its sections and its footer. */
export function reportDocumentModel(report: Report): DocumentModel {
  return {
    title: report.title,
    subtitle: report.audience,
    subject: report.title,
    sections: report.sections.map((section) => ({
      heading: section.heading,
      paragraphs: section.paragraphs,
      ...(section.list?.length ? { items: section.list } : {}),
    })),
    footer: report.footer,
  };
}

/** The report as a PDF, made in memory. */
export function reportPdf(report: Report): Promise<Buffer> {
  return renderPdf(reportDocumentModel(report));
}

/** A file name for the download: the kind and the referral's reference, nothing about the man. */
export function reportFileName(report: Report, reference: string): string {
  const safe = reference.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'referral';
  return `choice-${report.kind.replace(/_/g, '-')}-${safe}.pdf`;
}
