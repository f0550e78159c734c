import type { ReactNode } from 'react';

/** An error (announced at once) or a notice (announced politely). */
export function Alert({ kind = 'error', children, title }: { kind?: 'error' | 'info' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}
