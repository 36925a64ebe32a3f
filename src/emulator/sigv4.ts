// AWS Signature Version 4 verification for `--credentials AKID:SECRET` (service "proton"). The request is signed
// again with the SDK's own signer (@smithy/signature-v4), over the headers the client says it signed, and the two
// signatures are compared; here are only the checks around it and Proton's error for each (as moto re-signs
// with botocore).
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ProtonError } from './errors';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data): Buffer =>
  typeof d === 'string' ? Buffer.from(d, 'utf8') : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d);

/** SHA-256 (and its HMAC, given a secret) from node:crypto, in the shape the signer asks for. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const sha256hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Parses "20240101T000000Z". */
function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

const invalid = (message: string) => new ProtonError('InvalidSignatureException', message);
const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** What the Authorization header claims, checked against the key, the service, the date and the body. */
function readAuthorization(creds: Credentials, req: SignedRequest, body: Buffer, now: number) {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || auth === '') {
    throw new ProtonError('UnrecognizedClientException', 'Missing Authentication Token: the request is not signed.');
  }
  const m = AUTHORIZATION.exec(auth);
  if (!m) throw invalid('The Authorization header is not a well-formed AWS4-HMAC-SHA256 signature.');
  const [, credential, signedHeaders, signature] = m;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') throw invalid(`The credential scope ${credential} is malformed.`);
  const [accessKeyId, date, region, service] = parts;
  if (accessKeyId !== creds.accessKeyId) {
    throw new ProtonError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (service !== 'proton') throw invalid(`Credential should be scoped to correct service: 'proton'.`);
  const amzDate = header(req.headers, 'x-amz-date');
  const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!amzDate || signedAt === undefined) throw invalid('The request has no valid X-Amz-Date header.');
  if (!amzDate.startsWith(date)) throw invalid(`Credential should be scoped to a valid date: '${amzDate.slice(0, 8)}'.`);
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    throw invalid(`Signature expired: ${amzDate} is now earlier or later than 15 minutes from the server time.`);
  }
  const names = signedHeaders.split(';');
  if (!names.includes('host')) throw invalid("'Host' must be a signed header.");
  const payloadHash = header(req.headers, 'x-amz-content-sha256');
  if (payloadHash && payloadHash !== sha256hex(body) && payloadHash !== 'UNSIGNED-PAYLOAD') {
    throw invalid('The provided x-amz-content-sha256 header does not match what was computed.');
  }
  return { region, signedAt, names, signature };
}

/**
 * Verifies a request's SigV4 Authorization header. Throws UnrecognizedClientException (no or unknown key) or
 * InvalidSignatureException (malformed, expired, wrong scope or wrong signature).
 */
export async function verifySigV4(creds: Credentials, req: SignedRequest, body: Buffer, now = Date.now()): Promise<void> {
  const claim = readAuthorization(creds, req, body, now);
  const url = new URL(req.url, 'http://localhost');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? [query[k], v].flat() : v;
  const headers: Record<string, string> = {};
  for (const name of claim.names) headers[name] = header(req.headers, name) ?? '';
  // Loaded on the first signed request only: most runs have no --credentials, and the signer brings much code.
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const signer = new SignatureV4({ service: 'proton', region: claim.region, credentials: creds, sha256: Sha256 });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: headers.host ?? '', path: decodeURIComponent(url.pathname) || '/', query, headers, body },
    { signingDate: new Date(claim.signedAt), signableHeaders: new Set(claim.names) },
  );
  const expected = Buffer.from(/Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '', 'hex');
  const given = Buffer.from(claim.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
