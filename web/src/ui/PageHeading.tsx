import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

let firstPage = true;

/**
 * The page's h1. After a navigation inside the app it takes the focus, so keyboard and screen-reader users start on
 * the new page instead of the link they left; the document title follows the page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ApexShare`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [title]);
  return (
    <h1 id="main-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
