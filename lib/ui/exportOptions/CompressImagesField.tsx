import { JPEG_QUALITY } from '../../export/media/compressImage';

export function CompressImagesField({ value, onChange }: { value: boolean | undefined; onChange(compress: boolean | undefined): void }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)} />
      <span>Compress images (JPEG at {Math.round(JPEG_QUALITY * 100)} % quality, only when smaller; videos untouched)</span>
    </label>
  );
}
