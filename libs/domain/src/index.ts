export * from './dose-limits.js';
export * from './flex-dosing.js';
export * from './local-date.js';
export * from './pump-models.js';
export * from './reservoir.js';
export * from './reservoir-history.js';
export * from './risk-rules.js';
export * from './scheduling.js';
