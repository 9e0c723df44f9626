/**
 * Run by the build and by `npm test`: loads every content file as the site will,
 * and fails with each problem named by file and field.
 */
import { ContentValidationError, getContentLibrary } from '../modules/content/index';

try {
  const library = getContentLibrary();
  console.log(`Content: ${library.pages.size} pages checked, no problems.`);
} catch (error) {
  if (error instanceof ContentValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
