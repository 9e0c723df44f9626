import type { ComponentProps } from 'react';
import { Form, useRouteLoaderData } from '@remix-run/react';

/** The staff layout's data, shared by every staff page. */
export interface StaffLayoutData {
  csrfToken: string | null;
}

/**
 * A staff form: always posted, always carrying the session's CSRF token, so the server
 * can tell it came from our own page.
 */
export function StaffForm({ children, ...props }: Omit<ComponentProps<typeof Form>, 'method'> & { method?: 'post' }) {
  const layout = useRouteLoaderData<StaffLayoutData>('routes/staff');
  return (
    <Form method="post" noValidate {...props}>
      {layout?.csrfToken ? <input type="hidden" name="csrf" value={layout.csrfToken} /> : null}
      {children}
    </Form>
  );
}
