// Prints the mutants the last `npm run test:mutation` left alive (Survived or NoCoverage) as Markdown
// table rows — file:line, mutator, what it changed — for docs/TESTING.md, where each gets its reason.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../reports/mutation/domain.json', import.meta.url), 'utf8'));
const cell = (text) => text.replaceAll('|', '\\|').replaceAll('\n', ' ').slice(0, 90);
let killed = 0;
let alive = 0;
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') killed++;
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    alive++;
    const { line } = m.location.start;
    const original = lines[line - 1].trim();
    const name = file.replace('libs/domain/src/', '');
    console.log(
      `| ${name}:${line} | ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''} | \`${cell(original)}\` → \`${cell(m.replacement ?? '')}\` |  |`,
    );
  }
}
console.log(`\n${killed} killed or timed out, ${alive} alive: ${((100 * killed) / (killed + alive)).toFixed(2)} %`);
