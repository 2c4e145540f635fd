import './editions.css';
import { Route, Routes } from 'react-router';
import { OrganisationList } from './OrganisationList';

/** /organisations: the directory of organisations, shared by every edition. */
export default function OrganisationsWorkspace() {
  return (
    <Routes>
      <Route index element={<OrganisationList />} />
    </Routes>
  );
}
