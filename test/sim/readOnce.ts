/** Reading a spooled run's report once (`SpooledReport.jsonBytesOnce`), with the record files left in its folder after each chunk. */
import { readdirSync } from 'node:fs';
import type { SpooledReport } from '../../src/sim/spooledRun.ts';

/** The records' files in `dir` and its batches' folders. */
export const recordFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));

/** The report's bytes read once, and how many record files were left after each chunk. */
export function readOnce({ jsonBytesOnce, close }: SpooledReport, dir: string): { bytes: Buffer; left: number[] } {
  const [chunks, left]: [Buffer[], number[]] = [[], []];
  try {
    for (const chunk of jsonBytesOnce) {
      chunks.push(Buffer.from(chunk));
      left.push(recordFiles(dir).length);
    }
  } finally {
    close();
  }
  return { bytes: Buffer.concat(chunks), left };
}
