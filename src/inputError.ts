/**
 * Input errors: a bad scenario or policy file. They stop a run before anything is simulated and
 * are reported all at once, each as `file:line:column  path.to.field  message`.
 */
export interface InputIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export class InputError extends Error {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

export function formatIssue(issue: InputIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.path || '(file)'}  ${issue.message}`;
}
