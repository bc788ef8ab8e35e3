import { organisationSchema, type Organisation } from './schema';

export interface OrgError {
  /** JSON path of the offending value, such as `$.units[3].workArea`. */
  path: string;
  message: string;
}

export type OrgValidation = { ok: true; org: Organisation } | { ok: false; errors: OrgError[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

/** Validates an organisation document and reports every error with its JSON path. */
export function validateOrganisation(input: unknown): OrgValidation {
  const result = organisationSchema.safeParse(input);
  if (result.success) return { ok: true, org: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Parses and validates the text of an organisation file. */
export function parseOrganisation(text: string): OrgValidation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return validateOrganisation(json);
}
