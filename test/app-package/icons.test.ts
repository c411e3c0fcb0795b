import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIcons } from '../../scripts/make-icons';
import { appPackagePath, readAppPackageJson } from './fixtures';
import { alphaAt, decodePng, type Png } from './png';

function icon(file: string): Png {
  return decodePng(readFileSync(appPackagePath(file)));
}

describe('The app icons', () => {
  it('are the files the manifest names', () => {
    assert.deepEqual(readAppPackageJson('manifest.json').icons, { color: 'color.png', outline: 'outline.png' });
  });

  it('has a 192×192 colour icon', () => {
    const png = icon('color.png');
    assert.deepEqual([png.width, png.height], [192, 192]);
  });

  it('has a 32×32 outline icon with an alpha channel and transparent corners', () => {
    const png = icon('outline.png');
    assert.deepEqual([png.width, png.height], [32, 32]);
    assert.equal(png.colorType, 6, 'outline icon must be RGBA');
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) {
      assert.equal(alphaAt(png, x, y), 0, `corner (${x}, ${y}) is not transparent`);
    }
  });

  it('draws the outline glyph in white only, on transparency', () => {
    const png = icon('outline.png');
    const rgba = png.rgba!;
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) continue;
      assert.deepEqual([rgba[i], rgba[i + 1], rgba[i + 2]], [255, 255, 255], `pixel ${i / 4} is not white`);
      if (rgba[i + 3] === 255) opaque++;
    }
    assert.ok(opaque > 50, `only ${opaque} opaque pixels: no visible glyph`);
  });

  it('are what scripts/make-icons draws, pixel for pixel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icons-'));
    try {
      writeIcons(dir);
      for (const file of ['color.png', 'outline.png']) {
        const fresh = decodePng(readFileSync(join(dir, file)));
        assert.ok(fresh.rgba?.equals(icon(file).rgba!), `${file} differs from the script output: run make-icons`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
