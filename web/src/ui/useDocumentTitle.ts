/** Sets the tab title: "<page> · Merit", so screen-reader users hear where they landed. */
import { useEffect } from 'react';

export function useDocumentTitle(title: string, suffix = 'Merit') {
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}
