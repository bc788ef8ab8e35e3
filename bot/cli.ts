import fs from 'node:fs';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs a command-line tool: reads `.env`, runs it, and sets the exit code from its result. */
export function runCli(what: string, run: (io: CliOutput) => Promise<number>): void {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  run({ out: (line) => console.log(line), err: (line) => console.error(line) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${what} failed: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
