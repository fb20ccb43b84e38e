import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_MAX_BYTES, PhotoRefused, type PhotoRefusalReason, PhotoStore, ingestPhoto } from '../../platform/photos/index.ts';

const reasons: Record<PhotoRefusalReason, { zh: string; en: string }> = {
  EMPTY: { zh: '文件是空的', en: 'the file is empty' },
  TOO_LARGE: { zh: '文件太大（最大 20 MB）', en: 'the file is too large (20 MB at most)' },
  UNSUPPORTED_FORMAT: { zh: '只支持 JPEG、PNG、WebP、HEIC 照片', en: 'only JPEG, PNG, WebP and HEIC photos are accepted' },
  CORRUPT: { zh: '照片已损坏，无法打开', en: 'the photo is damaged and cannot be opened' },
  TOO_MANY_PIXELS: { zh: '照片尺寸过大', en: 'the picture has too many pixels' },
};

const PhotoView = Type.Object({
  id: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.String(),
  suggestedLocation: Type.Union([Type.Object({ lng: Type.Number(), lat: Type.Number() }), Type.Null()], { description: 'Where the phone says it was taken (from EXIF), to suggest the place; the stored image keeps no location' }),
  takenAt: Type.Union([Type.String(), Type.Null()]),
});

export function photoRoutes(app: App, ctx: AppContext): void {
  const store = new PhotoStore(ctx.config.photoDir);
  const { db } = ctx.database;

  // Photos arrive as the raw image body, the simplest thing a phone's fetch can send.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_BYTES }, (_req, payload, done) => done(null, payload));

  app.post('/api/v1/photos', {
    bodyLimit: DEFAULT_MAX_BYTES,
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags: ['cases'],
      summary: 'Upload a photo',
      description:
        'The image itself as the request body (Content-Type image/jpeg, image/png, image/webp or image/heic). The real format is read from the bytes; anything else, a damaged file or a decompression bomb is refused. ' +
        'The EXIF location is returned to suggest the place, then every piece of metadata is stripped from what is stored. Reference the returned id in a case (up to 6).',
      response: { 201: PhotoView },
    },
  }, async (request, reply) => {
    const input = request.body as Buffer;
    if (!Buffer.isBuffer(input)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let photo;
    try {
      photo = await ingestPhoto(input, { maxBytes: DEFAULT_MAX_BYTES });
    } catch (err) {
      if (!(err instanceof PhotoRefused)) throw err;
      const r = reasons[err.reason];
      throw new AppError(err.reason === 'TOO_LARGE' ? 'BODY_TOO_LARGE' : 'PHOTO_REFUSED', { reason: err.reason, reasonZh: r.zh, reasonEn: r.en });
    }
    const { key } = await store.put(photo);
    const id = newId();
    await db.insertInto('photos').values({
      id,
      storage_key: key,
      sha256: photo.sha256,
      mime: photo.mime,
      width: photo.width,
      height: photo.height,
      bytes: photo.bytes,
      original_format: photo.originalFormat,
      exif_lng: photo.gps?.[0] ?? null,
      exif_lat: photo.gps?.[1] ?? null,
      taken_at: photo.takenAt?.toISOString() ?? null,
      uploaded_by: request.actor.kind === 'account' ? request.actor.accountId : null,
      created_at: nowIso(),
    }).execute();
    return reply.status(201).send({
      id,
      width: photo.width,
      height: photo.height,
      url: `/api/v1/photos/${id}`,
      thumbnailUrl: `/api/v1/photos/${id}?size=thumb`,
      suggestedLocation: photo.gps ? { lng: photo.gps[0], lat: photo.gps[1] } : null,
      takenAt: photo.takenAt?.toISOString() ?? null,
    });
  });

  app.get('/api/v1/photos/:id', {
    schema: {
      tags: ['cases'],
      summary: 'A photo',
      description: 'The stored JPEG (no metadata), or its thumbnail with `size=thumb`. Photo ids are unguessable; the public board shows only photos staff released.',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      querystring: Type.Object({ size: Type.Optional(Type.Union([Type.Literal('display'), Type.Literal('thumb')])) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const row = await db.selectFrom('photos').select('storage_key').where('id', '=', request.params.id).executeTakeFirst();
    const bytes = row ? await store.get(row.storage_key, request.query.size ?? 'display') : null;
    if (!bytes) throw new AppError('NOT_FOUND');
    return reply.type('image/jpeg').header('cache-control', 'private, max-age=31536000, immutable').send(bytes);
  });
}
