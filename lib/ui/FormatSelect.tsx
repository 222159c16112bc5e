import type { ExportFormat } from '../export/types';

const FORMAT_CHOICES: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'JSON (all metadata)' },
  { value: 'csv', label: 'CSV (spreadsheet) + JSON' },
  { value: 'html', label: 'HTML (web page to browse) + JSON' },
];

export interface FormatSelectProps {
  id: string;
  label: string;
  value: ExportFormat;
  onChange(format: ExportFormat): void;
}

/** Which text files the ZIP holds beside the main JSON, which every export has. */
export function FormatSelect({ id, label, value, onChange }: FormatSelectProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as ExportFormat)}>
        {FORMAT_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
