/** Auto layout of the whole design with elkjs (layered, left to right), in the layout worker. */
import { moveNodes } from '../../model/commands';
import { useApp } from '../../store/store';
import { layoutPositions } from './layout-engine';

export async function autoLayout(): Promise<void> {
  const pos = await layoutPositions(useApp.getState().doc);
  // Nodes added while the layout ran keep their place; removed ones are skipped.
  useApp.getState().edit((d) => moveNodes(d, pos));
}
