/**
 * imsim as a dependency: the package ships the compiled library and CLI (lib/) and the command
 * (bin/), not the sources; its run-time dependencies are the libraries it runs on, not the
 * development tools (tsx, esbuild) that run src/ in a checkout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the package', () => {
  const files = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as { files: { path: string }[] }[])[0].files.map((file) => file.path);

  it('ships bin/ and lib/ with the compiled CLI and the library, and the docs the README links, and no sources', () => {
    expect(files).toContain('bin/imsim.js');
    expect(files).toContain('lib/cli/main.js');
    expect(files).toContain('lib/index.js');
    expect(files).toContain('lib/regression/vitest.js');
    expect(files).toContain('lib/policy/tencent-im-2019.yaml');
    expect(files).toContain('docs/library.md');
    expect(files).toContain('docs/scenario-format.md');
    expect(files.filter((path) => path.startsWith('src/') || path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('needs no development tool at run time', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => ['tsx', 'esbuild', 'vitest', 'typescript'].includes(name))).toEqual([]);
  });
});
