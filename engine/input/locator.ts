/**
 * Remembers the text of each Terraform JSON file an entry point read, and places findings in it by line
 * on demand (each file's positions are computed once, and only for files that have findings); or the
 * positions themselves, found while the file was read.
 */
import type { Locate } from '../with-locations';
import { resourceLocations, type SourceLocation } from './locations';

export class SourceLocator {
  private readonly texts = new Map<string, string>();
  private readonly located = new Map<string, Map<string, SourceLocation>>();

  /** `file` is the name findings carry (`Violation.file`). */
  remember(file: string, text: string): void {
    this.texts.set(file, text);
  }

  /** Where each resource of `file` is written, found when the file was read (the CLI reads every file for its findings). */
  placed(file: string, locations: Map<string, SourceLocation>): void {
    this.located.set(file, locations);
  }

  readonly locate: Locate = (file, address) => {
    let locations = this.located.get(file);
    if (!locations) {
      const text = this.texts.get(file);
      if (text === undefined) return undefined;
      locations = locationsOf(text);
      this.located.set(file, locations);
      this.texts.delete(file);
    }
    // Findings on counted instances (`aws_instance.web[0]`, from plans) are placed at the resource.
    return locations.get(address) ?? locations.get(address.replace(/\[[^\]]*\]$/, ''));
  };
}

/** Placing findings by line is a convenience: whatever the text holds, it never fails a run. */
function locationsOf(text: string): Map<string, SourceLocation> {
  try {
    return resourceLocations(text);
  } catch {
    return new Map();
  }
}
