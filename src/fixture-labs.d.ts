declare module 'distlab:fixture-labs' {
  import type { LabDefinition } from './sim/lab';
  export const fixtureLabs: readonly LabDefinition[];
}
