import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { reportTurnError } from '../../bot/handlers/turn-error';
import { createLogger } from '../../src/logger';
import { StoreUnavailableError } from '../../src/store/errors';

/** A turn that records what the bot says in it. */
function turn(activity: { type: string; locale?: string }): {
  context: TurnContext;
  said: string[];
} {
  const said: string[] = [];
  const context = {
    activity,
    turnState: new Map(),
    sendActivity: (text: string) => {
      said.push(text);
      return Promise.resolve(undefined);
    },
  } as unknown as TurnContext;
  return { context, said };
}

const logger = createLogger('silent');

describe('a failed turn', () => {
  it('tells the person in their language that nothing sent before is lost', async () => {
    const nb = turn({ type: 'message' });
    await reportTurnError(nb.context, new Error('boom'), logger);
    assert.deepEqual(nb.said, [
      'Noe gikk galt hos Qm+ Hjelp. Ingenting du har sendt er tapt; prøv igjen om litt.',
    ]);
    const en = turn({ type: 'message', locale: 'en-US' });
    await reportTurnError(en.context, new Error('boom'), logger);
    assert.match(en.said[0] ?? '', /^Something went wrong in Qm\+ Hjelp/);
  });

  it('says the store cannot be reached, and that the message may not have been kept', async () => {
    const { context, said } = turn({ type: 'message' });
    await reportTurnError(context, new StoreUnavailableError('timeout'), logger);
    assert.equal(said.length, 1);
    assert.match(said[0], /får ikke kontakt med lagringen/);
    assert.match(said[0], /usikkert om denne meldingen kom med/);
  });

  it('says nothing in a turn that was not a message', async () => {
    const { context, said } = turn({ type: 'event' });
    await reportTurnError(context, new StoreUnavailableError('timeout'), logger);
    assert.deepEqual(said, []);
  });
});
