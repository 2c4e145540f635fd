import './workspace.css';
import { Route, Routes } from 'react-router';
import { RegistrationList } from './RegistrationList';

/** /editions/:eventId/registrations: the list of sign-ups of one edition, with decisions and exports. */
export default function RegistrationsWorkspace() {
  return (
    <Routes>
      <Route index element={<RegistrationList />} />
    </Routes>
  );
}
