/** The page's one <h1>; focusable by script so route changes can move focus to it. */
import type { ReactNode } from 'react';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function PageTitle({ children, title, lead }: { children: ReactNode; title: string; lead?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-title">
      <h1 tabIndex={-1}>{children}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
