import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadMunicipality } from '../../config/load-municipality';
import { fixedClock } from '../../domain/clock';
import type { Municipality } from '../../domain/municipality';
import { startBot, type RunningBot } from '../../host';
import { createLogger } from '../../observability/logger';
import {
  playgroundConfigAs, readPlaygroundConfig, repoRoot, startPlayground, stopChild, waitForHttp, type PlaygroundConfig,
} from '../../scripts/local';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';

// The weekly round in a browser, the way a person meets it: the bot (in-process, on the demo
// municipality and an in-memory store) behind two Microsoft 365 Agents Playgrounds, one signed in
// as the coordinator and one as a reporter, driven in Debian's Chromium. The Playground shows a
// single signed-in user, so each person gets a Playground of their own on the same mock tenant.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
/** Wednesday of ISO week 49, 10:00 in Stockholm: the demo's round is open all week. */
const NOW = '2026-12-02T09:00:00Z';
const WEEK = '2026-W49';

const root = repoRoot();
const outDir = join(root, 'test-output');
const shotsDir = join(outDir, 'screenshots');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function demoFiles(): { m: Municipality; playground: PlaygroundConfig } {
  return {
    m: loadMunicipality(join(root, 'municipalities', 'demo.yaml')),
    playground: readPlaygroundConfig(join(root, '.m365agentsplayground.yml')),
  };
}

describe('the demo municipality and the Playground configuration', () => {
  it('describe the same tenant, people and meeting channel', () => {
    const { m, playground } = demoFiles();
    assert.equal(playground.tenantId, m.tenantId, 'the Playground tenant is the municipality tenant');
    assert.ok(m.coordinators.some((c) => c.id === playground.currentUser.aadObjectId), 'the Playground signs in as a coordinator');
    assert.equal(playground.users.length, 5, 'the Playground wants exactly five other users');
    const everyone = [playground.currentUser, ...playground.users];
    for (const u of everyone) {
      // The bot opens 1:1 chats naming people by Entra object id; the Playground finds users by id.
      assert.equal(u.id, u.aadObjectId, `${u.name}: id and aadObjectId are the same`);
    }
    const known = new Set(everyone.map((u) => u.aadObjectId));
    for (const p of [...m.coordinators, ...m.reporters, ...m.meetingMembers]) {
      assert.ok(known.has(p.id), `${p.name} (${p.id}) is a Playground user`);
      assert.equal(everyone.find((u) => u.aadObjectId === p.id)?.name, p.name, `${p.id} has the same name in both files`);
    }
    assert.ok(m.reporters.length > 0 && m.towns.length === 2, 'a reporter and two towns');
    assert.deepEqual(playground.team?.channels?.map((c) => c.id), [m.meetingChannel?.conversationId], 'the meeting channel is the team channel');
  });

  it('gives a reporter a Playground of their own on the same tenant', () => {
    const { m, playground } = demoFiles();
    const reporter = m.reporters[0]!;
    const as = playgroundConfigAs(playground, reporter.id);
    assert.equal(as.currentUser.aadObjectId, reporter.id);
    assert.equal(as.users.length, 5);
    assert.ok(as.users.some((u) => u.aadObjectId === playground.currentUser.aadObjectId), 'the coordinator is among the other users');
    assert.notEqual(as.personalChat.id, playground.personalChat.id, 'the personal chats have ids of their own');
    assert.equal(as.tenantId, playground.tenantId);
  });
});

