// A refused import (422) carries its preview; where exactly depends on the error body, so look
// for the preview's shape at the top level or under `preview`.
import type { CatalogImportPreview } from '../../../shared/console/consoleApi';

const isPreview = (v: unknown): v is CatalogImportPreview =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { totalRows?: unknown }).totalRows === 'number' &&
  Array.isArray((v as { errors?: unknown }).errors) &&
  Array.isArray((v as { changes?: unknown }).changes);

export const previewOfError = (body: unknown): CatalogImportPreview | null => {
  if (isPreview(body)) return body;
  if (typeof body === 'object' && body !== null) {
    const inner = (body as { preview?: unknown }).preview;
    if (isPreview(inner)) return inner;
  }
  return null;
};
