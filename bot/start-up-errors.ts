import { ConfigError } from '../src/config';

/**
 * Start-up failures a person can fix, each as one line that names the setting and the fix.
 * Node reports system errors with an `errno` code (`NodeJS.ErrnoException.code`), its documented
 * way of saying what went wrong.
 */
function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The HTTP server could not listen. */
export function listenFailure(error: unknown, host: string, port: number): Error {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return new ConfigError(
        `PORT: ${host}:${port} is already in use; stop what uses it or set PORT to a free port (0 takes any).`,
      );
    case 'EACCES':
      return new ConfigError(
        `PORT: this process may not listen on port ${port}; set PORT to 1024 or above.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError(
        `HOST: ${host} is not an address of this machine; set HOST to one (127.0.0.1, 0.0.0.0) or leave it unset.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/** The SQLite file could not be opened or created. */
export function sqliteFailure(error: unknown, sqlitePath: string): Error {
  return new ConfigError(
    `SQLITE_PATH: ${sqlitePath} cannot be opened (${reasonOf(error)}); set SQLITE_PATH to a file in a folder this process can write to.`,
  );
}

/** The organisation file could not be read. */
export function orgFileFailure(error: unknown, orgFile: string): Error {
  const why = codeOf(error) === 'ENOENT' ? 'does not exist' : `cannot be read (${reasonOf(error)})`;
  return new ConfigError(
    `ORG_FILE: ${orgFile} ${why}; set ORG_FILE to the organisation file, or leave it unset to use the organisation in the store (in local mode, the sample organisation).`,
  );
}
