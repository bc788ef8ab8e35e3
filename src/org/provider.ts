import { Directory } from './directory';
import type { OrganisationRepository } from '../store/ports';

/**
 * Gives the current organisation as a Directory, re-reading it only when an import (from this or
 * another instance) has changed its version.
 */
export class DirectoryProvider {
  private cached?: Directory;

  constructor(private readonly organisation: OrganisationRepository) {}

  /**
   * The organisation as a message is routed and answered by: this instance's own changes at once,
   * another instance's within the store's `recentVersion` age.
   */
  async current(): Promise<Directory> {
    return this.at(await this.organisation.recentVersion());
  }

  /**
   * The organisation as it is now: what a card action is checked against, and what a change to the
   * organisation starts from (so that its conditional write is not refused for a stale version).
   */
  async latest(): Promise<Directory> {
    return this.at(await this.organisation.version());
  }

  private async at(version: number | undefined): Promise<Directory> {
    if (version === undefined) throw new Error('No organisation has been imported');
    // Versions only grow: one this instance already holds is at least as new.
    if (this.cached && this.cached.snapshot.version >= version) return this.cached;
    const snapshot = await this.organisation.current();
    if (!snapshot) throw new Error('No organisation has been imported');
    // A concurrent read may have brought a newer one meanwhile.
    if (!this.cached || snapshot.version >= this.cached.snapshot.version)
      this.cached = new Directory(snapshot);
    return this.cached;
  }
}
