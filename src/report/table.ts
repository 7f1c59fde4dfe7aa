/**
 * Plain-text tables and cell formatting for the text and Markdown renderers. Widths count code
 * points, which is right for the ASCII, arrows and ellipses used here (not for wide CJK glyphs).
 */
export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** A row of cells, or `'rule'` for a line of dashes under every column. */
export type Row = readonly string[] | 'rule';

export interface TableOptions {
  /** Put before every line; default two spaces. */
  indent?: string;
  /** Spaces between columns; default two. */
  gap?: number;
}

export function textWidth(text: string): number {
  return [...text].length;
}

export function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The lines of a table: header, a rule, then the rows; trailing spaces trimmed. */
export function renderTable(columns: readonly Column[], rows: readonly Row[], options: TableOptions = {}): string[] {
  const indent = options.indent ?? '  ';
  const gap = ' '.repeat(options.gap ?? 2);
  const widths = columnWidths(columns, rows);
  const line = (cells: readonly string[]): string =>
    (indent + columns.map((column, i) => pad(cells[i] ?? '', widths[i], column.align)).join(gap)).trimEnd();
  const rule = indent + widths.map((width) => '-'.repeat(width)).join(gap);
  const header = line(columns.map((column) => column.header));
  return [header, rule, ...rows.map((row) => (row === 'rule' ? rule : line(row)))];
}

function columnWidths(columns: readonly Column[], rows: readonly Row[]): number[] {
  return columns.map((column, i) =>
    rows.reduce((width, row) => (row === 'rule' ? width : Math.max(width, textWidth(row[i] ?? ''))), textWidth(column.header)),
  );
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO instant as local wall time, `YYYY-MM-DD HH:mm` or `YYYY-MM-DD HH:mm:ss` when the seconds
 * are not zero; the offset is dropped (reports are in the policy zone). Other text is returned as is.
 */
export function localInstant(iso: string): string {
  const match = INSTANT.exec(iso);
  if (!match) return iso;
  const [, date, minutes, seconds] = match;
  return seconds && seconds !== '00' ? `${date} ${minutes}:${seconds}` : `${date} ${minutes}`;
}

/** The `MM-DD` part of an ISO instant or date, or the text as is. */
export function monthDay(iso: string): string {
  const match = /^\d{4}-(\d{2}-\d{2})/.exec(iso);
  return match ? match[1] : iso;
}

/** Orders ISO instants by time; falls back to text order when one does not parse. */
export function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  return ta - tb;
}
