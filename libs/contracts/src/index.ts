export * from './auth.js';
export * from './clinic.js';
export * from './common.js';
export * from './enums.js';
export * from './errors.js';
export * from './patients.js';
export * from './pumps.js';
export * from './users.js';
