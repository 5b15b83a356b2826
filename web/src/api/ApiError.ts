import type { FieldError } from './envelope';

/**
 * A failed API call: the HTTP status, Crossbar's short `message` code (`invalid_credentials`, `datastore_conflict`,
 * …), a sentence for people, and the field-level validation errors keyed by dotted path.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, FieldError[]> = {},
    readonly requestId?: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** The errors of one field and of everything under it (`numbers` matches `numbers.0`). */
  errorsFor(path: string): FieldError[] {
    return Object.entries(this.fieldErrors)
      .filter(([key]) => key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`))
      .flatMap(([, errors]) => errors);
  }
}

/** A sentence for any thrown value, for toasts and error states. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fieldErrors);
    if (fields.length > 0) {
      return fields.map(([path, errors]) => `${path}: ${errors.map((e) => e.message).join(', ')}`).join('; ');
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
