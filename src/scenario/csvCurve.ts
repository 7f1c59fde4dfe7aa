/**
 * A CSV curve: a column of a CSV file next to the scenario, read into values by local date. The
 * file has a header with `date` and the named column, then one row per day; each bad row is an
 * issue at its own line and column of the CSV file.
 */
import { parseLocalTime } from '../domain/calendar.ts';
import { besideFile } from '../input/files.ts';
import { describeValue } from '../input/issues.ts';
import { MAX_FILE_BYTES } from '../input/limits.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import type { ParseContext } from './parseContext.ts';
import { countKeys, type UsageKey } from './types.ts';

/** The values of `column` in the CSV file `name` by date, or undefined when the file has issues. */
export function readCsvCurve(ctx: ParseContext, name: string, column: string, path: PathSegment[], key: UsageKey): Record<string, number> | undefined {
  let text: string;
  try {
    text = ctx.readFile(name);
  } catch (error) {
    ctx.issue([...path, 'csv'], `cannot read the CSV file "${name}": ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const file = besideFile(ctx.source.file, name);
  const where = [...path, 'csv'].join('.');
  if (text.length > MAX_FILE_BYTES) {
    ctx.add({ file, line: 1, column: 1, path: where, message: `expected a file of at most ${MAX_FILE_BYTES} bytes (5 MB)` });
    return undefined;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.text.trim());
  const dateIndex = header.indexOf('date');
  const valueIndex = header.indexOf(column);
  if (dateIndex < 0) {
    ctx.add({ file, line: 1, column: 1, path: where, message: `expected a "date" column in the header, found ${header.filter(Boolean).join(', ') || 'nothing'}` });
  }
  if (valueIndex < 0) {
    const others = header.filter((cell) => cell && cell !== 'date');
    ctx.issue([...path, 'column'], `expected a column of ${file}, found "${column}"${others.length ? `; ${suggest(column, others)}` : ''}`);
  }
  if (dateIndex < 0 || valueIndex < 0) return undefined;

  const values: Record<string, number> = {};
  let ok = true;
  const bad = (line: number, cellColumn: number, message: string) => {
    ctx.add({ file, line, column: cellColumn, path: where, message });
    ok = false;
  };
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const dateCell = cells[dateIndex] ?? { text: '', column: line.length + 1 };
    const valueCell = cells[valueIndex] ?? { text: '', column: line.length + 1 };
    const date = dateCell.text.trim();
    const valueText = valueCell.text.trim();
    const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(date) && parseLocalTime(date, ctx.zone) !== undefined;
    if (!dateOk) bad(index + 1, dateCell.column, `expected an existing date YYYY-MM-DD in column "date", found ${describeValue(date)}`);
    else if (Object.hasOwn(values, date)) bad(index + 1, dateCell.column, `expected each date once, found ${date} again`);
    const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(valueText) ? Number(valueText) : Number.NaN;
    if (!Number.isFinite(value) || value < 0) {
      bad(index + 1, valueCell.column, `expected a number ≥ 0 in column "${column}", found ${describeValue(valueText)}`);
    } else if (countKeys.has(key) && !Number.isInteger(value)) {
      bad(index + 1, valueCell.column, `expected a whole number ≥ 0 in column "${column}" (${key} is a count), found ${valueText}`);
    } else if (dateOk) {
      values[date] = value;
    }
  }
  return ok ? values : undefined;
}

/** Splits one CSV line into cells with their 1-based columns; quoted cells may hold commas and "". */
function splitCsvLine(line: string): { text: string; column: number }[] {
  const cells: { text: string; column: number }[] = [];
  let index = 0;
  for (;;) {
    const column = index + 1;
    let text = '';
    if (line[index] === '"') {
      index += 1;
      while (index < line.length) {
        if (line[index] === '"' && line[index + 1] === '"') {
          text += '"';
          index += 2;
        } else if (line[index] === '"') {
          index += 1;
          break;
        } else {
          text += line[index];
          index += 1;
        }
      }
      const comma = line.indexOf(',', index);
      index = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', index);
      const stop = comma < 0 ? line.length : comma;
      text = line.slice(index, stop);
      index = stop;
    }
    cells.push({ text, column });
    if (index >= line.length) return cells;
    index += 1;
  }
}
