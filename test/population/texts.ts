/** Small population scenarios for the tests, as YAML text. */
export interface CohortText {
  name: string;
  accounts: number;
  /** The rest of the cohort's mapping, as YAML flow fields. */
  fields?: string;
}

export function populationText(cohorts: CohortText[], options: { start?: string; end?: string; seed?: number; policyOverrides?: string; rest?: string } = {}): string {
  const lines = [
    'format: 1',
    'name: population test',
    'policy: tencent-im-2019',
    `start: ${options.start ?? '2020-01-01'}`,
    `end: ${options.end ?? '2020-12-31'}`,
    `seed: ${options.seed ?? 7}`,
    ...(options.policyOverrides ? [`policyOverrides: ${options.policyOverrides}`] : []),
    'population:',
    ...cohorts.map((cohort) => `  - { cohort: ${cohort.name}, accounts: ${cohort.accounts}${cohort.fields ? `, ${cohort.fields}` : ''} }`),
  ];
  return `${lines.join('\n')}\n${options.rest ?? ''}`;
}
