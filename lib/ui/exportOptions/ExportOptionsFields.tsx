import type { ExportOptions } from '../../export/options/exportOptions';
import type { MediaTypeChoice } from '../../platforms/types';
import { CompressImagesField } from './CompressImagesField';
import { DateRangeField } from './DateRangeField';
import { MediaTypesField } from './MediaTypesField';
import { OnlyNewField } from './OnlyNewField';
import { QualityField } from './QualityField';
import { SpeedLimitField } from './SpeedLimitField';

export interface ExportOptionsFieldsProps {
  /** Distinguishes the controls' ids where two sets could share a page. */
  idPrefix: string;
  /** The media types to offer (one platform's in the popup, every platform's in the defaults). */
  types: readonly MediaTypeChoice[];
  /** Every platform's type ids (see MediaTypesField). */
  knownTypes: readonly string[];
  value: ExportOptions;
  onChange(options: ExportOptions): void;
  /** The date range is one export's choice; the defaults page leaves it out. */
  withDates: boolean;
}

/** The export's options, one control each; a new option is one more control here. */
export function ExportOptionsFields({ idPrefix, types, knownTypes, value, onChange, withDates }: ExportOptionsFieldsProps) {
  const set = <K extends keyof ExportOptions>(field: K, fieldValue: ExportOptions[K]) => {
    const { [field]: _dropped, ...rest } = value;
    onChange(fieldValue === undefined ? rest : { ...rest, [field]: fieldValue });
  };
  return (
    <div class="export-options">
      <MediaTypesField types={types} known={knownTypes} value={value.mediaTypes} onChange={(mediaTypes) => set('mediaTypes', mediaTypes)} />
      {withDates && (
        <DateRangeField
          idPrefix={idPrefix}
          value={value}
          onChange={(range) => {
            const { dateFrom: _from, dateTo: _to, ...rest } = value;
            onChange({ ...rest, ...range });
          }}
        />
      )}
      <div class="fields">
        <QualityField id={`${idPrefix}-quality`} value={value.quality} onChange={(quality) => set('quality', quality)} />
        <SpeedLimitField id={`${idPrefix}-speed`} value={value.speedLimitMBps} onChange={(limit) => set('speedLimitMBps', limit)} />
      </div>
      <OnlyNewField value={value.onlyNew} onChange={(onlyNew) => set('onlyNew', onlyNew)} />
      <CompressImagesField value={value.compressImages} onChange={(compress) => set('compressImages', compress)} />
    </div>
  );
}
