import type { Logger } from '../logger';

/** An admin's privacy action, once it has been done. */
export type PrivacyAction =
  | { kind: 'export_link'; by: string; subject: string; at: string }
  | { kind: 'export_download'; by: string; subject: string; at: string }
  | { kind: 'erase'; by: string; subject: string; at: string; counts: Record<string, number> };

/**
 * Where every privacy action of an admin ends: the one place that records it. The log line
 * names neither the admin nor the person (keys are email addresses), only what was done.
 */
export function privacyActionCompleted(logger: Logger, action: PrivacyAction): void {
  logger.info(
    { action: action.kind, ...(action.kind === 'erase' ? { counts: action.counts } : {}) },
    'privacy action completed',
  );
}
