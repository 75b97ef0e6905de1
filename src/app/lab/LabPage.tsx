/**
 * A lab page: owns one RunController (the scheduler worker and the node workers) for as long as
 * the lab is open, and disposes of it when the person leaves.
 */
import { useEffect, useState } from 'react';
import type { RunController } from '../../runtime/browser/controller';
import type { Route } from '../../store/url';
import { createRunController } from '../runtime/createRunController';
import { RunSession } from './RunSession';
import './lab.css';

type LabRoute = Extract<Route, { kind: 'lab' }>;

export default function LabPage({ route }: { readonly route: LabRoute }) {
  const [session, setSession] = useState<{ controller: RunController; id: number } | null>(null);
  useEffect(() => {
    const controller = createRunController();
    setSession((s) => ({ controller, id: (s?.id ?? 0) + 1 }));
    return () => controller.dispose();
  }, []);
  if (session === null) return <p className="page-loading">Starting the workers…</p>;
  return <RunSession key={session.id} controller={session.controller} route={route} />;
}
