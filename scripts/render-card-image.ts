/**
 * Renders one realistic town card (Rimbo in the Norrtälje sample) to docs/images/town-card.png
 * for the README. A one-off tool, not a test: it loads the official Adaptive Cards renderer
 * (`adaptivecards/dist/adaptivecards.min.js`) in headless Debian Chromium with a host config
 * close to Teams' light theme, and screenshots the card.
 *
 *   npm run build && node dist/scripts/render-card-image.js [--out docs/images/town-card.png]
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; CHROMIUM_PATH overrides the path),
 * and for the grade symbols an emoji font (`apt-get install -y fonts-noto-color-emoji`;
 * `fonts-open-sans` gets closest to Segoe UI on Linux). Teams-only `Chart.Line` shows its
 * fallback text in this renderer; Teams itself draws the chart. The page loads nothing from the
 * network: every request that is not to loopback is aborted.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { pictureTownCard } from '../cards/picture-town-card';
import { loadMunicipality } from '../config/load-municipality';
import { addWeeks, weekKey, type IsoWeek } from '../domain/iso-week';
import { people, type Municipality } from '../domain/municipality';
import { compilePicture } from '../domain/picture/compile';
import type { TownWeekSummary } from '../domain/picture/history';
import type { Action, Hotspot } from '../domain/picture/meeting';
import { NOTHING_TO_REPORT, reportId, type Answer, type Grade, type Report } from '../domain/report';

const WEEK: IsoWeek = { year: 2026, week: 49 };
/** Wednesday 2 December 2026, 14:30 in Stockholm: when the picture is posted. */
const NOW = new Date('2026-12-02T13:30:00Z');
const COORDINATOR = '00000000-0000-4000-8000-00000000c001';
const POLICE = '00000000-0000-4000-8000-00000000d001';

function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'municipalities'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('no folder with package.json and municipalities/ found');
}

const reporter = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function answer(m: Municipality, n: number, a: Partial<Answer> | 'nothing', week: IsoWeek = WEEK): Report {
  const id = reporter(n);
  const at = `2026-12-01T${String(8 + (n % 4)).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00.000Z`;
  return {
    id: reportId(week, 'rimbo', id), municipalityId: m.id, week: weekKey(week), townId: 'rimbo', reporterId: id,
    organisation: m.reporters.find((r) => r.id === id)?.organisation ?? '', kind: a === 'nothing' ? 'nothing' : 'observations',
    answer: a === 'nothing' ? NOTHING_TO_REPORT : { ...NOTHING_TO_REPORT, ...a }, submittedAt: at, updatedAt: at, late: false, revision: 1,
  };
}

/** Rimbo in week 49: a busy evening around the bus station, two hotspots, two actions. */
function sampleCard(m: Municipality) {
  const reports = [
    answer(m, 2, {
      grade: 3, categories: ['gatherings', 'disorder'], areas: ['Centrum'], when: ['evening'],
      what: 'Större grupp ungdomar vid fritidsgården fredag kväll, en del alkohol. Lugnade sig när fältgruppen kom.',
      measures: 'Fler vuxna ute fredagar.',
    }),
    answer(m, 3, {
      grade: 3, categories: ['vandalism'], areas: ['Busstationen'], when: ['night'],
      what: 'Två glasrutor krossade i busskuren natten mot lördag.', measures: 'Bättre belysning vid busskuren.',
    }),
    answer(m, 1, { grade: 2, categories: ['vandalism'], areas: ['Skolområdet'], when: ['night'], what: 'Nytt klotter på skolans gavel.' }),
    answer(m, 13, 'nothing'),
  ];
  const previousReports = [
    answer(m, 2, { grade: 2, categories: ['gatherings'], what: 'Samling vid fritidsgården.' }, addWeeks(WEEK, -1)),
    answer(m, 1, { grade: 2, categories: ['vandalism'], what: 'Klotter.' }, addWeeks(WEEK, -1)),
  ];
  const history: TownWeekSummary[] = ([1, 2, 2, undefined, 2, 3, 2] as Array<Grade | undefined>).map((g, i) => ({
    municipalityId: m.id, week: weekKey(addWeeks(WEEK, i - 7)), townId: 'rimbo', ...(g !== undefined ? { finalGrade: g, proposedGrade: g } : {}),
  }));
  const hotspots: Hotspot[] = [{
    id: 'h-bus', municipalityId: m.id, townId: 'rimbo', place: 'Busstationen', reason: 'Samlingar och skadegörelse kvällstid',
    openedWeek: '2026-W46', openedBy: POLICE, openedAt: '2026-11-11T15:20:00.000Z',
  }];
  const actions: Action[] = [{
    id: 'a-light', municipalityId: m.id, townId: 'rimbo', hotspotId: 'h-bus', what: 'Byta trasig belysning vid busskuren',
    ownerId: reporter(8), createdBy: COORDINATOR, createdAt: '2026-11-18T15:30:00.000Z', createdWeek: '2026-W47',
    due: '2026-12-09', status: 'inProgress', history: [], lastComment: 'Armaturer beställda, montering v. 50.',
  }, {
    id: 'a-walk', municipalityId: m.id, townId: 'rimbo', what: 'Fältgruppen går extra kvällsrundor fredag och lördag',
    ownerId: reporter(10), createdBy: COORDINATOR, createdAt: '2026-11-25T15:30:00.000Z', createdWeek: '2026-W48',
    due: '2026-12-16', status: 'accepted', history: [],
  }];
  const picture = compilePicture({
    municipality: m, week: WEEK, reports, previousReports, absentReporterIds: [reporter(6)], history,
    decisions: [], hotspots, actions, now: NOW,
  });
  const town = picture.towns.find((t) => t.townId === 'rimbo');
  if (!town) throw new Error('no Rimbo in the sample');
  return pictureTownCard({
    municipality: m, picture, town, language: 'sv', mode: { readOnly: false, people: people(m), nextMeetingDate: '2026-12-09' },
  });
}

