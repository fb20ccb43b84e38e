import type { LianxinModule } from '../../context.ts';
import { ledgerRoutes } from './ledgers.routes.ts';

/** Excel ledgers (台账) offices keep: the case ledger, streamed, and the figures table. */
export const ledgersModule: LianxinModule = {
  name: 'ledgers',
  tags: [{ name: 'ledgers', description: 'Excel ledgers (台账): the case ledger and the figures table, as offices file them' }],
  routes: ledgerRoutes,
};
