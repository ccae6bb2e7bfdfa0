// Reads a history CSV from disk as a stream: sniffs the encoding (UTF-8, or UTF-16 with a BOM)
// and the delimiter from the header line, then yields one record at a time with its line number.
// Only the read-ahead buffer is ever in memory, whatever the file's size.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';

export type HistoryEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
export type HistoryDelimiter = ',' | ';' | '\t';

/** A problem with the file as a whole (not one row): the run stops and says where. */
export class HistoryFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

export interface CsvRecord {
  line: number;
  record: string[];
}

const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
/** One record longer than this is a runaway quote or a binary file, not a sale. */
const MAX_RECORD_CHARS = 1_000_000;
const DELIMITER_NAMES: Record<HistoryDelimiter, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
};

const readHead = (path: string): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
};

export const sniffEncoding = (head: Buffer): HistoryEncoding => {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  // UTF-16 text without a byte-order mark is half zero bytes; guessing its byte order is unsafe.
  if (head.length > 0 && zeros * 10 > head.length) {
    throw new HistoryFileError(
      1,
      'The file looks like UTF-16 text without a byte-order mark, or is not text at all. Save it as "CSV UTF-8" and upload it again.',
    );
  }
  return 'utf-8';
};

const countDelimiters = (line: string): Record<HistoryDelimiter, number> => {
  const counts: Record<HistoryDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts;
};

/** Picks the delimiter from the header line, or explains why the chosen one cannot be right. */
export const detectDelimiter = (
  headerLine: string,
  choice: 'auto' | HistoryDelimiter,
): HistoryDelimiter => {
  const counts = countDelimiters(headerLine);
  const ranked = (Object.keys(counts) as HistoryDelimiter[]).sort((a, b) => counts[b] - counts[a]);
  const best = ranked[0]!;
  if (choice !== 'auto') {
    if (counts[choice] > 0) return choice;
    throw new HistoryFileError(
      1,
      counts[best] > 0
        ? `The header line has no ${DELIMITER_NAMES[choice]}; its columns are separated by ${DELIMITER_NAMES[best]}. Choose that delimiter (or "auto").`
        : `The header line is a single column: it has no ${DELIMITER_NAMES[choice]}, commas, semicolons or tabs.`,
    );
  }
  if (counts[best] === 0) {
    throw new HistoryFileError(
      1,
      'Could not tell how the columns are separated: the header line has no comma, semicolon or tab. A history file needs at least order id, date, product, quantity and unit price columns.',
    );
  }
  return best;
};

export interface HistorySourceShape {
  encoding: HistoryEncoding;
  headerLine: string;
}

export const sniffFile = (path: string): HistorySourceShape => {
  const head = readHead(path);
  if (head.length === 0) throw new HistoryFileError(1, 'The file is empty; it needs a header row.');
  const encoding = sniffEncoding(head);
  const text = new TextDecoder(encoding).decode(head, { stream: true });
  const end = text.indexOf('\n');
  const headerLine = (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
  if (headerLine.includes('\uFFFD'))
    throw new HistoryFileError(1, `Line 1 is not valid ${encoding.toUpperCase()} text.`);
  return { encoding, headerLine };
};

const newlinesIn = (text: string, end: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Every record of the file, header first, with the line each starts on. */
export async function* streamRecords(
  path: string,
  encoding: HistoryEncoding,
  delimiter: HistoryDelimiter,
  onBytes: (bytesRead: number) => void = () => {},
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder(encoding);
  let bytesRead = 0;
  let linesBefore = 0;
  const checked = (text: string): string => {
    // The decoder is lenient so the bad spot can be located: U+FFFD marks undecodable bytes.
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) {
      const line = linesBefore + newlinesIn(text, bad) + 1;
      throw new HistoryFileError(
        line,
        `Line ${line} is not valid ${encoding.toUpperCase()} text (broken or mixed encoding). Save the file as "CSV UTF-8" and upload it again.`,
      );
    }
    linesBefore += newlinesIn(text, text.length);
    return text;
  };
  async function* decoded(): AsyncGenerator<string> {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
      const buf = chunk as Buffer;
      bytesRead += buf.length;
      onBytes(bytesRead);
      yield checked(decoder.decode(buf, { stream: true }));
    }
    const tail = decoder.decode();
    if (tail) yield checked(tail);
  }
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  pipeline(Readable.from(decoded()), parser, () => {
    // Errors surface through the parser's iterator below.
  });
  try {
    for await (const row of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { line: row.info.lines, record: row.record };
    }
  } catch (e) {
    if (e instanceof HistoryFileError) throw e;
    const line = (e as { lines?: number }).lines ?? linesBefore + 1;
    throw new HistoryFileError(
      line,
      `Not readable as CSV near line ${line}: ${(e as Error).message}`,
    );
  }
}
