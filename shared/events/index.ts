export * from './envelope';
export * from './sale';
export * from './return';
export * from './stock';
export * from './shift';
export * from './catalog';
export * from './security';
export * from './common';
