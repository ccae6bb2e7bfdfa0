export * from './salesKpis';
export * from './stockKpis';
export * from './ranking';
