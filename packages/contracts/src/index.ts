export * from './common.js';
export * from './errors.js';
export * from './identity.js';
export * from './system.js';
