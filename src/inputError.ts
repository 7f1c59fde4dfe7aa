/**
 * Input errors: a bad scenario or policy file. They stop a run before anything is simulated and
 * are reported all at once, each as `file:line:column  path.to.field  message`.
 */
/** One problem of an input: where it is (line and column from 1; 0 in an object given in code) and what was expected. */
export interface InputIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Thrown by every loader and checker on bad input: every issue found, at once (`issues`); its message lists them one per line. */
export class InputError extends Error {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** `file:line:column  path  message`; an issue at no line (in an object, not a file) is `file  path  message`. */
export function formatIssue(issue: InputIssue): string {
  const at = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return `${at}  ${issue.path || '(file)'}  ${issue.message}`;
}
