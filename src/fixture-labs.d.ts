declare module 'distlab:fixture-labs' {
  import type { LabDefinition } from './labs/contract/lab';
  export const fixtureLabs: readonly LabDefinition[];
}
