// Proton's error shapes as they travel on the wire (awsJson1_0): HTTP status + {"__type": "<ns>#<Name>", "message"}.
// The statuses are the model's httpError traits; the few that AWS's front door produces (unknown operation,
// malformed body, authentication) carry the statuses AWS uses for them.

export const ERROR_NAMESPACE = 'com.amazonaws.proton.v20200720';

export const ERROR_STATUS = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ThrottlingException: 429,
  InternalServerException: 500,
  UnknownOperationException: 400,
  SerializationException: 400,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
} as const;

export type ErrorName = keyof typeof ERROR_STATUS;

export class ProtonError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorName,
    message: string,
  ) {
    super(message);
    this.name = code;
    this.status = ERROR_STATUS[code];
  }

  body(): { __type: string; message: string } {
    return { __type: `${ERROR_NAMESPACE}#${this.code}`, message: this.message };
  }
}

export const validation = (message: string) => new ProtonError('ValidationException', message);
export const notFound = (message: string) => new ProtonError('ResourceNotFoundException', message);
export const conflict = (message: string) => new ProtonError('ConflictException', message);
