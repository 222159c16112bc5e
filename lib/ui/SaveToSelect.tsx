import { AVAILABLE_SAVE_TARGETS, SAVE_TARGET_LABELS, type SaveTarget } from '../upload/saveTarget';

export interface SaveToSelectProps {
  id: string;
  label: string;
  value: SaveTarget;
  /** Targets with an account connected; the others are listed but not selectable. */
  connected: readonly SaveTarget[];
  onChange(target: SaveTarget): void;
}

function note(target: SaveTarget, connected: readonly SaveTarget[]): string {
  if (!AVAILABLE_SAVE_TARGETS.includes(target)) return ' (coming soon)';
  if (!connected.includes(target)) return ' (connect it in History & settings)';
  return '';
}

/** Where the finished ZIP goes: the downloads folder or a connected cloud account. */
export function SaveToSelect({ id, label, value, connected, onChange }: SaveToSelectProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as SaveTarget)}>
        {(Object.keys(SAVE_TARGET_LABELS) as SaveTarget[]).map((target) => (
          <option key={target} value={target} disabled={!AVAILABLE_SAVE_TARGETS.includes(target) || !connected.includes(target)}>
            {SAVE_TARGET_LABELS[target]}
            {note(target, connected)}
          </option>
        ))}
      </select>
    </div>
  );
}
