import { SPEED_LIMIT_CHOICES } from '../../export/options/exportOptions';

const NO_LIMIT = 'none';

export function SpeedLimitField({ id, value, onChange }: { id: string; value: number | undefined; onChange(limit: number | undefined): void }) {
  // A limit set elsewhere (an older default) stays selectable.
  const choices = value === undefined || SPEED_LIMIT_CHOICES.includes(value) ? SPEED_LIMIT_CHOICES : [...SPEED_LIMIT_CHOICES, value].sort((a, b) => a - b);
  return (
    <div class="field">
      <label for={id}>Download speed limit</label>
      <select id={id} value={value === undefined ? NO_LIMIT : String(value)} onChange={(e) => onChange(e.currentTarget.value === NO_LIMIT ? undefined : Number(e.currentTarget.value))}>
        <option value={NO_LIMIT}>No limit</option>
        {choices.map((limit) => (
          <option key={limit} value={String(limit)}>
            {limit} MB/s
          </option>
        ))}
      </select>
    </div>
  );
}
