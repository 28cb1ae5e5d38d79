// `npm run create-admin`: a real deployment's first administrator. Asks for what flags and the
// environment do not give, sets the database up as start-up does, and prints a one-time link on which
// the administrator chooses their own password (nobody else ever knows it).
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { appDataSourceOptions } from '../app-data-source.js';
import { setUpDatabase } from '../database/database-setup.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded-database.js';
import { createFirstAdmin, FirstAdminError, firstAdminInputSchema, type FirstAdminInput } from './first-admin.js';

const FIELDS = [
  { key: 'email', flag: 'email', env: 'ADMIN_EMAIL', prompt: 'Administrator email' },
  { key: 'name', flag: 'name', env: 'ADMIN_NAME', prompt: 'Administrator full name' },
  { key: 'clinicName', flag: 'clinic', env: 'CLINIC_NAME', prompt: 'Clinic name' },
  { key: 'timeZone', flag: 'time-zone', env: 'CLINIC_TIME_ZONE', prompt: 'Clinic time zone (e.g. Europe/London)' },
] as const;

const USAGE = `Usage: npm run create-admin -- [--email a@b.org] [--name "Full Name"] [--clinic "Clinic name"]
                                [--time-zone Europe/London] [--url https://itb.example.org]
Each value may also come from ADMIN_EMAIL, ADMIN_NAME, CLINIC_NAME, CLINIC_TIME_ZONE and PUBLIC_URL;
what is missing is asked for (or, without a terminal, refused). The database is DATABASE_URL's
(APP_DATABASE_URL as for the server), or the embedded one in ITB_DATA_DIR while the app is stopped.`;

async function readInput(): Promise<{ input: FirstAdminInput; baseUrl: string }> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      clinic: { type: 'string' },
      'time-zone': { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const raw: Record<string, string | undefined> = {};
  for (const field of FIELDS) raw[field.key] = values[field.flag] ?? process.env[field.env];
  const missing = FIELDS.filter((f) => !raw[f.key]);
  if (missing.length && !process.stdin.isTTY) {
    throw new Error(`missing ${missing.map((f) => `--${f.flag} (or ${f.env})`).join(', ')}\n${USAGE}`);
  }
  if (missing.length) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    for (const field of missing) raw[field.key] = (await rl.question(`${field.prompt}: `)).trim();
    rl.close();
  }
  const parsed = firstAdminInputSchema.safeParse(raw);
  if (!parsed.success) {
    const byKey = new Map<string, string>(FIELDS.map((f) => [f.key, `--${f.flag}`]));
    const problems = parsed.error.issues.map((i) => `${byKey.get(String(i.path[0])) ?? i.path.join('.')} ${i.message}`);
    throw new Error(problems.join('; '));
  }
  const config = loadConfig();
  const baseUrl = (values.url ?? process.env.PUBLIC_URL ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return { input: parsed.data, baseUrl };
}

async function main(): Promise<void> {
  const { input, baseUrl } = await readInput();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort);
    databaseUrl = embedded.url;
  }
  try {
    const { appUrl } = await setUpDatabase(databaseUrl, config.appDatabaseUrl);
    const dataSource = new DataSource(appDataSourceOptions(appUrl));
    await dataSource.initialize();
    try {
      const created = await createFirstAdmin(dataSource, input);
      process.stdout.write(
        [
          '',
          `Administrator ${input.email} created${created.isNewClinic ? ` with the clinic "${input.clinicName}"` : ''}.`,
          'They choose their own password at this one-time link (shown only now; valid until ' +
            `${created.invitation.expiresAt}):`,
          '',
          `  ${baseUrl}${created.invitation.path}`,
          '',
          'Lost or expired? Run this again for another administrator, or have an administrator reset the account.',
          '',
        ].join('\n'),
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`create-admin: ${error instanceof FirstAdminError ? message : `failed: ${message}`}\n`);
  process.exit(1);
});
