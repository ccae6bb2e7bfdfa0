import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('JSON logger', () => {
  it('writes one JSON line per event, filtered by level, with bindings and errors', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { service: 'x' }, (line) => lines.push(line));
    logger.debug({}, 'hidden');
    logger.child({ reqId: 'r1' }).warn({ error: new Error('boom'), n: 1 }, 'careful');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', msg: 'careful', service: 'x', reqId: 'r1', n: 1 });
    expect(entry.error).toMatchObject({ name: 'Error', message: 'boom' });
    expect(lines[0]).not.toContain('\n');
  });

  it('survives unserialisable fields', () => {
    const lines: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    createLogger('info', {}, (line) => lines.push(line)).info({ cyclic }, 'still logs');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'still logs',
      logError: 'unserialisable fields',
    });
  });
});
