import { type ReactNode, useId } from 'react';

/** A framed section of the screen with its title; the title names the region for screen readers. */
export function Panel({ title, extra, children, className }: { title: string; extra?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`sc-panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="sc-panel-head">
        <h2 id={id} className="sc-panel-title">{title}</h2>
        {extra && <div className="sc-panel-extra">{extra}</div>}
      </header>
      <div className="sc-panel-body">{children}</div>
    </section>
  );
}
