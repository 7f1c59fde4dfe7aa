/** Markdown tables (GitHub-flavoured) for the report and the comparison. */

export type Cell = string | number | boolean | undefined;

export interface MdColumn {
  header: string;
  right?: boolean;
}

/** A cell's text: `|` escaped, line breaks as `<br>`. */
export function mdCell(value: Cell): string {
  const text = value === undefined ? '' : String(value);
  return text.replaceAll('|', '\\|').replace(/\r\n|\r|\n/g, '<br>');
}

export function mdTable(columns: readonly MdColumn[], rows: readonly (readonly Cell[])[]): string[] {
  if (rows.length === 0) return ['_None._'];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => mdCell(column.header))),
    line(columns.map((column) => (column.right ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((_, i) => mdCell(row[i])))),
  ];
}

export function columns(...specs: string[]): MdColumn[] {
  return specs.map((spec) => (spec.endsWith(':') ? { header: spec.slice(0, -1), right: true } : { header: spec }));
}
