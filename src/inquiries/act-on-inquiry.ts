import { withCurrentAbsences } from '../absence/active-absences';
import { escalationTiming } from '../escalation/policy';
import { recordSolved } from '../knowledge/solved';
import { retime } from '../escalation/deadlines';
import { handlerRole } from '../routing/authorisation';
import type { Command, Refusal } from './commands';
import { decide } from './state-machine';
import { withReopenWindow } from './reopen-window';
import type { Inquiry } from './inquiry';
import type { InquiryDeps } from './open-inquiry';
import type { PersonRef } from './person';
import { isRepeat, withRequestKey } from './repeats';

export type ActOutcome =
  /** `repeat`: the same request was taken before, and nothing changed now. */
  | { ok: true; inquiry: Inquiry; repeat?: true }
  | ({ ok: false; inquiry?: Inquiry } & (
      Refusal | { reason: 'unknown_inquiry' } | { reason: 'busy' }
    ));

const maxAttempts = 5;

/**
 * Carries out a command on an inquiry: load, check who is acting, decide, save with the etag that
 * was read. When someone else saved first, it reloads and decides again on what they saved, so two
 * simultaneous claims give one winner and a clear "already claimed by" to the other. A request
 * with a `requestKey` is taken once: given again, it changes nothing and says so.
 */
export async function actOnInquiry(
  deps: Omit<InquiryDeps, 'ids'>,
  inquiryId: string,
  person: PersonRef,
  command: Command,
  requestKey?: string,
): Promise<ActOutcome> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const found = await deps.store.inquiries.get(inquiryId);
    if (!found) return { ok: false, reason: 'unknown_inquiry' };
    if (isRepeat(found, requestKey)) return { ok: true, inquiry: found, repeat: true };
    // Sent on by hand, it goes to whoever stands in for someone away today.
    const inquiry =
      command.type === 'escalate'
        ? await withCurrentAbsences(deps.store, found, deps.clock.now())
        : found;
    const role = handlerRole(deps.directory, inquiry, person.email);
    const decision = decide(
      inquiry,
      command,
      { person, ...(role ? { role } : {}) },
      deps.clock.now(),
    );
    if (!decision.ok) return { ...decision, inquiry };
    const now = deps.clock.now();
    const timed = retime(
      inquiry,
      withReopenWindow(inquiry, decision.inquiry, now, deps.directory),
      now,
      escalationTiming(deps.directory),
    );
    const saved = await deps.store.inquiries.update(
      withRequestKey(timed, requestKey),
      decision.notifications,
    );
    if (saved.ok) {
      if (inquiry.status !== 'resolved') await recordSolved(deps.store, saved.value, now);
      return { ok: true, inquiry: saved.value };
    }
    if (saved.reason === 'not_found') return { ok: false, reason: 'unknown_inquiry' };
  }
  return { ok: false, reason: 'busy' };
}
