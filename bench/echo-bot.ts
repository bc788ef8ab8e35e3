/**
 * The benchmark's yardstick: the least a bot on the same stack does (restify, botbuilder's Teams
 * adapter from teams-ai, a teams-ai Application with turn state in memory) when a person writes
 * to it: it answers with the text it was sent. Started by the benchmark as its own process;
 * prints one JSON line with its port once it listens.
 */
import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';

const adapter = new TeamsAdapter({});
const app = new Application({
  adapter,
  storage: new MemoryStorage(),
  removeRecipientMention: true,
  startTypingTimer: false,
  longRunningMessages: false,
});
app.activity(ActivityTypes.Message, async (context) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
});

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await app.run(context);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ msg: 'echo bot is listening', port: server.address().port })}\n`,
  );
});
process.once('SIGTERM', () => {
  server.close(() => {
    process.exit(0);
  });
});
