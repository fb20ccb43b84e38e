import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { BottomNav } from './BottomNav.tsx';

/** The frame of every page: the page itself, and the bottom navigation on the four main pages. */
export function Shell() {
  const { pathname } = useLocation();
  // A case page has its own actions and back button; the tab bar would only crowd it.
  const onCase = pathname.startsWith('/cases/');
  // A new page starts at its top, not where the long form before it was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return (
    <div className={`lx-shell${onCase ? '' : ' has-nav'}`}>
      <Outlet />
      {!onCase && <BottomNav />}
    </div>
  );
}
