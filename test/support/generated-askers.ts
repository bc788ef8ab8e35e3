import { tenantId, teamsUser, type TestUser } from './activities';
import { organisation } from './domain-fixture';
import { cardOf, type FakeConnector, type RecordedRequest } from './fake-connector';
import { cardText } from './organisation';

/**
 * The test organisation with `count` generated employees of Hauge vgs (whose inquiries go to the
 * schools' triage channel), and those employees as Teams identifies them.
 */
export function organisationWithAskers(count: number): { org: object; askers: TestUser[] } {
  const generated = Array.from({ length: count }, (_, index) => ({
    email: `ansatt.${index}@fylke.example`,
    name: `Ansatt ${index}`,
    unit: 'hauge-vgs',
    aadObjectId: `30000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  }));
  return {
    org: { ...organisation, people: [...organisation.people, ...generated] },
    askers: generated.map(teamsUser),
  };
}

/** Makes the generated askers known to Teams: the app installed personally, members of every team. */
export function addAskers(connector: FakeConnector, askers: TestUser[]): void {
  for (const asker of askers)
    connector.addUser({
      teamsId: asker.teamsId,
      aadObjectId: asker.aadObjectId ?? '',
      userPrincipalName: asker.email,
      email: asker.email,
      name: asker.name,
      tenantId,
    });
}

/** The inquiry numbers on the cards of these accepted posts, each as often as it was posted. */
export function numbersPosted(requests: RecordedRequest[]): string[] {
  return requests.flatMap((r) => {
    const card = cardOf(r.path === '/v3/conversations' ? r.body?.activity : r.body);
    const number = /QM-\d{4}-\d{4}/.exec(cardText(card))?.[0];
    return number ? [number] : [];
  });
}

/** How often each item occurs. */
export function counted(items: string[]): Map<string, number> {
  return items.reduce((counts, n) => counts.set(n, (counts.get(n) ?? 0) + 1), new Map());
}

/** The items that occur more than once, with how often. */
export function repeated(items: string[]): [string, number][] {
  return [...counted(items)].filter(([, n]) => n > 1);
}
