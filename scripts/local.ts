import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadMunicipality } from '../config/load-municipality';

// `npm start`: the bot with the demo municipality, and two Microsoft 365 Agents Playgrounds (local
// Teams-like clients), one signed in as the coordinator and one as a reporter, so the whole weekly
// round can be tried in a browser without Teams or an Azure account. Ctrl-C stops all three.

export const COORDINATOR_PLAYGROUND_PORT = 56150;

/** The repository root: the folder with package.json and municipalities/, else the working folder. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'municipalities'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** One user of the Playground's mock tenant (the `.m365agentsplayground.yml` shape). */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  [key: string]: unknown;
}

export interface PlaygroundConfig {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  team?: { channels?: Array<{ id: string; name: string }> };
  [key: string]: unknown;
}

export function readPlaygroundConfig(file: string): PlaygroundConfig {
  return parse(readFileSync(file, 'utf8')) as PlaygroundConfig;
}

/**
 * The same mock tenant seen by another of its users: the Playground shows only its `currentUser`,
 * so that user and the chosen one trade places (it wants exactly five others) and the personal
 * chat gets an id of its own.
 */
export function playgroundConfigAs(config: PlaygroundConfig, aadObjectId: string): PlaygroundConfig {
  if (config.currentUser.aadObjectId === aadObjectId) return config;
  const i = config.users.findIndex((u) => u.aadObjectId === aadObjectId);
  const user = config.users[i];
  if (!user) throw new Error(`no Playground user has aadObjectId ${aadObjectId}`);
  const users = [...config.users];
  users[i] = config.currentUser;
  return { ...config, currentUser: user, users, personalChat: { id: `${config.personalChat.id}-${user.id}` } };
}

export interface PlaygroundOptions {
  root: string;
  port: number;
  botEndpoint: string;
  /** The `.m365agentsplayground.yml` to use. */
  configPath: string;
  /** Where the Playground writes its own log (it defaults to ./devTools/). */
  logFile: string;
  /** What to do with the Playground's stdout and stderr: drop them, or take them line by line. */
  output?: 'ignore' | ((line: string) => void);
}

/** The Playground's command line, from the project's own node_modules/.bin. */
export function playgroundCommand(root: string, port: number): { command: string; args: string[] } {
  return {
    command: join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'agentsplayground.cmd' : 'agentsplayground'),
    args: ['-p', String(port), '-c', 'msteams', '--disable-telemetry', '--service-url', `http://127.0.0.1:${port}/_connector`],
  };
}

/** Starts one Playground (no browser of its own, no telemetry) pointed at the bot. */
export function startPlayground(options: PlaygroundOptions): ChildProcess {
  const { command, args } = playgroundCommand(options.root, options.port);
  mkdirSync(dirname(options.logFile), { recursive: true });
  const child = spawn(command, args, {
    cwd: options.root,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      BOT_ENDPOINT: options.botEndpoint,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  pipeLines(child, options.output ?? 'ignore');
  return child;
}

export function pipeLines(child: ChildProcess, output: 'ignore' | ((line: string) => void)): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    if (output === 'ignore') {
      stream.resume();
      continue;
    }
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) output(line);
    });
  }
}

