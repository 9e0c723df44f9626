/**
 * Run by the build and by `npm test`: loads every content file and every check's
 * wording as the site will, and fails with each problem named by file and field.
 */
import { CheckWordingError } from '../modules/checks/wording';
import { getCheckWording } from '../modules/checks/service';
import { getHelplines, HelplinesError } from '../modules/content/helplines';
import { ContentValidationError, getContentLibrary } from '../modules/content/index';
import { getLocalHelp, LocalHelpError } from '../modules/content/local-help';

try {
  const library = getContentLibrary();
  const { checks } = getCheckWording();
  const helplines = getHelplines();
  const local = getLocalHelp();
  const verified = local.councils.filter((c) => c.verified).length;
  console.log(`Content: ${library.pages.size} pages and ${Object.keys(checks).length} self-checks checked, no problems.`);
  console.log(`Phone lines: ${Object.keys(helplines.lines).length}, reviewed ${helplines.reviewed}. Councils: ${verified} of ${local.councils.length} with sourced numbers, reviewed ${local.reviewed}.`);
} catch (error) {
  if (error instanceof ContentValidationError || error instanceof CheckWordingError || error instanceof HelplinesError || error instanceof LocalHelpError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
