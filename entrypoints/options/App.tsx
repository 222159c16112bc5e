import { HistoryTable } from '@/lib/ui/options/HistoryTable';
import { PreferencesForm } from '@/lib/ui/options/PreferencesForm';
import { SaveToSettings } from '@/lib/ui/options/SaveToSettings';
import { useHistory } from '@/lib/ui/options/useHistory';
import { usePreferences } from '@/lib/ui/usePreferences';

export function App() {
  const history = useHistory();
  const preferences = usePreferences();
  return (
    <main class="options">
      <h1>Star Export: history and settings</h1>
      <section aria-labelledby="history-title">
        <h2 id="history-title">Past exports</h2>
        {history.entries && <HistoryTable entries={history.entries} onChanged={history.refresh} />}
      </section>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        {preferences && <PreferencesForm preferences={preferences} />}
      </section>
      <section aria-labelledby="save-to-title">
        <h2 id="save-to-title">Where exports are saved</h2>
        <SaveToSettings />
      </section>
    </main>
  );
}