const FONT = '"Segoe UI", "Segoe UI Web (West European)", Selawik, "Open Sans", "Noto Sans", "Liberation Sans", system-ui, sans-serif, "Segoe UI Emoji", "Noto Color Emoji"';

/** Close to Teams' light theme (new Teams, Fluent 2 colours); written for this image, not copied from Teams. */
function hostConfig(): object {
  const foreground = {
    default: { default: '#242424', subtle: '#616161' },
    dark: { default: '#242424', subtle: '#616161' },
    light: { default: '#FFFFFF', subtle: '#F5F5F5' },
    accent: { default: '#5B5FC7', subtle: '#7F85F5' },
    good: { default: '#0E700E', subtle: '#107C10' },
    warning: { default: '#835B00', subtle: '#986F0B' },
    attention: { default: '#C4314B', subtle: '#D13438' },
  };
  const style = (backgroundColor: string, borderColor?: string) => ({
    backgroundColor, foregroundColors: foreground, ...(borderColor ? { borderColor } : {}),
  });
  return {
    supportsInteractivity: true,
    choiceSetInputValueSeparator: ',',
    fontFamily: FONT,
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    containerStyles: {
      default: style('#FFFFFF'),
      emphasis: style('#F5F5F5'),
      accent: style('#EBF3FC'),
      good: style('#E7F2DA'),
      warning: style('#FBF6D9'),
      attention: style('#FDE7E9'),
    },
    actions: {
      maxActions: 6, spacing: 'Default', buttonSpacing: 8, actionsOrientation: 'Horizontal', actionAlignment: 'Left',
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    },
    factSet: {
      title: { color: 'Default', size: 'Default', isSubtle: false, weight: 'Bolder', wrap: true, maxWidth: 190 },
      value: { color: 'Default', size: 'Default', isSubtle: false, weight: 'Default', wrap: true },
      spacing: 12,
    },
    textBlock: { headingLevel: 2 },
  };
}

/** Text safe inside an inline <script>: no "</script" can end it early. */
function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

function pageHtml(rendererJs: string, card: object): string {
  const data = JSON.stringify({ card, hostConfig: hostConfig() }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<style>
  html, body { margin: 0; background: #F5F5F5; }
  body { font-family: ${FONT}; -webkit-font-smoothing: antialiased; }
  #shot { display: inline-block; padding: 20px; background: #F5F5F5; }
  #card { width: 540px; background: #FFFFFF; border-radius: 6px; overflow: hidden;
    box-shadow: 0 1.6px 3.6px rgba(0,0,0,.13), 0 0.3px 0.9px rgba(0,0,0,.11); }
  .ac-adaptiveCard { border-radius: 6px; }
  .ac-container[style*="background-color"] { border-radius: 4px; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.expanded { background: #EBEBEB; }
  /* Teams wraps or overflows a long row of buttons; wrapping shows every label. */
  .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
  .ac-actionSet > .ac-pushButton { flex: 0 0 auto !important; max-width: none !important; }
  /* Fact titles keep a readable column instead of being squeezed by long values. */
  .ac-factset td:first-child { min-width: 150px; }
  .ac-textBlock p { margin: 0; }
</style>
</head>
<body>
<div id="shot"><div id="card"></div></div>
<script>${inlineScript(rendererJs)}</script>
<script>
(function () {
  var input = ${data};
  var warnings = [];
  var card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(input.hostConfig);
  card.onExecuteAction = function () {};
  var context = new AdaptiveCards.SerializationContext();
  card.parse(input.card, context);
  for (var i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  document.getElementById('card').appendChild(card.render());
  window.__warnings = warnings;
  window.__rendered = true;
})();
</script>
</body>
</html>`;
}

function isLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const root = repoRoot();
  const out = resolve(values.out ?? join(root, 'docs', 'images', 'town-card.png'));
  const m = loadMunicipality(join(root, 'municipalities', 'norrtalje.yaml'));
  const rendererJs = readFileSync(join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'), 'utf8');
  const html = pageHtml(rendererJs, sampleCard(m));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost', '--font-render-hinting=none'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 620, height: 900 }, deviceScaleFactor: 2, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      if (isLoopback(route.request().url())) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setContent(html, { waitUntil: 'load' });
    // Strings, not functions: this project compiles without the DOM library.
    await page.waitForFunction('window.__rendered === true', undefined, { timeout: 10_000 });
    await page.evaluate('document.fonts.ready.then(() => true)');
    if (pageErrors.length > 0) throw new Error(`the page failed: ${pageErrors.join('; ')}`);
    const warnings = await page.evaluate('window.__warnings') as string[];
    mkdirSync(dirname(out), { recursive: true });
    const shot = await page.$('#shot');
    if (!shot) throw new Error('no #shot element');
    await shot.screenshot({ path: out });
    process.stdout.write(`${out}\n`);
    for (const w of warnings) process.stdout.write(`  renderer: ${w}\n`);
    for (const b of blocked) process.stdout.write(`  blocked: ${b}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`render-card-image failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
