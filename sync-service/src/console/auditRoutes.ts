// The audit log for admins: newest first in pages, and the whole log as CSV (streamed in pages
// of 1,000 so a long log never sits in memory at once).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { auditQuerySchema, type AuditResponse } from '../../../shared/console/consoleApi';
import { csvLine } from '../../../shared/csv/csvText';
import { parseOr400 } from '../http/httpErrors';
import { listAudit } from './auditRepo';
import type { ConsoleAuth } from './consoleAuth';

export interface AuditRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
}

const CSV_PAGE = 1_000;
const CSV_HEADER = ['id', 'at', 'actor', 'user_id', 'action', 'target', 'before', 'after'];

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export function registerAuditRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  const { pool, auth } = deps;
  const guard = { onRequest: auth.require('audit.read') };

  app.get('/v1/console/audit', guard, async (request): Promise<AuditResponse> => {
    const query = parseOr400(auditQuerySchema, request.query, 'audit query');
    return { entries: await listAudit(pool, query) };
  });

  app.get('/v1/console/audit.csv', guard, async (_request, reply) => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
      .header('cache-control', 'no-store');
    async function* lines(): AsyncGenerator<string> {
      // The BOM makes spreadsheet programs read UTF-8 (names with accents) correctly.
      yield `\uFEFF${csvLine(CSV_HEADER)}`;
      let before: string | undefined;
      for (;;) {
        const page = await listAudit(pool, { before, limit: CSV_PAGE });
        if (page.length === 0) return;
        yield page
          .map((e) =>
            csvLine([
              e.id,
              new Date(e.at).toISOString(),
              e.actor,
              e.userId,
              e.action,
              e.target,
              json(e.before),
              json(e.after),
            ]),
          )
          .join('');
        before = page[page.length - 1]?.id;
        if (page.length < CSV_PAGE) return;
      }
    }
    return reply.send(Readable.from(lines()));
  });
}
