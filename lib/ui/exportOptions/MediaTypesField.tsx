import type { ExportOptions } from '../../export/options/exportOptions';
import type { MediaTypeChoice } from '../../platforms/types';

/**
 * One checkbox per media type. `known` are every type id of every platform: the chosen list keeps
 * the other platforms' choices, so switching platform in the popup loses nothing.
 */
export function MediaTypesField({
  types,
  known,
  value,
  onChange,
}: {
  types: readonly MediaTypeChoice[];
  known: readonly string[];
  value: ExportOptions['mediaTypes'];
  onChange(mediaTypes: string[] | undefined): void;
}) {
  const chosen = value ?? known;
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen.filter((other) => other !== id), id] : chosen.filter((other) => other !== id);
    onChange(known.every((other) => next.includes(other)) ? undefined : known.filter((other) => next.includes(other)));
  };
  return (
    <fieldset class="option-group">
      <legend>Media types</legend>
      <div class="choices">
        {types.map((type) => (
          <label key={type.id} class="checkbox">
            <input type="checkbox" checked={chosen.includes(type.id)} onChange={(e) => toggle(type.id, e.currentTarget.checked)} />
            <span>{type.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
