/** The Designs dialog: every design kept in this browser, newest first, with New at the top. */
import { useEffect } from 'react';
import { newestFirst } from '../../store/design-sync';
import { newDesign, refreshList } from '../../store/designs';
import { useApp } from '../../store/store';
import { useFitDesign } from '../canvas/fit-design';
import { DesignItem } from './DesignItem';
import './designs.css';

export function DesignsList() {
  const designs = useApp((s) => s.designs);
  const openId = useApp((s) => s.openId);
  const fitDesign = useFitDesign();
  useEffect(() => {
    void refreshList();
  }, []);
  const create = () =>
    void newDesign().then(() => {
      useApp.getState().setDialog(null);
      fitDesign(0);
    });
  return (
    <>
      <div className="sw-designs-head">
        <h2>Designs</h2>
        <span className="sw-muted">{designs.length === 1 ? '1 design' : `${designs.length} designs`} kept in this browser</span>
        <span className="sw-spacer" />
        <button className="sw-primary" onClick={create} data-testid="designs-new">
          New design
        </button>
      </div>
      <ul className="sw-designs-list" data-testid="designs-list">
        {newestFirst(designs).map((m) => (
          <DesignItem key={m.id} meta={m} open={m.id === openId} />
        ))}
      </ul>
    </>
  );
}
