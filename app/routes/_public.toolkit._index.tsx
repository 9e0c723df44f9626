import type { MetaFunction } from '@remix-run/node';
import { AreaContents } from '~/components/content/area-contents';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { loadArea } from '~/server/content.server';

export const meta: MetaFunction = () => [{ title: `The Stop It Now toolkit – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = () => loadArea('toolkit');
export default AreaContents;
