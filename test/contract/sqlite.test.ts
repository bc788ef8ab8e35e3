import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { storeContract } from './store-contract';

const files = new Map<object, string>();

storeContract({
  name: 'SQLite',
  open: () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-store-')), 'store.sqlite');
    const store = openSqliteStore(file);
    files.set(store, file);
    return Promise.resolve(store);
  },
  reopen: async (store) => {
    const file = files.get(store)!;
    await store.close();
    const reopened = openSqliteStore(file);
    files.set(reopened, file);
    return reopened;
  },
});
