import { v7 as uuidv7 } from 'uuid';

/** A new time-ordered id (UUIDv7): sorts by creation time on both stores. */
export function newId(): string {
  return uuidv7();
}
