// Errors as typed exceptions: a top-level GraphQL error becomes the class of its
// `extensions.code`; a payload's `userErrors` (anything the caller can fix) become
// `UserErrors`, which keeps the errors and the whole payload (`shortages`, for one).

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export class BatchTrackError extends Error {
  override name = 'BatchTrackError';
}

/** No GraphQL answer: the network failed, or an HTTP status came without GraphQL errors. */
export class TransportError extends BatchTrackError {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A top-level error; `code` is its `extensions.code`. */
export class GraphQLError extends BatchTrackError {
  override name = 'GraphQLError';
  readonly code: string;
  readonly extensions: Record<string, unknown>;
  constructor(
    readonly errors: GraphQLErrorBody[],
    readonly data: unknown,
  ) {
    super(errors[0]?.message ?? 'GraphQL error');
    this.extensions = errors[0]?.extensions ?? {};
    this.code = String(this.extensions['code'] ?? '');
  }
}

export class Unauthenticated extends GraphQLError {
  override name = 'Unauthenticated';
}
export class Forbidden extends GraphQLError {
  override name = 'Forbidden';
}
/** Still over the cost budget after the retries. */
export class Throttled extends GraphQLError {
  override name = 'Throttled';
  get retryAfterSeconds(): number {
    return Number(this.extensions['retryAfterSeconds'] ?? 1);
  }
}
export class QueryTooComplex extends GraphQLError {
  override name = 'QueryTooComplex';
}
export class BadRequest extends GraphQLError {
  override name = 'BadRequest';
}
export class ServiceBusy extends GraphQLError {
  override name = 'ServiceBusy';
}
/** The server's fault; `requestId` names it for support. */
export class InternalServerError extends GraphQLError {
  override name = 'InternalServerError';
  get requestId(): string | undefined {
    const id = this.extensions['requestId'];
    return id === undefined ? undefined : String(id);
  }
}

const BY_CODE: Record<string, typeof GraphQLError> = {
  UNAUTHENTICATED: Unauthenticated,
  FORBIDDEN: Forbidden,
  THROTTLED: Throttled,
  QUERY_TOO_COMPLEX: QueryTooComplex,
  BAD_REQUEST: BadRequest,
  SERVICE_BUSY: ServiceBusy,
  INTERNAL_SERVER_ERROR: InternalServerError,
};

export function graphqlError(errors: GraphQLErrorBody[], data: unknown): GraphQLError {
  const code = String(errors[0]?.extensions?.['code'] ?? '');
  const Class = BY_CODE[code] ?? GraphQLError;
  return new Class(errors, data);
}

/** The operation refused the input and changed nothing. */
export class UserErrors extends BatchTrackError {
  override name = 'UserErrors';
  constructor(
    readonly operation: string,
    readonly errors: UserError[],
    readonly payload: Record<string, unknown>,
  ) {
    super(
      `${operation}: ` +
        errors.map((e) => `${(e.field ?? []).join('.')}: ${e.code}: ${e.message}`).join('; '),
    );
  }
  get codes(): string[] {
    return this.errors.map((error) => error.code);
  }
}

/** Throw for the first root field whose payload carries userErrors. */
export function throwUserErrors(data: Record<string, unknown>): void {
  for (const [name, payload] of Object.entries(data)) {
    if (payload !== null && typeof payload === 'object' && 'userErrors' in payload) {
      const errors = (payload as { userErrors: UserError[] }).userErrors;
      if (errors.length > 0) {
        throw new UserErrors(name, errors, payload as Record<string, unknown>);
      }
    }
  }
}
