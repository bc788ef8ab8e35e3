import type { z } from 'zod/v4';
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

type Issue = z.core.$ZodIssue;

/**
 * The errors a person can act on. Where a value may take one of several forms (the calendar is
 * "24/7" or an object), zod says only that none matched; when the value has the shape of exactly
 * one form, that form's own errors are reported instead, with their full paths.
 */
function explain(issue: Issue): OrgError[] {
  if (issue.code === 'invalid_union') {
    // A form whose errors are all inside the value is the form the value was meant to have.
    const sameType = issue.errors.filter((branch) =>
      branch.every((inner) => inner.path.length > 0),
    );
    if (sameType.length === 1) {
      return sameType[0].flatMap((inner) =>
        explain({ ...inner, path: [...issue.path, ...inner.path] }),
      );
    }
  }
  return [{ path: jsonPath(issue.path), message: issue.message }];
}

/** Validates an organisation document and reports every error with its JSON path. */
export function validateOrganisation(input: unknown): OrgValidation {
  const result = organisationSchema.safeParse(input);
  if (result.success) return { ok: true, org: result.data };
  return { ok: false, errors: result.error.issues.flatMap(explain) };
}

/**
 * The JSON of a file people edit, or the error at its root. A byte-order mark, as some editors on
 * Windows write it, is not part of the JSON.
 */
export function parseJsonText(
  text: string,
): { ok: true; json: unknown } | { ok: false; errors: OrgError[] } {
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
}

/** Parses and validates the text of an organisation file. */
export function parseOrganisation(text: string): OrgValidation {
  const parsed = parseJsonText(text);
  return parsed.ok ? validateOrganisation(parsed.json) : parsed;
}
