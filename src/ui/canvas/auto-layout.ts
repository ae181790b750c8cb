/** Auto layout of the whole design with elkjs (layered, left to right, wrapped into rows to fit the viewport). */
import { moveNodes } from '../../model/commands';
import { useApp } from '../../store/store';
import { layoutPositions } from './layout-engine';
import type { Size } from './layout-wrap';

export async function autoLayout(viewport?: Size): Promise<void> {
  const pos = await layoutPositions(useApp.getState().doc, viewport);
  // Nodes added while the layout ran keep their place; removed ones are skipped.
  useApp.getState().edit((d) => moveNodes(d, pos));
}
