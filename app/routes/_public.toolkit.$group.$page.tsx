import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ContentPage, contentPageTitle } from '~/components/content/content-page';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { onlyWhenTheAddressChanges } from '~/components/revalidation';
import { loadContentPage, reflectExercise } from '~/server/content.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${contentPageTitle(data?.view)} – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = ({ params }: LoaderFunctionArgs) => loadContentPage('toolkit', params);
// An exercise posted on the page changes nothing in its content.
export const shouldRevalidate = onlyWhenTheAddressChanges;
export const action = (args: ActionFunctionArgs) => reflectExercise('toolkit', args);
export default ContentPage;