/** Polls a URL until it answers (any HTTP status), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process serving it exited with code ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Ends a child process: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping the Playgrounds and the bot…\n');
  await Promise.all(children.map((c) => stopChild(c)));
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const root = repoRoot();
  const fresh = process.argv.includes('--fresh');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MUNICIPALITY_CONFIG: process.env.MUNICIPALITY_CONFIG ?? 'municipalities/demo.yaml',
    SCHEDULER: process.env.SCHEDULER ?? 'true',
    PORT: process.env.PORT ?? '3978',
    DATA_DIR: process.env.DATA_DIR ?? join('.data', 'demo'),
  };
  const dataDir = resolve(root, env.DATA_DIR!);
  // The embedded store's one file (store/local-cosmos.ts); nothing else in the folder is touched.
  if (fresh) rmSync(join(dataDir, `${env.COSMOS_DATABASE ?? 'lagesbild'}.json`), { force: true });
  const botUrl = `http://127.0.0.1:${env.PORT}`;
  // municipalities/demo.yaml posts the picture through the coordinator's Playground on 56150:
  // with another PLAYGROUND_PORT, change its meetingChannel.serviceUrl too.
  const coordinatorPort = Number(process.env.PLAYGROUND_PORT ?? COORDINATOR_PLAYGROUND_PORT);
  const reporterPort = coordinatorPort + 1;

  // Who the two Playgrounds sign in as: the mock tenant's current user, and the first of its users
  // who reports for a town in the (first) municipality file.
  const configPath = join(root, '.m365agentsplayground.yml');
  const playground = readPlaygroundConfig(configPath);
  const municipalityFile = resolve(root, env.MUNICIPALITY_CONFIG!.split(',')[0]!.trim());
  const m = loadMunicipality(municipalityFile);
  const tenantMatches = m.tenantId === playground.tenantId;
  const reporterUser = playground.users.find((u) => m.reporters.some((r) => r.id === u.aadObjectId));
  const reporter = reporterUser && m.reporters.find((r) => r.id === reporterUser.aadObjectId);
  const isCoordinator = m.coordinators.some((c) => c.id === playground.currentUser.aadObjectId);
  let reporterConfigPath: string | undefined;
  if (tenantMatches && reporterUser) {
    reporterConfigPath = join(dataDir, 'playground', 'reporter.m365agentsplayground.yml');
    mkdirSync(dirname(reporterConfigPath), { recursive: true });
    writeFileSync(reporterConfigPath, `# Made by scripts/local.ts from .m365agentsplayground.yml; do not edit.\n${stringify(playgroundConfigAs(playground, reporterUser.aadObjectId))}`);
  }

  const watch = (child: ChildProcess, name: string) => child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${name} exited (${signal ?? `code ${code}`}); stopping the rest.\n`);
    void stopAll(code ?? 1);
  });

  // The compiled bot beside this compiled script (dist/index.js for dist/scripts/local.js).
  const bot = spawn(process.execPath, [join(__dirname, '..', 'index.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(bot);
  pipeLines(bot, (line) => process.stdout.write(`[bot] ${line}\n`));
  watch(bot, 'The bot');
  await waitForHttp(`${botUrl}/health`, 60_000, bot);

  const pgLine = (name: string) => (line: string) => {
    // The Playground is chatty; keep its warnings and errors only.
    if (/error|warn|fail/i.test(line)) process.stdout.write(`[${name}] ${line}\n`);
  };
  const start = (port: number, config: string, name: string) => {
    const child = startPlayground({
      root, port, botEndpoint: `${botUrl}/api/messages`, configPath: config,
      logFile: join(dataDir, 'playground', `${name}.log`), output: pgLine(name),
    });
    children.push(child);
    watch(child, `The Playground on port ${port}`);
    return waitForHttp(`http://127.0.0.1:${port}/`, 60_000, child);
  };
  await Promise.all([
    start(coordinatorPort, configPath, 'coordinator'),
    ...(reporterConfigPath ? [start(reporterPort, reporterConfigPath, 'reporter')] : []),
  ]);

  const me = playground.currentUser.name;
  const lines = [
    '',
    `Lägesbild runs with ${m.name} (${env.MUNICIPALITY_CONFIG}) on ${botUrl}/api/messages, store in ${env.DATA_DIR}.`,
    '',
    `  Open http://127.0.0.1:${coordinatorPort}/ as ${me}${isCoordinator ? ' (coordinator)' : ''}`,
    ...(reporterConfigPath && reporter ? [`  Open http://127.0.0.1:${reporterPort}/ as ${reporter.name} (reporter for ${reporter.towns.map((t) => m.towns.find((x) => x.id === t)?.name ?? t).join(', ')})`] : []),
    '',
  ];
  if (!tenantMatches) {
    lines.push(`Note: the Playground's tenant (${playground.tenantId}) is not ${m.name}'s (${m.tenantId}): the bot will say it does not know the organisation.`,
      'Use MUNICIPALITY_CONFIG=municipalities/demo.yaml (the default here) to try the whole round.', '');
  } else if (reporterConfigPath && reporter) {
    lines.push(
      'Try the week\'s round:',
      `  1. Open both pages (the bot learns where to reach each of you when the page opens).`,
      `  2. As ${me}, write  utskick  : ${reporter.name} gets this week's questionnaire card.`,
      `  3. As ${reporter.name}, pick a grade, write what happened and click Skicka: the card turns into a receipt ("Tack!").`,
      `  4. As ${me}, write  lägesbild  : the picture is posted in the channel ${m.meetingChannel?.name ?? '(none configured)'}; open it in the left column.`,
      '  Write  hjälp  to either of them for every command.',
      '',
      `A card goes out once per person and week; \`npm start -- --fresh\` starts again with an empty store.`,
    );
  }
  lines.push('Ctrl-C stops the bot and the Playgrounds.', '');
  process.stdout.write(lines.join('\n'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`npm start could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    void stopAll(1);
  });
}
