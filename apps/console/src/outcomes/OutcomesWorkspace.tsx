import './outcomes.css';
import { Route, Routes } from 'react-router';
import { OutcomeDetail } from './OutcomeDetail';
import { OutcomeList } from './OutcomeList';
import { RunSheetPage } from './RunSheetPage';

/** /editions/:eventId/outcomes: what is signed and unveiled at an edition (list, one outcome), and the run sheets. */
export default function OutcomesWorkspace() {
  return (
    <Routes>
      <Route index element={<OutcomeList />} />
      <Route path="run-sheet" element={<RunSheetPage />} />
      <Route path=":outcomeId" element={<OutcomeDetail />} />
    </Routes>
  );
}
