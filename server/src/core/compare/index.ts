export * from './align';
export * from './diff';
export * from './predecessor';
export * from './report';
