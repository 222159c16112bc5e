import { render } from 'preact';
import { App } from './App';
import '@/lib/ui/theme.css';
import './style.css';

render(<App />, document.getElementById('app')!);
