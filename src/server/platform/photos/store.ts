/**
 * The local photo folder of the embedded deployment (DESIGN principle 4). Files are content-addressed
 * by the SHA-256 of the display JPEG, fanned out by its first two hex digits:
 *   ab/abcdef….jpg        display image
 *   ab/abcdef…_thumb.jpg  thumbnail
 * Each file appears whole or not at all (temp file, fsync, rename, fsync of the folder), so a crash
 * never leaves a half photo that a case points to. The thumbnail is written first and the display last,
 * so `has(key)` (the display exists) means both are there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export type PhotoSize = 'display' | 'thumb';

export const DEFAULT_PHOTO_ROOT = './data/photos';
const KEY = /^[0-9a-f]{64}$/;

/** Content-addressed store of display images and thumbnails in a local folder. */
export class PhotoStore {
  readonly root: string;

  constructor(root: string = DEFAULT_PHOTO_ROOT) {
    this.root = resolve(root);
  }

  /**
   * Stores a photo's display image and thumbnail under the SHA-256 of the display image. Storing the
   * same content again writes nothing and returns the same key.
   */
  async put(photo: { display: Buffer; thumbnail: Buffer }): Promise<{ key: string }> {
    // Recomputed rather than trusted from the caller: a wrong key would corrupt the content addressing.
    const key = createHash('sha256').update(photo.display).digest('hex');
    if (await this.has(key)) return { key };
    await this.ensureFolder(join(this.root, key.slice(0, 2)));
    await writeFileDurably(this.path(key, 'thumb'), photo.thumbnail);
    await writeFileDurably(this.path(key, 'display'), photo.display);
    return { key };
  }

  /** The stored JPEG for a key, or null when there is none (or the key is not a key). */
  async get(key: string, size: PhotoSize = 'display'): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    try {
      return await readFile(this.path(key, size));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Whether a photo with this key is stored (both sizes, given the order `put` writes them in). */
  async has(key: string): Promise<boolean> {
    if (!KEY.test(key)) return false;
    try {
      return (await stat(this.path(key, 'display'))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Absolute file path of one size of a photo, for streaming it (the key must be valid). */
  path(key: string, size: PhotoSize): string {
    if (!KEY.test(key)) throw new Error(`not a photo key: ${key}`);
    return join(this.root, key.slice(0, 2), size === 'thumb' ? `${key}_thumb.jpg` : `${key}.jpg`);
  }

  private async ensureFolder(folder: string): Promise<void> {
    const created = await mkdir(folder, { recursive: true });
    // A new fan-out folder must itself survive a crash, or the files in it vanish with it.
    if (created !== undefined) await syncFolder(dirname(folder));
  }
}

async function writeFileDurably(path: string, data: Buffer): Promise<void> {
  // A dot-name in the same folder: rename within one file system is atomic.
  const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
