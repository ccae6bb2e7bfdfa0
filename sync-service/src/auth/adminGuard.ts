// onRequest hook for HQ admin routes: the admin token or 401.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/httpErrors';
import { isAdmin } from './adminAuth';

export function createAdminGuard(adminToken: string): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (!isAdmin(request.headers.authorization, adminToken)) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'admin routes need Authorization: Bearer <SYNC_ADMIN_TOKEN>',
      );
    }
  };
}
