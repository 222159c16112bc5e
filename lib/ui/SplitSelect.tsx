import { SPLIT_SIZES_GB } from '../export/parts/splitSizes';
import type { SplitGB } from '../export/types';

export interface SplitSelectProps {
  value: SplitGB | undefined;
  disabled?: boolean;
  onChange(value: SplitGB | undefined): void;
}

/** "Split into parts": one ZIP, or ZIPs of at most this size that each open alone. */
export function SplitSelect({ value, disabled, onChange }: SplitSelectProps) {
  return (
    <div class="field">
      <label for="split">Split into parts</label>
      <select
        id="split"
        value={value === undefined ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value ? (Number(e.currentTarget.value) as SplitGB) : undefined)}
      >
        <option value="">No split</option>
        {SPLIT_SIZES_GB.map((gb) => (
          <option key={gb} value={String(gb)}>
            {gb} GB
          </option>
        ))}
      </select>
    </div>
  );
}
