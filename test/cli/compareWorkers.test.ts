/**
 * `imsim compare --workers 2` hands side B to compareOnThreads (a thread of its own), and without
 * it plays both sides here: the command run in this process, compareOnThreads watched. The
 * spawned command's output is the same either way (compare.test.ts), so only this shows the
 * option is not ignored.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compareOnThreads } from '../../src/explore/compareOnThreads.ts';
import { compareCommand } from '../../src/cli/compare.ts';

vi.mock('../../src/explore/compareOnThreads.ts', async (original) => {
  const actual = await original<typeof import('../../src/explore/compareOnThreads.ts')>();
  return { ...actual, compareOnThreads: vi.fn(actual.compareOnThreads) };
});

const args = ['scenarios/missed-renewal.yaml', '--vs', '--set', 'lifecycle.grace.days=14', '--format', 'json'];

/** The comparison compareCommand writes with `extra`, and how many times it called compareOnThreads. */
async function compared(extra: string[]) {
  vi.mocked(compareOnThreads).mockClear();
  const out = mkdtempSync(join(tmpdir(), 'imsim-compare-workers-'));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await compareCommand([...args, '--out', out, ...extra])).toBe(0);
    return { json: readFileSync(join(out, 'compare.json'), 'utf8'), threaded: vi.mocked(compareOnThreads).mock.calls.length };
  } finally {
    stderr.mockRestore();
    rmSync(out, { recursive: true, force: true });
  }
}

describe('imsim compare --workers', () => {
  it('plays B on a thread of its own with --workers 2, for the same comparison', async () => {
    const [one, two] = [await compared([]), await compared(['--workers', '2'])];
    expect(one.threaded).toBe(0);
    expect(two.threaded).toBe(1);
    expect(JSON.parse(two.json).delta.apps.reclaimed).toBe(-1);
    expect(two.json).toBe(one.json);
  }, 60_000);

  it('plays both sides here with --workers 1', async () => {
    expect((await compared(['--workers', '1'])).threaded).toBe(0);
  });
});
