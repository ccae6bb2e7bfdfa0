// CSV reading lives in shared/catalog so the till and HQ's catalog import read files alike.
export * from '../../../../shared/catalog/csvTable';
