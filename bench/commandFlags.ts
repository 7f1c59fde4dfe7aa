/**
 * The flags the `imsim` command starts node with: those on the first line of bin/imsim.js
 * (`#!/usr/bin/env -S node FLAGS`). The bench starts each measurement with them, so that it
 * measures the engine as the command runs it.
 */
import { readFileSync } from 'node:fs';

const SHEBANG = /^#!\/usr\/bin\/env -S node((?: --[a-z-]+=\S+)*)\s*$/;

/** The node flags of a command script's first line; an error if the line is not `#!/usr/bin/env -S node` with flags of the form `--name=value`. */
export function nodeFlagsOf(script: string): string[] {
  const first = script.slice(0, script.indexOf('\n'));
  const match = SHEBANG.exec(first);
  if (!match) throw new Error(`the command's first line is not "#!/usr/bin/env -S node --flag=value…": ${first}`);
  return match[1].split(' ').filter((flag) => flag !== '');
}

export function commandNodeFlags(): string[] {
  return nodeFlagsOf(readFileSync(new URL('../bin/imsim.js', import.meta.url), 'utf8'));
}
