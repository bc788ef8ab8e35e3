import { firstLevel } from '../../routing/chain';
import type { Chain, Place } from '../inquiry';
import { inHandlersQueue } from '../statuses';
import { clip, closedUnless, holderRefusal, textRefusal, type Transition } from './transition';

/** Where a handler moves an inquiry: a unit and topic, with the chain frozen again from them. */
export interface MoveTarget extends Place {
  workAreaId: string;
  chain: Chain;
}

/**
 * "Flytt": a handler moves an inquiry filed under the wrong unit or topic. It starts again from
 * the first level of the new chain, unclaimed, with a new deadline; the new work area gets its
 * triage card with mentions, and the asker is told where it went.
 */
export const move: Transition<{ type: 'move'; to: MoveTarget; reason: string }> = {
  givenBy: 'handler',
  check: (command) => textRefusal(command.reason),
  guard: (inquiry, standing) =>
    closedUnless(inHandlersQueue.includes(inquiry.status), inquiry) ??
    holderRefusal(inquiry, standing),
  apply: (inquiry, command, step) => {
    const { to } = command;
    if (to.unitId === inquiry.unitId && to.topicId === inquiry.topicId)
      return { ok: false, reason: 'same_place' };
    const level = firstLevel(to.chain);
    return step.change(
      {
        unitId: to.unitId,
        workAreaId: to.workAreaId,
        topicId: to.topicId,
        chain: to.chain,
        level,
        status: 'new',
        assignee: undefined,
        vendorCase: undefined,
      },
      {
        type: 'moved',
        level,
        note: clip(command.reason),
        move: {
          from: { unitId: inquiry.unitId, topicId: inquiry.topicId },
          to: { unitId: to.unitId, topicId: to.topicId },
        },
      },
      [
        ...step.everyone,
        { kind: 'triage.post', inquiryId: inquiry.id },
        { kind: 'asker.notice', inquiryId: inquiry.id, reason: 'moved' },
      ],
    );
  },
};
