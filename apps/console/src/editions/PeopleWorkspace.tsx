import './editions.css';
import { Route, Routes } from 'react-router';
import { PersonList } from './PersonList';

/** /people: the directory of people (speakers, officials…), shared by every edition. */
export default function PeopleWorkspace() {
  return (
    <Routes>
      <Route index element={<PersonList />} />
    </Routes>
  );
}
