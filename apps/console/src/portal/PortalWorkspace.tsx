import { Route, Routes } from 'react-router';
import { NotFound } from '../app/NotFound';
import { MyRegistrations } from './MyRegistrations';
import { RegistrationFrame } from './RegistrationFrame';
import './portal.css';

/**
 * /me: a delegate's own portal. The list of their registrations, and per registration its state and details, the
 * programme with seats, the badge, the agenda and calendar address, and erasure. Every call is one of /api/me/….
 */
export default function PortalWorkspace() {
  return (
    <div className="portal">
      <Routes>
        <Route index element={<MyRegistrations />} />
        <Route path="registrations/:registrationId/*" element={<RegistrationFrame />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
