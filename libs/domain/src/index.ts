export * from './local-date.js';
export * from './pump-models.js';
export * from './reservoir.js';
