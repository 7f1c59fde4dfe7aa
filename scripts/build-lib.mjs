// `npm run prepare`: compiles the library and the CLI into lib/ (what the package ships) and
// copies the bundled policies beside them. npm runs it after `npm ci` in a checkout, when it
// installs imsim from a git URL, and when it installs a folder: a folder whose development
// dependencies are not installed cannot be built, and is told how to get them.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  process.stderr.write(
    `imsim: ${root} is a copy of the sources without its development tools, so lib/ cannot be built.\n` +
      `Run \`npm ci\` in ${root} first (it installs them and builds lib/), then install it again;\n` +
      'or install a packed tarball (`npm pack` in a built copy) or a git URL, which npm builds on its own.\n',
  );
  process.exit(1);
}
// Built afresh: nothing of a source since removed is shipped.
rmSync(join(root, 'lib'), { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.cli.json']) execFileSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit' });
cpSync(join(root, 'src', 'policy'), join(root, 'lib', 'policy'), { recursive: true, filter: (file) => !file.endsWith('.ts') });
