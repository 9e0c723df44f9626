/**
 * Run by the build and by `npm test`: loads every content file and every check's
 * wording as the site will, and fails with each problem named by file and field.
 */
import { CheckWordingError } from '../modules/checks/wording';
import { getCheckWording } from '../modules/checks/service';
import { ContentValidationError, getContentLibrary } from '../modules/content/index';

try {
  const library = getContentLibrary();
  const { checks } = getCheckWording();
  console.log(`Content: ${library.pages.size} pages and ${Object.keys(checks).length} self-checks checked, no problems.`);
} catch (error) {
  if (error instanceof ContentValidationError || error instanceof CheckWordingError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
