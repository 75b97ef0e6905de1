/**
 * The scheduler: paces the current run (a RemoteRun: the kernel and the node workers) against the
 * wall clock, and sends frames to the page. It runs in its own worker so the page's main thread
 * only renders: at full speed the main thread receives a frame every ~33 ms and nothing else.
 * Commands are handled one at a time between batches, never while a batch's steps are out at the
 * workers.
 */
import type { RunnableLab } from '../runnableLab';
import type { RunSpec } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/trace';
import { TraceDigest } from '../../sim/traceDigest';
import { RECENT_EVENTS_KEPT, type Speed } from '../browser/controller';
import { traceText } from '../exportTrace';
import { buildFrame } from '../frame';
import { FrameEncoder } from '../frameStates';
import { RemoteRun } from '../remoteRun';
import type { FromScheduler, ToScheduler } from './messages';
import type { NodeSpawner } from './nodeFleet';
import { RecentEvents } from './recentEvents';

export interface SchedulerEnv {
  findLab(id: string): RunnableLab | undefined;
  post(message: FromScheduler): void;
  readonly spawner: NodeSpawner;
  wallNow(): number;
  sleep(ms: number): Promise<void>;
}

/** Checkpoint spacing and cap: seeking replays at most a few thousand items in-process. */
const CHECKPOINT_EVERY_ITEMS = 2000;
const MAX_CHECKPOINTS = 256;
const FRAME_INTERVAL_MS = 33;
const SLICE_MS = 24;

type Command = Exclude<ToScheduler, { type: 'NODE_PORT' }>;

export class SchedulerCore {
  private run: RemoteRun | null = null;
  private playing = false;
  private speed: Speed = 1;
  private playUntilMs = Infinity;
  private anchor = { wall: 0, virtual: 0 };
  private recent = new RecentEvents(RECENT_EVENTS_KEPT);
  private digest = new TraceDigest();
  private liveOnly = true;
  private replaying = false;
  private resetNext = true;
  private lastPostWall = -Infinity;
  private readonly commands: Command[] = [];
  private pumping = false;
  private readonly frames = new FrameEncoder();

  constructor(private readonly env: SchedulerEnv) {}

  receive(command: Command): void {
    this.commands.push(command);
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      for (;;) {
        const command = this.commands.shift();
        if (command !== undefined) await this.handleSafely(command);
        else if (this.playing && this.run !== null) await this.sliceSafely(this.run);
        else break;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async handleSafely(command: Command): Promise<void> {
    try {
      await this.handle(command);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (command.type === 'LOAD') this.env.post({ type: 'LOADED', id: command.id, error: message });
      else this.env.post({ type: 'ERROR', message });
      this.postUpdate();
    }
  }

  /** A slice that throws stops the playing and says why, instead of leaving the run stuck in silence. */
  private async sliceSafely(run: RemoteRun): Promise<void> {
    try {
      await this.slice(run);
    } catch (error) {
      this.playing = false;
      this.env.post({ type: 'ERROR', message: `the run stopped: ${error instanceof Error ? error.message : String(error)}` });
      this.postUpdate();
    }
  }

  private async handle(command: Command): Promise<void> {
    if (command.type === 'LOAD') return this.load(command.id, command.spec);
    const run = this.run;
    if (run === null) throw new Error('no run is loaded');
    switch (command.type) {
      case 'PLAY':
        run.sim.clearHalt();
        this.playing = true;
        this.speed = command.speed;
        this.playUntilMs = command.untilMs ?? Infinity;
        this.anchor = { wall: this.env.wallNow(), virtual: run.sim.now };
        return this.postUpdate();
      case 'PAUSE':
        this.playing = false;
        return this.postUpdate();
      case 'STEP':
        this.playing = false;
        await run.step();
        return this.postUpdate();
      case 'SEEK':
        return this.seek(run, command.t);
      case 'ACT':
        await run.act(command.action);
        return this.postUpdate();
      case 'EXPORT':
        return this.env.post({ type: 'EXPORTED', id: command.id, text: traceText(run.lab, this.currentSpec(run), run.sim.world.traceCount) });
      case 'DIGEST':
        return this.env.post({ type: 'DIGESTED', id: command.id, reply: { events: this.digest.lines, digest: this.digest.hex, liveOnly: this.liveOnly } });
    }
  }

  private currentSpec(run: RemoteRun): RunSpec {
    return { ...run.sim.spec, actions: [...run.sim.actionList] };
  }

  private readonly onEvent = (event: TraceEvent): void => {
    this.recent.add(event);
    if (!this.replaying) this.digest.addLine(JSON.stringify(event));
  };

  private async load(id: number, spec: RunSpec): Promise<void> {
    this.playing = false;
    this.run?.close();
    this.run = null;
    const lab = this.env.findLab(spec.lab);
    if (lab === undefined) throw new Error(`unknown lab "${spec.lab}"`);
    this.recent = new RecentEvents(RECENT_EVENTS_KEPT);
    this.digest = new TraceDigest();
    this.liveOnly = true;
    this.run = await RemoteRun.create(lab, spec, this.env.spawner, { checkpointEvery: CHECKPOINT_EVERY_ITEMS, maxCheckpoints: MAX_CHECKPOINTS, onEvent: this.onEvent });
    this.resetNext = true;
    this.env.post({ type: 'LOADED', id });
    this.postUpdate();
  }

  /** Events the seek replays in-process were sent before; they go to the page again, not to the digest. */
  private async seek(run: RemoteRun, t: number): Promise<void> {
    this.playing = false;
    try {
      await run.seek(t, () => {
        this.recent.truncateAfter(run.sim.world.traceCount);
        this.replaying = true;
        this.liveOnly = false;
      });
    } finally {
      this.replaying = false;
    }
    this.resetNext = true;
    this.postUpdate();
  }

  private async slice(run: RemoteRun): Promise<void> {
    const start = this.env.wallNow();
    // At full speed there is no pace ('max' × 0 ms elapsed would be NaN, and NaN bounds nothing).
    const paced = this.speed === 'max' ? Infinity : this.anchor.virtual + (start - this.anchor.wall) * this.speed;
    const target = Math.min(this.playUntilMs, paced);
    const outcome = await run.run({
      untilMs: target,
      shouldStop: () => this.env.wallNow() - start > SLICE_MS || this.commands.length > 0,
    });
    if (outcome === 'halted' || (outcome === 'reached' && run.sim.now >= this.playUntilMs)) this.playing = false;
    if (!this.playing || this.env.wallNow() - this.lastPostWall >= FRAME_INTERVAL_MS) this.postUpdate();
    // Caught up with the wall clock: wait for it. Otherwise just let messages in.
    await this.env.sleep(outcome === 'reached' && this.playing ? 8 : 0);
  }

  private postUpdate(): void {
    const run = this.run;
    if (run === null) return;
    this.lastPostWall = this.env.wallNow();
    const reset = this.resetNext;
    this.resetNext = false;
    const events = reset ? this.recent.all() : this.recent.takeNew();
    if (reset) this.recent.takeNew();
    this.env.post({ type: 'UPDATE', update: { frame: this.frames.encode(buildFrame(run.sim, run.lab.isLightMessage)), events, reset, playing: this.playing, halted: [...run.sim.haltedBy] } });
  }
}
