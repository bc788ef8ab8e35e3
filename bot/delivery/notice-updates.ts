import { currentNoticeCard } from '../../cards/notice';
import type { Inquiry, NoticeHead, PostedNotice } from '../../src/inquiries/inquiry';
import type { Directory } from '../../src/org/directory';
import type { Logger } from '../../src/logger';
import type { Store } from '../../src/store/ports';
import { cardActivity } from './card-activity';
import { isPermanent } from './errors';
import type { PostedMessage, TeamsSender } from './teams-sender';

/** Records a notice the bot sent about an inquiry, so that it is updated with the inquiry. */
export async function recordNotice(
  store: Store,
  inquiryId: string,
  sent: PostedMessage,
  head: NoticeHead,
  recipientKey?: string,
): Promise<void> {
  const notice: PostedNotice = {
    conversationId: sent.conversationId,
    activityId: sent.activityId,
    ...(recipientKey ? { recipientKey } : {}),
    head,
  };
  await store.inquiries.recordCard(inquiryId, { notice });
}

/**
 * Updates every kept ping and 1:1 notice about the inquiry in place: the head as it was sent, the
 * inquiry as it is now, and only the actions that still apply. A notice Teams no longer has (the
 * message deleted, the chat gone) is skipped and logged; it must not hold up the others.
 */
export async function updateNotices(
  deps: { sender: TeamsSender; logger?: Logger },
  inquiry: Inquiry,
  directory: Directory,
  serviceUrlOf: (personKey: string | undefined) => Promise<string>,
): Promise<void> {
  for (const notice of inquiry.teams.notices ?? []) {
    const card = currentNoticeCard(
      notice.head,
      inquiry,
      directory,
      directory.language,
      directory.timeZone,
    );
    const activity = cardActivity(card, inquiry.number, directory.language);
    try {
      await deps.sender.update(await serviceUrlOf(notice.recipientKey), notice, activity);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      deps.logger?.warn(
        { inquiry: inquiry.id, error: (error as Error).message },
        'a notice could not be updated',
      );
    }
  }
}
