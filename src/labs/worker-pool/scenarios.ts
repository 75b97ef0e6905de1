/** The worker pool lab's scenarios: the seed's example, 50 tasks submitted and Stop called at once. */
import type { Scenario } from '../contract/scenario';
import { burst, command } from '../traffic/actions';

const STOP: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 1, load: 'off', taskFailRate: 0, taskPanicRate: 0 },
  actions: [burst(100, 'c1', 50), command(120, 'pool', { op: 'stop' })],
  untilMs: 2000,
};

const stopDrops: Scenario = {
  id: 'stop-drops-queue',
  title: 'Article: Stop with a full queue drops the tasks still queued',
  variant: 'article',
  ...STOP,
  narration: [
    { at: 100, text: 'As in the seed\'s example, 50 tasks are submitted to a pool of 10 workers, each task sleeping up to 100 ms…' },
    { at: 120, text: '…and Stop is called at once (the example\'s deferred Stop): it cancels the context and waits for the workers. 10 tasks run, 40 wait in the queue.' },
    { at: 130, text: 'A worker that finishes picks between the cancelled context and the next task at random, as Go\'s select does: each time, half the workers go home.' },
    { at: 400, text: 'All workers have returned; the tasks still queued never run and nobody is told. The no-lost-task checker stops the run.' },
  ],
};

const stopDrains: Scenario = {
  id: 'stop-drains-queue',
  title: 'Hardened: Stop refuses new tasks and drains the queue',
  variant: 'hardened',
  ...STOP,
  narration: [
    { at: 100, text: 'The same 50 tasks.' },
    { at: 120, text: 'Stop: the pool refuses new tasks from now on, and the workers go on until the queue is empty.' },
    { at: 400, text: 'All 50 tasks ran and each client heard back. Stop returns when the last worker has.' },
  ],
};

const failuresRecovered: Scenario = {
  id: 'failures-recovered',
  title: 'Failures and panics are recovered and reported',
  variant: 'hardened',
  seed: 1,
  params: { clients: 1, load: 'poisson', clientIntervalMs: 10, taskFailRate: 0.1, taskPanicRate: 0.05 },
  actions: [],
  untilMs: 3000,
  narration: [
    { at: 0, text: 'A client submits about 100 tasks a second; 10% fail and 5% panic.' },
    { at: 1000, text: 'A panicking task does not take its worker down: the worker recovers, reports "worker N panic" to the error handler (and here, to the client), and takes the next task.' },
    { at: 3000, text: 'Ten workers still serve, and every task was answered: done, failed or panicked.' },
  ],
};

export const WORKER_POOL_SCENARIOS: readonly Scenario[] = [stopDrops, stopDrains, failuresRecovered];
