import { useEffect, useState } from 'preact/hooks';
import { normalizePreferences, userPreferences, type UserPreferences } from '../export/userPreferences';

/** The user's stored preferences, kept current when another page changes them; undefined until read. */
export function usePreferences(): UserPreferences | undefined {
  const [preferences, setPreferences] = useState<UserPreferences>();
  useEffect(() => {
    void userPreferences.getValue().then((value) => setPreferences(normalizePreferences(value)));
    return userPreferences.watch((value) => setPreferences(normalizePreferences(value)));
  }, []);
  return preferences;
}
