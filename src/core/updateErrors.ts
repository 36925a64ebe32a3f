// Proton's answers to an UpdateServiceInstance turned into messages a person can act on, and which of them a
// submit retries (with the same clientToken, so a retry never deploys twice). Names as src/proton reports them.

export interface RequestFailure {
  /** ProtonRequestError.errorName: the model's exception name or the client's own (NetworkError, ...). */
  errorName: string;
  message: string;
}

/** Worth sending again with the same clientToken: the request may not have been taken, or Proton was busy. */
export const isRetryableFailure = (f: RequestFailure): boolean =>
  f.errorName === 'NetworkError' || f.errorName === 'ThrottlingException' || f.errorName === 'InternalServerException';

export interface FailureContext {
  serviceName: string;
  name: string;
  /** How the connection is named to people (profile, emulator). */
  connection?: string;
  /** How many times the same request was sent. */
  attempts?: number;
}

/** A message naming what failed and what to do, with the variable part (Proton's own words) last. */
export function updateFailureMessage(f: RequestFailure, ctx: FailureContext): string {
  const who = `${ctx.serviceName}/${ctx.name}`;
  const tries = ctx.attempts && ctx.attempts > 1 ? ` after ${ctx.attempts} attempts with the same client token` : '';
  switch (f.errorName) {
    case 'ConflictException':
      return `Proton did not update ${who}: a deployment is in progress — wait or cancel it. ${f.message}`;
    case 'ValidationException':
      return `Proton refused the update of ${who}: ${f.message}`;
    case 'ResourceNotFoundException':
      return `Proton did not update ${who}; it could not find: ${f.message}`;
    case 'ThrottlingException':
      return `Proton kept throttling the update of ${who}${tries}; nothing was deployed twice. Try again in a minute: ${f.message}`;
    case 'InternalServerException':
      return `Proton failed internally on the update of ${who}${tries}; nothing was deployed twice. Try again later: ${f.message}`;
    case 'AccessDeniedException':
      return `Access denied for the update of ${who}: the credentials of ${ctx.connection ?? 'this connection'} need ` +
        `proton:UpdateServiceInstance on it; choose another profile or ask for the permission: ${f.message}`;
    case 'CredentialsError':
      return `No valid AWS credentials for ${ctx.connection ?? 'this connection'} (expired or missing): sign in again ` +
        `(for SSO: aws sso login) or select another profile, then retry the update of ${who}: ${f.message}`;
    case 'ServiceQuotaExceededException':
      return `A Proton quota stopped the update of ${who}: ${f.message}`;
    case 'NetworkError':
      return `Could not reach Proton for the update of ${who}${tries}; retrying it later with the command is safe: ${f.message}`;
    default:
      return `The update of ${who} failed: ${f.message}`;
  }
}
