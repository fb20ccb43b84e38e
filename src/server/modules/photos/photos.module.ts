import type { LianxinModule } from '../../context.ts';
import { photoRoutes } from './photos.routes.ts';

/** Photo upload (EXIF location read, then stripped) and serving, for cases and their proof. */
export const photosModule: LianxinModule = {
  name: 'photos',
  tags: [],
  routes: photoRoutes,
};