describe('the weekly round in the Microsoft 365 Agents Playground (Chromium)', function () {
  this.timeout(60_000);

  let cosmos: LocalCosmos | undefined;
  let stores: Stores | undefined;
  let bot: RunningBot | undefined;
  let botLog: WriteStream | undefined;
  const playgrounds: ChildProcess[] = [];
  let launching: Promise<Browser> | undefined;
  let browser: Browser | undefined;
  let m: Municipality;
  let coordinator: Page;
  let reporter: Page;

  async function openAs(context: BrowserContext, port: number): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The client is one 9 MB script: loading it is most of this test's time on a busy machine,
    // so the greeting (further on) is what is waited for, not the load event.
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit', timeout: 10_000 });
    return page;
  }

  /** The message box is the last textbox in the Playground; Enter sends. */
  async function say(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
  }

  const shot = (page: Page, name: string, height?: number) =>
    page.screenshot({ path: join(shotsDir, name), ...(height ? { clip: { x: 0, y: 0, width: 1280, height } } : {}) });

  /**
   * Closes the Playground's log panel (it is for bot developers; the screenshots show what people
   * see). Done before any card is filled in: the chat re-renders on the change and a card loses
   * what was typed into it.
   */
  async function hideLogPanel(page: Page): Promise<void> {
    const hide = page.getByRole('button', { name: 'Hide log panel' });
    // Cosmetic: a Playground without this button only makes busier screenshots.
    await hide.click({ timeout: 10_000 }).then(() => hide.waitFor({ state: 'hidden', timeout: 5000 })).catch(() => undefined);
  }

  // Where the time goes, for a slow run: test-output/playground/timings.txt.
  let t0 = Date.now();
  const timings: string[] = [];
  const mark = (what: string) => timings.push(`${what}: ${Date.now() - t0} ms`);

  before(async function () {
    this.timeout(45_000);
    t0 = Date.now();
    // Not a skip: CI installs Chromium (.ci/run), so its absence is a broken machine.
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get update && apt-get install -y chromium), as .ci/run does; browser tests never download a browser.`);
    }
    mkdirSync(shotsDir, { recursive: true });
    mkdirSync(join(outDir, 'playground'), { recursive: true });
    const [botPort, coordinatorPort, reporterPort] = [await freePort(), await freePort(), await freePort()];
    const files = demoFiles();
    // The picture goes to the channel through the coordinator's Playground, wherever it listens.
    m = { ...files.m, meetingChannel: { ...files.m.meetingChannel!, serviceUrl: `http://127.0.0.1:${coordinatorPort}/_connector` } };

    // Chromium starts while the store, the bot and the Playgrounds do.
    launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
    launching.catch(() => undefined);
    cosmos = await LocalCosmos.start({ database: 'browser' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'browser', async () => connection.dispose());
    botLog = createWriteStream(join(outDir, 'playground', 'bot.log'));
    bot = await startBot({
      bot: { type: 'MultiTenant' }, port: botPort, host: '127.0.0.1', municipalities: [m], stores,
      log: createLogger('info', botLog), clock: fixedClock(NOW), scheduler: false, instanceId: 'browser-test',
    });

    const reporterConfig = join(outDir, 'playground', 'reporter.m365agentsplayground.yml');
    writeFileSync(reporterConfig, JSON.stringify(playgroundConfigAs(files.playground, m.reporters[0]!.id), null, 2));
    const start = (port: number, configPath: string, name: string) => {
      const child = startPlayground({
        root, port, botEndpoint: `${bot!.url}/api/messages`, configPath, logFile: join(outDir, 'playground', `${name}.log`),
      });
      playgrounds.push(child);
      return waitForHttp(`http://127.0.0.1:${port}/`, 20_000, child);
    };
    await Promise.all([
      start(coordinatorPort, join(root, '.m365agentsplayground.yml'), 'coordinator'),
      start(reporterPort, reporterConfig, 'reporter'),
    ]);
    browser = await launching;
    mark('services and browser ready');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, locale: 'sv-SE' });
    // Nothing leaves the machine: the Playground's web fonts and animations come from a CDN.
    // Only such requests are intercepted: routing every request would slow the 9 MB client down.
    await context.route((url) => !LOOPBACK.has(url.hostname), (route) => route.abort());
    [reporter, coordinator] = await Promise.all([openAs(context, reporterPort), openAs(context, coordinatorPort)]);
    mark('pages loaded');
  });

  after(async function () {
    this.timeout(20_000);
    browser ??= await launching?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await Promise.all(playgrounds.map((p) => stopChild(p, 3000)));
    await bot?.stop().catch(() => undefined);
    await stores?.close().catch(() => undefined);
    await cosmos?.stop().catch(() => undefined);
    botLog?.end();
    writeFileSync(join(outDir, 'playground', 'timings.txt'), `${timings.join('\n')}\n`);
  });

  it('coordinator sends the questionnaires, the reporter answers on the card, the picture reaches the meeting channel', async () => {
    const reporterPerson = m.reporters[0]!;
    const town = m.towns.find((t) => t.id === reporterPerson.towns[0])!;

    // Opening the Playground installs the app for its user: the bot greets them and learns where
    // to reach them (their conversation reference) before anything is sent proactively.
    for (const page of [reporter, coordinator]) {
      await page.getByRole('paragraph').filter({ hasText: 'Lägesbild – kommandon' }).first().waitFor({ timeout: 30_000 });
    }
    await coordinator.getByRole('code').filter({ hasText: /^utskick$/ }).first().waitFor();
    mark('both greeted');
    await Promise.all([hideLogPanel(reporter), hideLogPanel(coordinator)]);

    // The coordinator writes `utskick`.
    await say(coordinator, 'utskick');
    await coordinator.getByRole('paragraph').filter({ hasText: /^Utskick klart: \d+ skickade/ }).first().waitFor();

    // The reporter has this week's card for their town, in their personal chat.
    const grade = reporter.getByRole('radio', { name: /3 Förhöjd oro/ });
    await reporter.getByRole('heading', { name: `Lägesbild ${town.name}, v. 49` }).waitFor();
    mark('questionnaire card shown');
    const what = reporter.getByRole('textbox', { name: 'Vad hände?' });
    await grade.check();
    await what.fill('Grupper samlas vid busstationen på kvällarna.');
    await shot(reporter, '01-reporter-questionnaire.png');
    // Scrolling can re-render the chat; the card must still hold what was entered when it is sent.
    assert.equal(await grade.isChecked(), true, 'the grade is still picked');
    assert.equal(await what.inputValue(), 'Grupper samlas vid busstationen på kvällarna.');
    await reporter.getByRole('button', { name: 'Skicka' }).click();

    // The card turns into the receipt.
    await reporter.getByRole('heading', { name: `Tack! Ditt svar för ${town.name}, v. 49` }).waitFor();
    await reporter.getByRole('paragraph').filter({ hasText: /^Bedömning: .*3 Förhöjd oro$/ }).waitFor();
    mark('receipt shown');
    await shot(reporter, '02-reporter-receipt.png', 700);
    const saved = await bot!.deps.weekly.getReport(m.id, WEEK, town.id, reporterPerson.id);
    assert.equal(saved?.answer.grade, 3, 'the answer is stored with the grade picked on the card');
    assert.equal(saved?.answer.what, 'Grupper samlas vid busstationen på kvällarna.');

    // The coordinator asks for the picture; it is posted in the meeting channel.
    await say(coordinator, 'lägesbild');
    await coordinator.getByRole('paragraph').filter({ hasText: /^Lägesbilden för v\. 49 är publicerad i mötets kanal \(\d+ kort\)\./ }).first().waitFor();
    await shot(coordinator, '03-coordinator-chat.png');
    await coordinator.getByRole('treeitem', { name: new RegExp(m.meetingChannel!.name) }).click();
    const townCard = coordinator.getByRole('heading', { name: `${town.name}, v. 49` });
    await townCard.waitFor();
    await townCard.scrollIntoViewIfNeeded();
    writeFileSync(join(outDir, 'playground', 'channel.aria.yml'), await coordinator.locator('body').ariaSnapshot());
    // The town's card (one channel post) carries the reporter's grade and what they wrote.
    const post = coordinator.getByRole('group').filter({ has: townCard }).last();
    const line = (text: string) => post.getByRole('paragraph').filter({ hasText: new RegExp(`^${text}$`) });
    await line('Föreslagen bedömning: 🟠 3 Förhöjd oro').waitFor();
    await line('Rapportörernas bedömningar \\(1 rapportör\\)').waitFor();
    await line('Grupper samlas vid busstationen på kvällarna\\.').waitFor();
    await post.evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await shot(coordinator, '04-meeting-channel-picture.png');
    mark('picture checked in the channel');
  });
});
