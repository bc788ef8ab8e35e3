import type { Inquiry } from '../../src/inquiries/inquiry';
import { personRef } from '../../src/inquiries/person';
import type { Directory } from '../../src/org/directory';
import { buildChain, firstLevel } from '../../src/routing/chain';

/** An inquiry as openInquiry would store it, for deciding on without a store. */
export function openInquiryDraft(
  directory: Directory,
  asker: { email: string; name: string },
  unitId = 'hauge-vgs',
  topicId = 'avvik',
): Inquiry {
  const chain = buildChain(directory, unitId, topicId);
  const at = '2026-11-30T09:00:00.000Z';
  return {
    id: 'inq-1',
    number: 'QM-2026-0001',
    requestKey: 'r1',
    status: 'new',
    level: firstLevel(chain),
    asker: personRef(asker),
    locale: 'nb',
    unitId,
    workAreaId: directory.unit(unitId)!.workArea,
    topicId,
    text: 'Hvordan melder jeg et avvik?',
    chain,
    createdAt: at,
    updatedAt: at,
    teams: { triageCards: [] },
    history: [{ type: 'opened', at }],
    etag: '1',
  };
}
