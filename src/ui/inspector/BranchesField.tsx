/** split's branches: name + predicate each, in order (the first match wins). ParamField shows their error. */
import { CodeEditor } from '../editor/CodeEditor';
import type { FieldProps } from './ParamField';
import { functionMarkers } from './markers';

type Branch = { name: string; predicate: string };

export function BranchesField({ value, problems, onChange }: FieldProps) {
  const branches = (value as Branch[]) ?? [];
  const set = (i: number, patch: Partial<Branch>) => onChange(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <div>
      {branches.map((b, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <div className="sw-row">
            <input type="text" aria-label={`Branch ${i + 1} name`} value={b.name} onChange={(e) => set(i, { name: e.target.value })} />
            <button aria-label={`Remove branch ${b.name}`} onClick={() => onChange(branches.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
          <CodeEditor value={b.predicate} language="typescript" onChange={(v) => set(i, { predicate: v })} height={60} ariaLabel={`Branch ${b.name} predicate`} markers={functionMarkers(problems.filter((p) => p.param === `branches.${i}.predicate`))} />
        </div>
      ))}
      <button onClick={() => onChange([...branches, { name: `branch${branches.length + 1}`, predicate: '(key, value) => true' }])}>Add branch</button>
    </div>
  );
}
