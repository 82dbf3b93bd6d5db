import type { MaterialName } from './types.ts';

/** Materials in build order; also the order of `--material` help. */
export const MATERIAL_NAMES: readonly MaterialName[] = ['card', 'leaflet', 'poster'];
