import type { ExportOptions } from '../../export/options/exportOptions';

/** "From" and "To" days, either optional, inclusive, in the browser's own time zone. */
export function DateRangeField({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: Pick<ExportOptions, 'dateFrom' | 'dateTo'>;
  onChange(range: Pick<ExportOptions, 'dateFrom' | 'dateTo'>): void;
}) {
  const set = (field: 'dateFrom' | 'dateTo', day: string) => {
    const { [field]: _dropped, ...rest } = value;
    onChange(day ? { ...rest, [field]: day } : rest);
  };
  return (
    <fieldset class="option-group">
      <legend>Dates (your time zone, both days included)</legend>
      <div class="fields">
        <div class="field">
          <label for={`${idPrefix}-from`}>From</label>
          <input id={`${idPrefix}-from`} type="date" value={value.dateFrom ?? ''} max={value.dateTo} onChange={(e) => set('dateFrom', e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${idPrefix}-to`}>To</label>
          <input id={`${idPrefix}-to`} type="date" value={value.dateTo ?? ''} min={value.dateFrom} onChange={(e) => set('dateTo', e.currentTarget.value)} />
        </div>
      </div>
    </fieldset>
  );
}
