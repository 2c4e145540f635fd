import './editions.css';
import { Routes, Route } from 'react-router';
import { EditionList } from './EditionList';
import { EditionPage } from './EditionPage';

/** Editions: the list, and each edition's settings, venues, rooms and tracks (/editions/:eventId/<tab>). */
export default function EditionsWorkspace() {
  return (
    <Routes>
      <Route index element={<EditionList />} />
      <Route path=":eventId/*" element={<EditionPage />} />
    </Routes>
  );
}
