// Maps what the SDK throws to ProtonRequestError: Proton's error names, credential and network failures, and
// cancellation, each with a message that says what to do, the server's own words last. No SDK import: the SDK's
// errors are recognised by their name, $metadata and Node's error codes.
import { isProtonRequestError, ProtonRequestError, type ProtonErrorName, type ProtonGateway } from './api';

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  cause?: unknown;
}

const PROTON_NAMES: readonly ProtonErrorName[] = [
  'ValidationException',
  'ResourceNotFoundException',
  'ConflictException',
  'AccessDeniedException',
  'ThrottlingException',
  'InternalServerException',
  'ServiceQuotaExceededException',
];

/** Errors that mean the credentials are missing, expired or not accepted. */
const CREDENTIAL_NAMES = new Set([
  'CredentialsProviderError',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'TokenProviderError',
  'SSOTokenProviderFailure',
  'UnauthorizedException',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

const HINTS: Record<ProtonErrorName, string> = {
  ValidationException: 'Proton rejected the request as invalid',
  ResourceNotFoundException: 'Proton does not know this resource (it may have been deleted; refresh the view)',
  ConflictException: 'Proton refused because of a conflicting operation (wait for the deployment in progress to end)',
  AccessDeniedException: 'Access denied (the credentials lack a Proton permission; check the IAM policy)',
  ThrottlingException: 'Proton throttled the request even after retries (try again in a moment)',
  InternalServerException: 'Proton had an internal error even after retries (try again later)',
  ServiceQuotaExceededException: 'A Proton quota was exceeded',
  CredentialsError:
    'No usable AWS credentials (for an SSO profile run `aws sso login`; otherwise choose another profile or start the local emulator)',
  NetworkError: 'Could not reach the Proton endpoint (check proton.endpoint, the network, or whether the emulator runs)',
  Cancelled: 'Cancelled',
  Unknown: 'The request failed',
};

function networkCode(e: SdkLikeError): string | undefined {
  for (let cur: unknown = e, i = 0; cur && i < 4; cur = (cur as SdkLikeError).cause, i++) {
    const code = (cur as SdkLikeError).code;
    if (code && NETWORK_CODES.has(code)) return code;
  }
  return e.name === 'TimeoutError' ? 'timeout' : undefined;
}

function classify(e: SdkLikeError): ProtonErrorName {
  const name = e.name ?? '';
  if (name === 'AbortError' || name === 'Cancelled') return 'Cancelled';
  if ((PROTON_NAMES as readonly string[]).includes(name)) return name as ProtonErrorName;
  if (CREDENTIAL_NAMES.has(name) || /could not load credentials|token is expired|sso session .* expired/i.test(e.message ?? '')) {
    return 'CredentialsError';
  }
  if (networkCode(e)) return 'NetworkError';
  return 'Unknown';
}

/** The error as a ProtonRequestError for `operation`; `endpoint` names where a network error went. */
export function toProtonError(err: unknown, operation: string, endpoint?: string): ProtonRequestError {
  if (err instanceof ProtonRequestError) return err;
  if (isProtonRequestError(err)) return new ProtonRequestError(err.errorName, err.message, err.operation, err.requestId, err.httpStatus);
  const e: SdkLikeError = err && typeof err === 'object' ? (err as SdkLikeError) : { message: String(err) };
  const kind = classify(e);
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  let detail = (e.message ?? '').trim();
  if (kind === 'NetworkError') detail = `${endpoint ?? 'AWS'} (${networkCode(e)}${detail ? `: ${detail}` : ''})`;
  else if (kind === 'Unknown' && e.name && e.name !== 'Error') detail = `${e.name}${detail ? `: ${detail}` : ''}`;
  const message = kind === 'Cancelled' ? 'Cancelled' : detail ? `${HINTS[kind]}: ${detail}` : HINTS[kind];
  return new ProtonRequestError(kind, message, operation, requestId, status);
}

export const isCancellation = (err: unknown): boolean =>
  isProtonRequestError(err) ? err.errorName === 'Cancelled' : (err as SdkLikeError | undefined)?.name === 'AbortError';

/**
 * The gateway as seen from another bundle: every rejection re-made as this bundle's ProtonRequestError, so callers'
 * `instanceof ProtonRequestError` holds whichever bundle built the gateway.
 */
export function adoptGateway(gw: ProtonGateway): ProtonGateway {
  return new Proxy(gw, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(toProtonError(err, String(prop)))) : out;
      };
    },
  });
}
