import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { TabBar } from './TabBar.tsx';

/** Header on top, the page in the middle, the tab bar at the bottom within thumb's reach. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="lx-shell">
      <AppHeader />
      <main className="lx-main" id="main">
        {children}
      </main>
      <TabBar />
    </div>
  );
}
