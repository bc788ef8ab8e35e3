/**
 * `npm run bench`: runs each section of the benchmark in turn and prints one Markdown table, to
 * paste into docs/performance.md as it is.
 *
 *   npm run bench                       # every section; the sweep up to 100,000 stored inquiries
 *   npm run bench -- --large            # also a million stored inquiries (takes minutes)
 *   npm run bench -- --only=escalation  # one section (names: see bench/sections.ts)
 *   BENCH_SECONDS=20 npm run bench      # longer load runs (default 10 s each)
 */
import os from 'node:os';
import { sections } from './sections';
import type { Row } from './section';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.cpus().length} × ${cpu}, ${memory} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|');
}

function verdict(row: Row): string {
  if (row.met === undefined) return '';
  return row.met ? 'met' : '**missed**';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const options = {
    large: args.includes('--large'),
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    progress: (line: string) => process.stderr.write(`  ${line}\n`),
  };
  const chosen = sections.filter((section) => !only || only.split(',').includes(section.name));
  if (chosen.length === 0) throw new Error(`No section named ${only}`);

  const lines = [
    `Qm+ Hjelp benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${machine()}`,
    '',
    '| section | measure | bot | echo bot | ratio | target | |',
    '|---|---|---|---|---|---|---|',
  ];
  let missed = false;
  for (const section of chosen) {
    process.stderr.write(`${section.title}\n`);
    const rows = await section.run(options);
    for (const row of rows) {
      if (row.met === false) missed = true;
      lines.push(
        `| ${[section.title, row.measure, row.bot, row.echo, row.ratio, row.target, verdict(row)]
          .map(cell)
          .join(' | ')} |`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (missed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
