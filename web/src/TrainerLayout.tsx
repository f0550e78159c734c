import { Link, NavLink, Outlet } from 'react-router';
import { displayName, sessionApi, subjectOf } from './api/session';
import type { Me } from './api/types';
import { AuthGate } from './session/AuthGate';
import { UploaderProvider, useUploads } from './upload/UploaderContext';

export { DashboardPage } from './dashboard/DashboardPage';
export { UploadDetailPage } from './dashboard/UploadDetailPage';
export { StudentUploadsPage } from './dashboard/StudentUploadsPage';
export { UploadPage } from './upload/UploadPage';

/** The trainer's half of the app, loaded on demand: sign-in gate, one uploader for the session, header. */
function SkipLink() {
  return <a className="skip-link" href="#main">Skip to content</a>;
}

function ActiveUploadsHint() {
  const { totals } = useUploads();
  if (totals.active === 0) return null;
  return <span className="nav__count">{totals.active}<span className="visually-hidden"> running</span></span>;
}

function TrainerHeader({ me }: { me: Me }) {
  return (
    <header className="site-header">
      <Link to="/uploads" className="brand">ApexShare</Link>
      <nav aria-label="Main" className="nav">
        <NavLink to="/upload" className="nav__link">Upload<ActiveUploadsHint /></NavLink>
        <NavLink to="/uploads" end className="nav__link">Dashboard</NavLink>
      </nav>
      <div className="site-header__user">
        <span className="site-header__name">{displayName(me)}</span>
        <button
          type="button"
          className="button button--quiet"
          onClick={async () => {
            window.location.assign(await sessionApi.logout());
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}

export default function TrainerLayout() {
  return (
    <>
      <SkipLink />
      <AuthGate>
        {(me) => (
          <UploaderProvider trainer={subjectOf(me)}>
            <TrainerHeader me={me} />
            <Outlet />
          </UploaderProvider>
        )}
      </AuthGate>
    </>
  );
}


