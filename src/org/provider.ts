import { Directory } from './directory';
import type { OrganisationRepository } from '../store/ports';

/**
 * Gives the current organisation as a Directory, re-reading it only when another import (from this
 * or another instance) has changed its version.
 */
export class DirectoryProvider {
  private cached?: Directory;

  constructor(private readonly organisation: OrganisationRepository) {}

  async current(): Promise<Directory> {
    const version = await this.organisation.version();
    if (version === undefined) throw new Error('No organisation has been imported');
    if (this.cached?.snapshot.version !== version) {
      const snapshot = await this.organisation.current();
      if (!snapshot) throw new Error('No organisation has been imported');
      this.cached = new Directory(snapshot);
    }
    return this.cached;
  }
}
