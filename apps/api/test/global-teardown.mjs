export default async function globalTeardown() {
  await globalThis.__itbTestServer?.stop();
}
