import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { osloOffice } from './calendars';
import { organisation, people } from './domain-fixture';
import { cardOf, type FakeConnector, type RecordedRequest } from './fake-connector';
import { coordinatorAad, systemResponsibleAad } from './teams-model';

export function writeOrganisation(org: object = organisation): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-org-')), 'organisation.json');
  fs.writeFileSync(file, JSON.stringify(org));
  return file;
}

/** Every text of a card, flattened, to assert what a person would read. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
          texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** Entra ids given to the coordinator and the system responsible, so the bot can reach them 1:1. */
export { coordinatorAad, systemResponsibleAad };

/**
 * How long each level of the test organisation has, in business time: hours for a superuser, a
 * working day for the coordinator, two for the system responsible, then daily vendor reminders.
 */
export const officeEscalation = {
  superuser: 'PT4H',
  coordinator: 'PT8H',
  systemResponsible: 'P2D',
  claimTimeout: 'P1D',
  reminderBefore: 'PT1H',
  vendorReminderInterval: 'P1D',
  vendorReminders: 2,
};

/**
 * The test organisation on Oslo office hours with an escalation policy (`officeEscalation` unless
 * given); everyone in the chain can be reached in 1:1 chat.
 */
export function escalatingOrganisation(escalation: object = officeEscalation): object {
  return {
    ...organisation,
    people: organisation.people.map((person) =>
      person.email === people.coordinator.email
        ? { ...person, aadObjectId: coordinatorAad }
        : person.email === people.systemResponsible.email
          ? { ...person, aadObjectId: systemResponsibleAad }
          : person,
    ),
    escalation,
    calendar: osloOffice,
  };
}

/** The inquiry id a card's actions carry. */
export function inquiryIdOf(card: unknown): string {
  const find = (node: any): string | undefined => {
    if (Array.isArray(node)) return node.map(find).find(Boolean);
    if (node && typeof node === 'object')
      return node.data?.inquiryId ?? Object.values(node).map(find).find(Boolean);
    return undefined;
  };
  const id = find(card);
  assert.ok(id, 'the card carries its inquiry id');
  return id;
}

/** The inquiry numbers a card shows, in order. */
export function numbersIn(card: unknown): string[] {
  return cardText(card).match(/QM-\d{4}-\d{4}/g) ?? [];
}

/** What a person reads in a message Teams received: its text and its card's text. */
export function messageText(request: RecordedRequest): string {
  const activity = request.path === '/v3/conversations' ? request.body.activity : request.body;
  return [activity?.text ?? '', cardText(cardOf(activity) ?? {})].join('\n');
}

/** Waits until a card in `conversationId` is updated in place to read `pattern`. */
export function cardUpdated(
  connector: FakeConnector,
  conversationId: string,
  pattern: RegExp,
  what: string,
): Promise<RecordedRequest> {
  return connector.waitFor(
    () =>
      connector
        .updates()
        .find((r) => r.conversationId === conversationId && pattern.test(cardText(cardOf(r.body)))),
    what,
  );
}
