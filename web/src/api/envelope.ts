import { z } from 'zod';

/** Crossbar's response envelope; `data` is parsed by each caller with its own schema. */
export const envelopeSchema = z.looseObject({
  status: z.string().optional(),
  data: z.unknown(),
  revision: z.string().nullish(),
  request_id: z.string().nullish(),
  auth_token: z.string().nullish(),
  next_start_key: z.union([z.string(), z.number()]).nullish(),
  page_size: z.number().nullish(),
  error: z.string().optional(),
  message: z.string().optional(),
  warnings: z.unknown().optional(),
});

export type Envelope<T> = {
  data: T;
  status?: string;
  revision?: string | null;
  request_id?: string | null;
  auth_token?: string | null;
  next_start_key?: string | number | null;
  page_size?: number | null;
  warnings?: unknown;
};

/** One rule a field broke, as KAZOO reports it: `{"numbers": {"unique": {"message": …, "cause": …}}}`. */
export const fieldErrorSchema = z.looseObject({
  message: z.string().optional(),
  target: z.unknown().optional(),
  value: z.unknown().optional(),
  cause: z.unknown().optional(),
});

export type FieldError = { code: string; message: string; target?: unknown; value?: unknown; cause?: unknown };

/** The field-level errors of an error envelope's `data`, keyed by dotted path. */
export function parseFieldErrors(data: unknown): Record<string, FieldError[]> {
  const out: Record<string, FieldError[]> = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [path, rules] of Object.entries(data as Record<string, unknown>)) {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) continue;
    const errors: FieldError[] = [];
    for (const [code, detail] of Object.entries(rules as Record<string, unknown>)) {
      const parsed = fieldErrorSchema.safeParse(detail);
      if (parsed.success) {
        errors.push({ ...parsed.data, code, message: parsed.data.message ?? code });
      } else if (typeof detail === 'string') {
        errors.push({ code, message: detail });
      }
    }
    if (errors.length > 0) out[path.replaceAll('%2E', '.')] = errors;
  }
  return out;
}
