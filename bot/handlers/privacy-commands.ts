import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { erasePersonCardData, renderErasePersonCard } from '../../cards/erase-person';
import type { AdaptiveCardJson } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import {
  derivedKey,
  sealSubject,
  signLink,
  signedQueryString,
  verifyLink,
} from '../../src/links/signed-link';
import type { AuditActor } from '../../src/audit/audit-event';
import { privacyActionCompleted, type PrivacyRecordDeps } from '../../src/privacy/completed';
import { erasePerson } from '../../src/privacy/erase-person';
import { identify, type PersonIdentity } from '../../src/privacy/person-data';
import { forgetFocus } from './asker-focus';
import { readTurn, type HandlerDeps, type Turn } from './context';

/** How long an export link and an erasure confirmation hold. */
export const privacyLinkMinutes = 15;
export const exportPurpose = 'privacy-export';
const erasePurpose = 'privacy-erase';

/** What an export link carries, sealed: whose data, and which admin asked for it. */
export const exportSubject = z.object({ person: z.string(), by: z.string() });

/** The key export subjects are sealed with, derived from the link key. */
export function exportSealKey(linkKey: Buffer): Buffer {
  return derivedKey(linkKey, 'export-subject');
}

function recordDeps(deps: HandlerDeps): PrivacyRecordDeps {
  return { ...deps, pseudonymise: deps.privacy.pseudonymise };
}

function actorOf(turn: Turn): AuditActor {
  return { key: turn.who.person.key, name: turn.who.person.name };
}

function isAdmin(turn: Turn): boolean {
  const email = turn.who.person.email;
  return !!email && turn.directory.isAdmin(email);
}

/** "personvern": what an admin can do, and the retention period in force. */
export async function showPrivacy(context: TurnContext, turn: Turn): Promise<void> {
  const { t, directory } = turn;
  if (!isAdmin(turn)) {
    await context.sendActivity(t.privacy.notAdmin);
    return;
  }
  const period = directory.snapshot.structure.retainFinishedFor;
  const retention = period ? t.privacy.retention(period) : t.privacy.noRetention;
  await context.sendActivity(`${t.privacy.usage}\n\n${retention}`);
}

/** "eksporter person <e-post>": a signed link, for a short while, to everything stored about them. */
export async function exportPersonCommand(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  person: string | undefined,
): Promise<void> {
  const { t } = turn;
  if (!isAdmin(turn)) {
    await context.sendActivity(t.privacy.notAdmin);
    return;
  }
  if (!person) {
    await context.sendActivity(t.privacy.usage);
    return;
  }
  const now = deps.clock.now();
  const expiresAt = now.getTime() + privacyLinkMinutes * 60_000;
  // Sealed into the link itself: nothing about whose data it is is stored or readable.
  const subject = sealSubject(
    exportSealKey(deps.privacy.linkKey),
    JSON.stringify({ person, by: turn.who.person.key }),
  );
  const query = signedQueryString(deps.privacy.linkKey, {
    purpose: exportPurpose,
    subject,
    expiresAt,
  });
  const link = `${deps.privacy.publicUrl()}/privacy/export?${query}`;
  await privacyActionCompleted(recordDeps(deps), {
    kind: 'export_link',
    by: actorOf(turn),
    subject: person,
    at: now.toISOString(),
  });
  await context.sendActivity(t.privacy.exportReady(person, link, privacyLinkMinutes));
}

async function summary(deps: HandlerDeps, identity: PersonIdentity) {
  const { store } = deps;
  const inquiries = await store.inquiries.involving(identity.keys);
  const asked = inquiries.filter((i) => identity.keys.includes(i.asker.key)).length;
  const drafts = await Promise.all(identity.keys.map((key) => store.drafts.byAsker(key, 1000)));
  const profiles = await Promise.all(identity.keys.map((key) => store.profiles.get(key)));
  const absences = await Promise.all(identity.keys.map((key) => store.absences.get(key)));
  const name = identity.organisation?.name ?? profiles.find(Boolean)?.name;
  return {
    label: identity.label,
    ...(name ? { name } : {}),
    asked,
    handled: inquiries.length - asked,
    drafts: drafts.flat().length,
    profile: profiles.some(Boolean),
    absence: absences.some(Boolean),
    inOrganisation: identity.organisation !== undefined,
  };
}

/** "slett person <e-post>": what erasing them changes, with a confirmation that holds a while. */
export async function erasePersonCommand(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  person: string | undefined,
): Promise<void> {
  const { t, directory, locale } = turn;
  if (!isAdmin(turn)) {
    await context.sendActivity(t.privacy.notAdmin);
    return;
  }
  if (!person) {
    await context.sendActivity(t.privacy.usage);
    return;
  }
  const identity = identify(person, directory);
  const expiresAt = deps.clock.now().getTime() + privacyLinkMinutes * 60_000;
  const signed = signLink(deps.privacy.linkKey, {
    purpose: erasePurpose,
    subject: identity.label,
    expiresAt,
  });
  const card = renderErasePersonCard(
    erasePersonCardData(
      await summary(deps, identity),
      { person: identity.label, e: signed.e, sig: signed.sig },
      locale,
    ),
  );
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

const eraseData = z.object({
  person: z.string().trim().toLowerCase().min(3).max(320),
  e: z.string().max(20),
  sig: z.string().max(100),
});

/** The confirmation's button: checked again (admin, signature, expiry), then the erasure. */
export function privacyActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<AdaptiveCardJson | string>> {
  return {
    [Verbs.erasePerson]: async (context, data) => {
      const turn = await readTurn(context, deps);
      const { t } = turn;
      if (!isAdmin(turn)) return t.privacy.notAdmin;
      const parsed = eraseData.safeParse(data);
      if (!parsed.success) return t.refusals.invalidAction;
      const { person, e, sig } = parsed.data;
      const now = deps.clock.now();
      const check = verifyLink(
        deps.privacy.linkKey,
        { p: erasePurpose, s: person, e, sig },
        erasePurpose,
        now,
      );
      if (!check.ok) {
        turn.log.warn({ reason: check.reason }, 'erasure confirmation refused');
        return t.privacy.stale;
      }
      const identity = identify(person, turn.directory);
      // What the bot layer keeps per person besides: the inquiry they were adding files to.
      await forgetFocus(deps.store, identity.keys);
      const result = await erasePerson(deps.store, identity, deps.privacy.pseudonymise, now);
      for (const key of identity.keys) deps.stored.forget(`person:${key}`);
      await privacyActionCompleted(recordDeps(deps), {
        kind: 'erase',
        by: actorOf(turn),
        subject: person,
        at: now.toISOString(),
        counts: {
          asked: result.asked,
          handled: result.handled,
          notChanged: result.notChanged,
          drafts: result.drafts,
          notifications: result.notifications,
          knowledgeEntries: result.knowledgeEntries,
          selfServed: result.selfServed,
        },
      });
      const done = t.privacy.erased(person, result.asked, result.handled);
      return result.notChanged > 0 ? `${done} ${t.privacy.notChanged(result.notChanged)}` : done;
    },
  };
}
