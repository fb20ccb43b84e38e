/** Photo intake and storage: what the rest of the server imports. */
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PIXELS,
  DISPLAY_EDGE,
  THUMBNAIL_EDGE,
  ingestPhoto,
  PhotoRefused,
  type IngestedPhoto,
  type IngestOptions,
  type PhotoRefusalReason,
} from './ingest.ts';
export { DEFAULT_PHOTO_ROOT, PhotoStore, type PhotoSize } from './store.ts';
export { stopHeicDecoder } from './heic.ts';
export type { PhotoFormat } from './format.ts';
