import { Link, Navigate, NavLink, Outlet, useNavigate } from 'react-router';
import { createBrowserRouter } from 'react-router';
import { displayName, sessionApi, subjectOf } from './api/session';
import type { Me } from './api/types';
import { DashboardPage } from './dashboard/DashboardPage';
import { UploadDetailPage } from './dashboard/UploadDetailPage';
import { AuthGate, takeReturnPath } from './session/AuthGate';
import { StudentPage } from './student/StudentPage';
import { PageHeading } from './ui/PageHeading';
import { UploaderProvider, useUploads } from './upload/UploaderContext';
import { UploadPage } from './upload/UploadPage';

function SkipLink() {
  return <a className="skip-link" href="#main">Skip to content</a>;
}

function ActiveUploadsHint() {
  const { totals } = useUploads();
  if (totals.active === 0) return null;
  return <span className="nav__count">{totals.active}<span className="visually-hidden"> running</span></span>;
}

function TrainerHeader({ me }: { me: Me }) {
  const navigate = useNavigate();
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
            await sessionApi.logout();
            navigate('/', { replace: true });
            window.location.reload();
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}

function TrainerLayout() {
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

function Home() {
  return <Navigate to={takeReturnPath() ?? '/uploads'} replace />;
}

export function NotFoundPage() {
  return (
    <>
      <SkipLink />
      <main id="main" className="page page--narrow">
        <PageHeading title="Page not found">Page not found</PageHeading>
        <p>There is nothing at this address. <Link to="/uploads">Go to your uploads</Link>.</p>
      </main>
    </>
  );
}

export const routes = [
  { path: '/d/:token', element: <StudentPage /> },
  {
    element: <TrainerLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/upload', element: <UploadPage /> },
      { path: '/uploads', element: <DashboardPage /> },
      { path: '/uploads/:fileId', element: <UploadDetailPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
