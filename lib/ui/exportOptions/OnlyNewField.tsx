export function OnlyNewField({ value, onChange }: { value: boolean | undefined; onChange(onlyNew: boolean | undefined): void }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)} />
      <span>Only new since last export</span>
    </label>
  );
}
