import type { LianxinModule } from '../../context.ts';
import { contactCardRoutes } from './contact-card.routes.ts';
import { staffRoutes } from './staff.routes.ts';

/** Staff members, their roles at grids and police beats, and each grid's contact card (便民联系卡). */
export const staffModule: LianxinModule = {
  name: 'staff',
  tags: [{ name: 'staff', description: 'Staff (工作人员), their roles at grids, and contact cards (便民联系卡)' }],
  async routes(app, ctx) {
    staffRoutes(app, ctx);
    contactCardRoutes(app, ctx);
  },
};
