import assert from 'node:assert/strict';
import { placeCard } from '../../src/inquiries/posted-cards';

describe('where an inquiry’s cards are', () => {
  const thread = { conversationId: '19:c;messageid=1', activityId: '1' };
  const toSverre = { conversationId: 'a:sverre', activityId: '2', recipientKey: 'sverre' };

  it('keeps one triage card per conversation, the latest', () => {
    const once = placeCard({ triageCards: [] }, { triage: thread });
    const twice = placeCard(once, { triage: toSverre });
    const again = placeCard(twice, { triage: { ...toSverre, activityId: '3' } });
    assert.deepEqual(again.triageCards, [thread, { ...toSverre, activityId: '3' }]);
  });

  it('keeps the asker’s latest status card, and the one before when none is posted', () => {
    const status = { conversationId: 'a:kari', activityId: '4' };
    const placed = placeCard({ triageCards: [] }, { askerStatus: status });
    assert.deepEqual(placed, { triageCards: [], askerStatus: status });
    assert.deepEqual(placeCard(placed, { triage: thread }).askerStatus, status);
  });
});
