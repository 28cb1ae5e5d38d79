import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTROLLERS } from '../app.module.js';
import { buildOpenApiDocument } from './openapi-document.js';

/** `npm run openapi`: writes the document the API serves to apps/api/openapi.json (reviewed like code). */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));

writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(CONTROLLERS), null, 2)}\n`);
process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
