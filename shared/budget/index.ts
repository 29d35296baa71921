export * from './model';
export * from './rollup';
export * from './checks';
