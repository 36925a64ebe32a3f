// Opaque page tokens. A token carries the offset of the next item and a fingerprint of the query it belongs to,
// base64-encoded so that it matches the model's NextToken pattern ^[A-Za-z0-9+=/]+$. A token from another query,
// or one that was tampered with, is refused with a ValidationException, as AWS does.
import { createHash } from 'node:crypto';
import { validation } from './errors';

export const DEFAULT_PAGE_SIZE = 100;

function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 16);
}

export function encodeToken(offset: number, query: unknown): string {
  return Buffer.from(`${offset}:${fingerprint(query)}`, 'utf8').toString('base64');
}

function decodeToken(token: string, query: unknown): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const m = /^(\d+):([0-9a-f]{16})$/.exec(text);
  if (!m || m[2] !== fingerprint(query) || Buffer.from(text, 'utf8').toString('base64') !== token) {
    throw validation('The nextToken is not valid for this request. Pass the nextToken returned by the previous call with the same parameters.');
  }
  return Number(m[1]);
}

/**
 * One page of `items`. `query` is everything that defines the listing except the page size and token, so a
 * paginator may change maxResults between pages. The last page carries no nextToken.
 */
export function paginate<T>(
  items: readonly T[],
  input: { nextToken?: unknown; maxResults?: unknown },
  query: unknown,
): { page: T[]; nextToken?: string } {
  const size = typeof input.maxResults === 'number' ? input.maxResults : DEFAULT_PAGE_SIZE;
  const start = typeof input.nextToken === 'string' ? decodeToken(input.nextToken, query) : 0;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: encodeToken(end, query) } : { page };
}
