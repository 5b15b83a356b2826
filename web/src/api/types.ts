import { z } from 'zod';

/** What `PUT /v2/user_auth` answers in `data`. */
export const authDataSchema = z.looseObject({
  account_id: z.string(),
  owner_id: z.string().nullish(),
  account_name: z.string().optional(),
  is_reseller: z.boolean().optional(),
  priv_level: z.string().optional(),
  expires: z.string().optional(),
});
export type AuthData = z.infer<typeof authDataSchema>;

/** What `GET /v2/token_auth` answers in `data`. */
export const tokenInfoSchema = z.looseObject({
  account_id: z.string(),
  owner_id: z.string().nullish(),
  priv_level: z.string().optional(),
  expires: z.string(),
  expires_in_s: z.number().optional(),
});

export const accountSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  realm: z.string().optional(),
  timezone: z.string().optional(),
  parent_id: z.string().nullish(),
});
export type Account = z.infer<typeof accountSchema>;

/** Any stored document: an id and whatever fields its type has, kept as they are. */
export const documentSchema = z.looseObject({ id: z.string() });
export type Doc = z.infer<typeof documentSchema> & Record<string, unknown>;

export const documentListSchema = z.array(documentSchema);

export const anySchema = z.unknown();

/** The JSON schemas the server validates with, annotated with x-ref, x-children and x-category. */
export const schemaNamesSchema = z.array(z.string());
