/**
 * A lab's pictures: the panels it adds to its page, each a kind of picture the views know how to
 * draw and a pure function from the run's current moment to that picture's view model. The views
 * draw view models only; what a protocol's state means is said here, in the labs.
 */
import type { Frame } from '../../runtime/frame';
import type { Params } from '../../sim/params';
import type { TraceEvent } from '../../sim/trace';

/** The moment a picture is drawn from: the frame, the page's recent trace events, the run's parameters. */
export interface PictureInput {
  readonly frame: Frame;
  readonly events: readonly TraceEvent[];
  /** Null before a run is loaded. */
  readonly params: Params | null;
}

/**
 * Every kind of picture and the view model it draws. Empty here: the module that defines a
 * picture's model adds its kind (`declare module '../contract/pictures'`), so a new picture is
 * declared next to its model, and src/views/pictures.ts must then draw it or fail to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PictureModels {}

export type PictureKind = keyof PictureModels;

export interface PanelOf<K extends PictureKind> {
  /** Unique within the lab; also the panel's DOM id stem. */
  readonly id: string;
  readonly title: string;
  readonly picture: K;
  model(input: PictureInput): PictureModels[K];
}

/** A panel of some picture kind, its model function typed by that kind. */
export type LabPanel = { [K in PictureKind]: PanelOf<K> }[PictureKind];
