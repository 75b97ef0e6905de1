/** What every picture component gets: its view model, and the lab (for its role colours). */
import type { LabDefinition } from '../labs/contract/lab';
import type { PictureKind, PictureModels } from '../labs/contract/pictures';

export interface PictureProps<K extends PictureKind> {
  readonly model: PictureModels[K];
  readonly lab: LabDefinition;
}
