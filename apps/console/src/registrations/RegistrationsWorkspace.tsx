import './workspace.css';
import { Route, Routes } from 'react-router';
import { GuestListUpload } from './GuestListUpload';
import { InvitationList } from './InvitationList';
import { RegistrationDetail } from './RegistrationDetail';
import { RegistrationList } from './RegistrationList';

/** /editions/:eventId/registrations: the sign-ups of one edition (list, detail), its invitations and guest lists. */
export default function RegistrationsWorkspace() {
  return (
    <Routes>
      <Route index element={<RegistrationList />} />
      <Route path="guest-list" element={<GuestListUpload />} />
      <Route path="invitations" element={<InvitationList />} />
      <Route path=":registrationId" element={<RegistrationDetail />} />
    </Routes>
  );
}
