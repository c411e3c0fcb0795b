import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { repoRoot } from '../support/repo-root';

/** Every TypeScript source of the product (tests, build output and dependencies left out). */
function sources(dir: string, root: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'test', '.git', '.data'].includes(entry.name)) sources(path, root, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(relative(root, path).split(sep).join('/'));
    }
  }
  return out;
}

/** The module specifiers a file imports or re-exports. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/g), ...source.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]!);
}

/**
 * The boundaries the README's layout promises: the Teams SDK (in maintenance upstream) stays in
 * bot/, teams-ai behind one file, and the domain stays plain functions, free of Teams and storage.
 */
describe('Module boundaries', () => {
  const root = repoRoot();
  const files = sources(root, root).map((file) => ({ file, imports: importsOf(readFileSync(join(root, file), 'utf8')) }));

  it('finds the product sources', () => {
    assert.ok(files.some((f) => f.file === 'bot/app.ts') && files.some((f) => f.file === 'domain/round.ts'), `${files.length} files`);
  });

  it('imports botbuilder and teams-ai only inside bot/', () => {
    const outside = files.filter((f) => !f.file.startsWith('bot/') && f.imports.some((i) => /^(botbuilder|@microsoft\/teams-ai)/.test(i)));
    assert.deepEqual(outside.map((f) => f.file), []);
  });

  it('reaches teams-ai through bot/teams-sdk.ts alone', () => {
    const direct = files.filter((f) => f.file !== 'bot/teams-sdk.ts' && f.imports.some((i) => i.startsWith('@microsoft/teams-ai')));
    assert.deepEqual(direct.map((f) => f.file), []);
  });

  it('keeps the domain free of Teams, storage and the other layers: it imports only itself and Node', () => {
    const allowed = (file: string, spec: string) => (spec.startsWith('.') ? posix.join(posix.dirname(file), spec).startsWith('domain/') : spec.startsWith('node:'));
    const offending = files.filter((f) => f.file.startsWith('domain/')).flatMap((f) => f.imports.filter((i) => !allowed(f.file, i)).map((i) => `${f.file} → ${i}`));
    assert.deepEqual(offending, []);
  });
});
