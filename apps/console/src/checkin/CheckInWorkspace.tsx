import { Route, Routes } from 'react-router';
import { DoorPage } from './DoorPage';
import { KioskPage } from './KioskPage';
import './checkin.css';

/** Door staff: /checkin (choose, scan, search, print) and /checkin/kiosk (self check-in, locked). */
export default function CheckInWorkspace() {
  return (
    <Routes>
      <Route index element={<DoorPage />} />
      <Route path="kiosk" element={<KioskPage />} />
    </Routes>
  );
}
