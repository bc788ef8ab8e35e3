import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-server';
import {
  isLoopback,
  listeningOn,
  listeningSockets,
  processesWith,
} from '../support/listening-sockets';

const root = path.resolve(__dirname, '..', '..', '..');
const screenshots = path.join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The bot as a newcomer runs it (`npm start` in local mode, sample organisation), used through the
 * Microsoft 365 Agents Playground in headless Chromium.
 */
describe('the bot in the Agents Playground', function () {
  this.timeout(120000);
  let bot: BotProcess;
  let browser: Browser;
  let page: Page;
  let playgroundUrl: string;
  let playgroundPort: number;

  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    playgroundPort = await freePort();
    playgroundUrl = `http://127.0.0.1:${playgroundPort}/`;
    bot = await startBotProcess({
      orgFile: path.join(root, 'org', 'sample-organisation.json'),
      env: { PLAYGROUND: 'on', PLAYGROUND_PORT: String(playgroundPort), LOG_LEVEL: 'info' },
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1100 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    page = await context.newPage();
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(playgroundUrl, { waitUntil: 'networkidle' });
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await page.waitForTimeout(200);
      }
    }
  });

  after(async function () {
    if (this.currentTest?.state === 'failed') process.stderr.write(bot.output());
    await browser?.close();
    await bot?.stop();
  });

  it('takes a question in the personal chat, shows its number, and posts the triage card in the channel', async () => {
    await page.getByText('Qm+ Hjelp', { exact: false }).first().waitFor();
    const input = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    await input.click();
    await input.type('Jeg finner ikke prosedyren for brannvern i e-håndboken');
    await page.keyboard.press('Enter');
    await page
      .getByText(/QM-\d{4}-0001/)
      .first()
      .waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(screenshots, 'playground-status-card.png') });

    await page
      .getByText(/henvendelser/i)
      .first()
      .click();
    const claim = page.getByRole('button', { name: 'Jeg tar den' }).first();
    await claim.waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(screenshots, 'playground-triage-card.png') });

    // The signed-in Playground user is an ordinary employee: the bot refuses and says why.
    await claim.click();
    // In Norwegian: the Playground runs in the organisation's language and time zone.
    const refusal = page.getByText(/Du kan ikke behandle denne saken/);
    await refusal
      .first()
      .waitFor({ timeout: 15000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(screenshots, 'playground-refusal-missing.png') });
        throw error;
      });
    await page.screenshot({ path: path.join(screenshots, 'playground-refusal.png') });
    assert.ok(await refusal.first().isVisible());
  });

  it('listens on loopback only, the bot and every server of the Playground', () => {
    const botPort = Number(new URL(bot.url).port);
    const botSockets = listeningOn(botPort);
    assert.ok(botSockets.length > 0, 'the bot listens');
    assert.deepEqual(
      botSockets.filter((s) => !isLoopback(s)),
      [],
    );
    const playgrounds = processesWith('-p', String(playgroundPort));
    assert.equal(playgrounds.length, 1, 'one Playground process for this port');
    const sockets = listeningSockets(playgrounds[0]);
    assert.ok(
      sockets.some((s) => s.port === playgroundPort),
      'the Playground listens on its port',
    );
    assert.deepEqual(
      sockets.filter((s) => !isLoopback(s)),
      [],
    );
  });
});
