export * from './common.js';
export * from './errors.js';
export * from './identity.js';
export * from './system.js';
export * from './hazards.js';
export * from './inspections.js';
export * from './subjects.js';
export * from './labels.js';
