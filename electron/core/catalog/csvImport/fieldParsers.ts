// The cell parsers live in shared/catalog so the till and HQ's catalog import parse alike.
export * from '../../../../shared/catalog/cellParsers';
