import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openProblemFromHash } from '../../shared/model/openProblem.ts';
import { App } from './app/App.tsx';
import { OpenProblemScreen } from './app/OpenProblem.tsx';
import './styles.css';

const container = document.getElementById('root');
// A damaged archive: main opened the window without the app behind it, to show the ways out.
const problem = openProblemFromHash(window.location.hash);
if (container) {
  createRoot(container).render(<StrictMode>{problem ? <OpenProblemScreen problem={problem} /> : <App />}</StrictMode>);
}
