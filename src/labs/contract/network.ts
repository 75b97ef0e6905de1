/** The network presets a lab's settings may offer, besides healing every link. */

export type NetworkPreset = 'split-majority' | 'bridge';
export const NETWORK_PRESETS: readonly NetworkPreset[] = ['split-majority', 'bridge'];

/** The presets that mean something for the lab's topology (absent: all of them). */
export function networkPresetsOf(lab: { readonly networkPresets?: readonly NetworkPreset[] }): readonly NetworkPreset[] {
  return lab.networkPresets ?? NETWORK_PRESETS;
}
