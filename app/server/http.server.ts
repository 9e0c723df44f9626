import { json } from '@remix-run/node';

export function notFound(): never {
  throw json(null, { status: 404 });
}
