import { QUALITY_CHOICES, type Quality } from '../../export/options/exportOptions';

export function QualityField({ id, value, onChange }: { id: string; value: Quality | undefined; onChange(quality: Quality | undefined): void }) {
  return (
    <div class="field">
      <label for={id}>Quality</label>
      <select id={id} value={value ?? 'original'} onChange={(e) => onChange(e.currentTarget.value === 'original' ? undefined : (e.currentTarget.value as Quality))}>
        {QUALITY_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
