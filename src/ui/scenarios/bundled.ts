/**
 * The scenarios shipped in scenarios/, bundled as text (nothing is fetched at run time), the
 * default walkthrough first, and the 1,000-app, two-year fleet (a population) for scale.
 */
import fleetText from '/scenarios/large/fleet-1000.yaml?raw';

const files = import.meta.glob<string>('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface BundledScenario {
  file: string;
  /** The `name:` of the scenario, for the picker. */
  title: string;
  text: () => string;
}

const nameLine = /^name:\s*(.+)$/m;

function titleOf(text: string, file: string): string {
  const found = nameLine.exec(text)?.[1]?.trim();
  if (!found) return file;
  return found.replace(/^["'](.*)["']$/, '$1');
}

export const DEFAULT_FILE = 'default.yaml';
export const FLEET_FILE = 'fleet-1000.yaml';

export const bundledScenarios: BundledScenario[] = [
  ...Object.entries(files)
    .map(([path, text]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      return { file, title: titleOf(text, file), text: () => text };
    })
    .sort((a, b) => (a.file === DEFAULT_FILE ? -1 : b.file === DEFAULT_FILE ? 1 : a.file.localeCompare(b.file))),
  { file: FLEET_FILE, title: titleOf(fleetText, FLEET_FILE), text: () => fleetText },
];

export function bundledScenario(file: string): BundledScenario | undefined {
  return bundledScenarios.find((scenario) => scenario.file === file);
}
