export * from './common';
export * from './benchmark';
export * from './capture';
export * from './card';
