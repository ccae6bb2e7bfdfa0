// Reads a CSV with a header row into records keyed by lower-cased column name, each with the
// line number it started on, so every error can point at "line 12, column price". Shared by the
// till's imports and HQ's catalog import (csv-parse/sync is plain JavaScript, no Node API).
import { parse } from 'csv-parse/sync';
import type { ImportRowError } from '../api/types';
import { CONTROL_CHARACTER_MESSAGE, isStorableText } from '../events/text';

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
  errors: ImportRowError[];
}

export const readCsv = (text: string): CsvTable => {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      columns: [],
      records: [],
      errors: [{ line, column: '', reason: `Not readable as CSV: ${(e as Error).message}` }],
    };
  }
  const [header, ...body] = rows;
  if (!header)
    return {
      columns: [],
      records: [],
      errors: [{ line: 1, column: '', reason: 'The file is empty; it needs a header row.' }],
    };
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const errors: ImportRowError[] = [];
  const records = body.map(({ record, info }) => {
    if (record.length > columns.length) {
      errors.push({
        line: info.lines,
        column: '',
        reason: `Has ${record.length} fields but the header has ${columns.length}.`,
      });
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      const cell = record[i] ?? '';
      // A NUL would pass every rule below and then be refused by Postgres at HQ: say so here.
      if (!isStorableText(cell))
        errors.push({ line: info.lines, column: c, reason: CONTROL_CHARACTER_MESSAGE });
      values[c] = cell;
    });
    return { line: info.lines, values };
  });
  return { columns, records, errors };
};

/** Reports required columns missing from the header, and columns nobody reads. */
export const checkColumns = (
  table: CsvTable,
  required: readonly string[],
  optional: readonly string[],
): ImportRowError[] => {
  const errors: ImportRowError[] = [];
  for (const c of required) {
    if (!table.columns.includes(c))
      errors.push({ line: 1, column: c, reason: `The header has no "${c}" column.` });
  }
  for (const c of table.columns) {
    if (!required.includes(c) && !optional.includes(c)) {
      errors.push({
        line: 1,
        column: c,
        reason: `Unknown column "${c}". Known: ${[...required, ...optional].join(', ')}.`,
      });
    }
  }
  return errors;
};
