// Writes the budgeted numbers of bench/results.json into README.md, between the
// `<!-- bench:start -->` and `<!-- bench:end -->` markers, with the machine and date they come
// from: the README table is always a real run (`npm run bench -- --readme`, or
// `node bench/readme-table.mjs` after a run).
import { readFileSync, writeFileSync } from 'node:fs';

const readmeUrl = new URL('../README.md', import.meta.url);
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';

/** The rows of a markdown table: every number with a budget, named with its headline. */
export function benchTable(report) {
  const rows = [];
  for (const [page, results] of Object.entries(report.pages)) {
    let headline = '';
    let scenario = '';
    for (const r of results) {
      const nested = r.name.startsWith('  ');
      // "stress month — data: …" opens a scenario; the rows after it belong to it.
      if (r.name.includes(' — data:')) scenario = `${r.name.split(' — ')[0]}: `;
      else if (!nested) headline = r.name;
      if (r.budget === undefined) continue;
      const name = scenario + (nested ? `${headline}, ${r.name.trim()}` : r.name);
      const verdict = r.value <= r.budget ? 'within' : '**over**';
      rows.push(`| ${page} | ${name} | ${r.value} ${r.unit} | ${r.budget} | ${verdict} |`);
    }
  }
  const { machine, date, browser, build } = report;
  return [
    `Measured ${date.slice(0, 10)} on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, ` +
      `Chromium ${browser}, ${build}.`,
    '',
    '| page | measure | value | budget | |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the table in README.md with the one for `report`. */
export function writeReadmeTable(report) {
  const readme = readFileSync(readmeUrl, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  const next = `${readme.slice(0, from + start.length)}\n${benchTable(report)}\n${readme.slice(to)}`;
  writeFileSync(readmeUrl, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeReadmeTable(JSON.parse(readFileSync(new URL('results.json', import.meta.url), 'utf8')));
  console.log('README.md: bench table written from bench/results.json');
}
