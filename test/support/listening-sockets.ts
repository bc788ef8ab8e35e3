import fs from 'node:fs';

export interface ListeningSocket {
  address: string;
  port: number;
}

const loopbackV4 = '0100007F';
const loopbackV6 = '00000000000000000000000001000000';

/** The socket inodes a process holds; none when it has ended meanwhile. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes; // the process ended after it was listed
  }
  for (const fd of fds) {
    try {
      const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match) inodes.add(match[1]);
    } catch {
      // closed while reading
    }
  }
  return inodes;
}

/** Every listening TCP socket of this machine, from /proc (Linux), with its inode. */
function allListening(): (ListeningSocket & { inode: string })[] {
  const sockets: (ListeningSocket & { inode: string })[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '0A') continue;
      const [address, port] = fields[1].split(':');
      sockets.push({ address, port: parseInt(port, 16), inode: fields[9] });
    }
  }
  return sockets;
}

/** The TCP sockets a process listens on, with their local addresses. */
export function listeningSockets(pid: number): ListeningSocket[] {
  const inodes = socketInodes(pid);
  return allListening().filter((socket) => inodes.has(socket.inode));
}

/** The sockets listening on a port, whichever process holds them. */
export function listeningOn(port: number): ListeningSocket[] {
  return allListening().filter((socket) => socket.port === port);
}

export function isLoopback(socket: ListeningSocket): boolean {
  return socket.address === loopbackV4 || socket.address === loopbackV6;
}

/** Processes whose command line contains every one of `parts`. */
export function processesWith(...parts: string[]): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return parts.every((part) => args.includes(part));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The process and every process it started, and theirs, from /proc. */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      // The command name (in parentheses) may hold spaces; the parent id is the second field after it.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // ended while reading
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}
