import { escalationTiming } from '../escalation/policy';
import { startClock } from '../escalation/deadlines';
import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Directory } from '../org/directory';
import { inquiryIdFor } from './inquiry-id';
import { activeAbsences } from '../absence/active-absences';
import { buildChain, chainMembers, firstLevel, targetsAt, withAbsences } from '../routing/chain';
import type { Store } from '../store/ports';
import type { Inquiry, NewInquiry, PostedCard } from './inquiry';
import type { PersonRef } from './person';
import type { NewAttachment } from './commands';
import type { Intake } from './intake';

export const maxQuestionLength = 4000;

export interface OpenInquiryInput {
  /** Idempotency key: the same key never opens a second inquiry. */
  requestKey: string;
  asker: PersonRef;
  unitId: string;
  topicId: string;
  text: string;
  locale: Locale;
  /** The asker's message that becomes the status card, when the asking happened on a card. */
  askerStatusCard?: PostedCard;
  /** Files and images sent with the question. */
  attachments?: NewAttachment[];
  /** The helpdesk registered it for the asker, who phoned, emailed or came by. */
  intake?: Intake;
}

export interface InquiryDeps {
  store: Store;
  clock: Clock;
  directory: Directory;
}

/**
 * Opens an inquiry: freezes who handles it at each level, stores it with its number, and queues
 * the asker's status card and the triage card, in one write. Nobody is told before it is stored.
 */
export async function openInquiry(
  deps: InquiryDeps,
  input: OpenInquiryInput,
): Promise<{ inquiry: Inquiry; created: boolean }> {
  const unit = deps.directory.unit(input.unitId);
  if (!unit) throw new Error(`Unknown unit ${input.unitId}`);
  const askerKey = input.asker.key;
  const roles = buildChain(deps.directory, input.unitId, input.topicId, { askerKey });
  const absent = await activeAbsences(
    deps.store,
    chainMembers(roles).map((m) => m.key),
    deps.clock.now(),
  );
  const chain = withAbsences(roles, absent, askerKey);
  const level = firstLevel(chain);
  const at = deps.clock.now().toISOString();
  const id = inquiryIdFor(input.requestKey);
  const draft: NewInquiry = {
    id,
    requestKey: input.requestKey,
    status: 'new',
    level,
    asker: input.asker,
    ...(input.intake ? { intake: input.intake } : {}),
    locale: input.locale,
    unitId: unit.id,
    workAreaId: unit.workArea,
    topicId: input.topicId,
    text: input.text.trim(),
    chain,
    ...(input.attachments && input.attachments.length > 0
      ? { attachments: input.attachments.map((a) => ({ ...a, at })) }
      : {}),
    createdAt: at,
    updatedAt: at,
    teams: {
      triageCards: [],
      ...(input.askerStatusCard ? { askerStatus: input.askerStatusCard } : {}),
    },
    history: [
      ...(input.intake
        ? [{ type: 'registered' as const, at, by: input.intake.by, channel: input.intake.channel }]
        : []),
      { type: 'opened', at, by: { key: input.asker.key, name: input.asker.name } },
      {
        type: 'routed',
        at,
        level,
        note: targetsAt(chain, level)
          .map((p) => p.name)
          .join(', '),
      },
    ],
  };
  const timed = startClock(draft, deps.clock.now(), escalationTiming(deps.directory));
  return deps.store.inquiries.create(timed, [
    { kind: 'asker.status', inquiryId: id },
    { kind: 'triage.post', inquiryId: id },
  ]);
}
