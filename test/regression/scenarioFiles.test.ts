/** Which files of a folder are its scenarios (imsim test DIR, scenarioTests(dir)). */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'imsim-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scenarios of a folder', () => {
  it('are its YAML and JSON files in name order, without reports, project files and policies', () => {
    copyFileSync('scenarios/default.yaml', join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'a.json'), '{"format": 1}');
    writeFileSync(join(dir, 'broken.yml'), 'format: 1\nname: [unclosed\n');
    writeFileSync(join(dir, 'team.yaml'), 'extends: tencent-im-2019\nid: team\nlifecycle: { grace: { days: 14 } }\n');
    writeFileSync(join(dir, 'editions.yaml'), 'id: mine\neditions: {}\n');
    for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'b.report.json']) writeFileSync(join(dir, name), '{}');
    writeFileSync(join(dir, 'notes.md'), '# notes');
    expect(scenarioFiles(dir)).toEqual(['a.json', 'b.yaml', 'broken.yml'].map((name) => join(dir, name)));
  });
});
