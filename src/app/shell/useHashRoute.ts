/**
 * The route from the address bar's hash. It changes only when the person navigates (a link, the
 * address bar, back/forward): the lab page's own replaceState updates do not re-route.
 */
import { useEffect, useMemo, useState } from 'react';
import { parseRoute, type Route } from '../../store/url';
import { catalogue } from '../catalogue';

export function useHashRoute(): Route {
  // The version makes a navigation to the same text (after a replaceState moved away) count.
  const [nav, setNav] = useState(() => ({ hash: window.location.hash, version: 0 }));
  useEffect(() => {
    const onChange = () => setNav((n) => ({ hash: window.location.hash, version: n.version + 1 }));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(() => parseRoute(nav.hash, (id) => catalogue.find(id)), [nav]);
}
