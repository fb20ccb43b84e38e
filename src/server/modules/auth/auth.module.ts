import type { LianxinModule } from '../../context.ts';
import { accountRoutes } from './accounts.routes.ts';
import { authRoutes } from './auth.routes.ts';

/** Accounts, sessions, API keys and the one permission check (`permissions.ts`). */
export const authModule: LianxinModule = {
  name: 'auth',
  tags: [{ name: 'auth', description: 'Sign in, sign out, current user, accounts and the audit log' }],
  routes(app, ctx) {
    authRoutes(app, ctx);
    accountRoutes(app, ctx);
  },
};
