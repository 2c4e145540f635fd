import { Routes, Route } from 'react-router';
import { EditionList } from './EditionList';

/** Editions: the list, and each edition's details, venues, rooms and tracks. */
export default function EditionsWorkspace() {
  return (
    <Routes>
      <Route index element={<EditionList />} />
    </Routes>
  );
}
