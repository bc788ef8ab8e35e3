import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-server';

const root = path.resolve(__dirname, '..', '..', '..');
/** Test artefacts (ignored by git); the README's screenshots are copied from here. */
const screenshots = path.join(root, 'test-results');
const readmeImages = path.join(root, 'docs', 'images');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long the bot and the Playground may take to show something on a busy machine. */
const shows = { timeout: 30_000 };

/**
 * The bot as a newcomer runs it (`npm start` in local mode, sample organisation), used through the
 * Microsoft 365 Agents Playground in headless Chromium by two people: the employee in her
 * Playground, the superuser of her unit in his.
 */
describe('the help chain in the Agents Playground, as the employee and her superuser', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  let browser: Browser;
  let employee: Page;
  let superuser: Page;
  const taken: string[] = [];
  const question = 'Jeg finner ikke prosedyren for brannvern i e-håndboken';
  const answer = 'Den ligger under HMS → Brannvern i e-håndboken.';

  async function playgroundUrl(role: string): Promise<string> {
    const line = await bot.logged(new RegExp(`"playground":"${role}".*is running`));
    return (JSON.parse(line) as { url: string }).url;
  }

  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    const page = await context.newPage();
    // The bot logs the address once the Playground says it listens: it answers from then on.
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByText('Qm+ Hjelp', { exact: false }).first().waitFor(shows);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    taken.push(name);
  }

  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    bot = await startBotProcess({
      orgFile: path.join(root, 'org', 'sample-organisation.json'),
      env: { PLAYGROUND: 'on', PLAYGROUND_PORT: String(await freePort()), LOG_LEVEL: 'info' },
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
    employee = await open(await playgroundUrl('employee'));
    superuser = await open(await playgroundUrl('superuser'));
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    process.stderr.write(bot.output());
    await employee?.screenshot({ path: path.join(screenshots, 'failed-employee.png') });
    await superuser?.screenshot({ path: path.join(screenshots, 'failed-superuser.png') });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    // The README shows what each person sees, as this run saw it.
    fs.mkdirSync(readmeImages, { recursive: true });
    for (const name of taken) {
      fs.copyFileSync(
        path.join(screenshots, `${name}.png`),
        path.join(readmeImages, `${name}.png`),
      );
    }
  });

  it('takes the employee’s question in her chat and shows her its number on a status card, in Norwegian', async () => {
    const input = employee
      .locator('[contenteditable="true"], textarea, input[type="text"]')
      .first();
    await input.click();
    await input.type(question);
    await employee.keyboard.press('Enter');
    // The knowledge base may first offer answers; she sends the question on to her superuser.
    const sendOn = employee.getByRole('button', { name: 'Send til superbruker', exact: true });
    const number = employee.getByText(/QM-\d{4}-0001/).first();
    await Promise.race([
      sendOn
        .first()
        .waitFor(shows)
        .catch(() => undefined),
      number.waitFor(shows).catch(() => undefined),
    ]);
    if (await sendOn.first().isVisible()) await sendOn.first().click();
    await number.waitFor(shows);
    await employee.getByText('Venter på superbruker').first().waitFor(shows);
    await screenshot(employee, 'employee-question');
  });

  it('shows the superuser the triage card in the work area’s channel, and lets him claim it', async () => {
    await superuser
      .getByText(/henvendelser/i)
      .first()
      .click();
    await superuser.getByText(question).first().waitFor(shows);
    await screenshot(superuser, 'superuser-triage-card');
    await superuser.getByRole('button', { name: 'Jeg tar den', exact: true }).first().click();
    await superuser.getByText('Under behandling · Sverre Lunde').first().waitFor(shows);
    await employee.getByText('Sverre Lunde ser på saken').first().waitFor(shows);
  });

  it('lets the superuser answer on the card, and the answer reaches the employee', async () => {
    await superuser.getByRole('button', { name: 'Svar', exact: true }).first().click();
    const field = superuser.getByLabel('Skriv svaret til innsender').first();
    await field.fill(answer);
    await superuser.getByRole('button', { name: 'Send svar', exact: true }).first().click();
    await superuser
      .getByText(/^Besvart/)
      .first()
      .waitFor(shows);
    await screenshot(superuser, 'superuser-answered');

    await employee.getByText(answer).first().waitFor(shows);
    await employee.getByText('Løste svaret saken din?').first().waitFor(shows);
    await screenshot(employee, 'employee-answer');
  });

  it('lets the employee mark it solved, and both see it solved', async () => {
    await employee.getByRole('button', { name: 'Løst', exact: true }).last().click();
    await superuser.getByText('Innsender bekreftet at saken er løst').first().waitFor(shows);
    await screenshot(superuser, 'superuser-solved');
    await employee.getByText(/^Løst/).first().waitFor(shows);
    await screenshot(employee, 'employee-solved');
    // Once solved, she is asked how the help was.
    await employee.getByText('Hvordan var hjelpen?').first().waitFor(shows);
  });
});
