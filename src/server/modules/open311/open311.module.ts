import type { LianxinModule } from '../../context.ts';
import { open311Routes } from './open311.routes.ts';

/** Open311 GeoReport v2 at /open311/v2: services from the taxonomy, requests filed into and read from the case engine. */
export const open311Module: LianxinModule = {
  name: 'open311',
  tags: [{ name: 'open311', description: 'Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): JSON and XML, errors in the spec\'s format' }],
  routes: open311Routes,
};
