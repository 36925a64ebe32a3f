// AWS Signature Version 4 verification for `--credentials AKID:SECRET` (service "proton"), written with node:crypto
// from the published algorithm: canonical request → string to sign → HMAC chain of date/region/service.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ProtonError } from './errors';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const MAX_SKEW_MS = 15 * 60 * 1000;

const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept). */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(search: string): string {
  if (!search || search === '?') return '';
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      const k = decodeURIComponent((i < 0 ? pair : pair.slice(0, i)).replace(/\+/g, ' '));
      const v = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' '));
      return [uriEncode(k), uriEncode(v)] as const;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Parses "20240101T000000Z". */
function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

const invalid = (message: string) => new ProtonError('InvalidSignatureException', message);

/**
 * Verifies a request's SigV4 Authorization header. Throws UnrecognizedClientException (no or unknown key) or
 * InvalidSignatureException (malformed, expired, wrong scope or wrong signature).
 */
export function verifySigV4(
  creds: Credentials,
  req: { method: string; url: string; headers: IncomingHttpHeaders },
  body: Buffer,
  now = Date.now(),
): void {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || auth === '') {
    throw new ProtonError('UnrecognizedClientException', 'Missing Authentication Token: the request is not signed.');
  }
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/.exec(auth);
  if (!m) throw invalid('The Authorization header is not a well-formed AWS4-HMAC-SHA256 signature.');
  const [, credential, signedHeadersText, signature] = m;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') throw invalid(`The credential scope ${credential} is malformed.`);
  const [accessKeyId, date, region, service] = parts;
  if (accessKeyId !== creds.accessKeyId) {
    throw new ProtonError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (service !== 'proton') throw invalid(`Credential should be scoped to correct service: 'proton'.`);

  const amzDate = typeof req.headers['x-amz-date'] === 'string' ? req.headers['x-amz-date'] : undefined;
  const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!amzDate || signedAt === undefined) throw invalid('The request has no valid X-Amz-Date header.');
  if (!amzDate.startsWith(date)) throw invalid(`Credential should be scoped to a valid date: '${amzDate.slice(0, 8)}'.`);
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    throw invalid(`Signature expired: ${amzDate} is now earlier or later than 15 minutes from the server time.`);
  }

  const signedHeaders = signedHeadersText.split(';');
  if (!signedHeaders.includes('host')) throw invalid("'Host' must be a signed header.");
  const canonicalHeaders = signedHeaders
    .map((h) => {
      const v = req.headers[h];
      const value = Array.isArray(v) ? v.join(',') : (v ?? '');
      return `${h}:${String(value).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const url = new URL(req.url, 'http://localhost');
  const payloadHeader = req.headers['x-amz-content-sha256'];
  const bodyHash = sha256hex(body);
  const payloadHash = typeof payloadHeader === 'string' && payloadHeader !== '' ? payloadHeader : bodyHash;
  if (payloadHash !== bodyHash && payloadHash !== 'UNSIGNED-PAYLOAD') {
    throw invalid('The provided x-amz-content-sha256 header does not match what was computed.');
  }
  const canonicalRequest = [
    req.method,
    url.pathname || '/',
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeadersText,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${creds.secretAccessKey}`, date);
  const kSigning = hmac(hmac(hmac(kDate, region), service), 'aws4_request');
  const expected = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
