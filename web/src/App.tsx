import { createBrowserRouter, Link, Navigate } from 'react-router';
import { takeReturnPath } from './session/returnPath';
import { StudentPage } from './student/StudentPage';
import { PageHeading } from './ui/PageHeading';

/** Students never load the trainer's half (Uppy, dashboard): their page stays light on a phone. */
const trainer = () => import('./TrainerLayout');

/** After sign-in the gateway lands on `/` (or `/?signin=failed`): back to where the trainer was. */
function Home() {
  const failed = new URLSearchParams(window.location.search).get('signin') === 'failed';
  return <Navigate to={`${takeReturnPath() ?? '/uploads'}${failed ? '?signin=failed' : ''}`} replace />;
}

function SkipLink() {
  return <a className="skip-link" href="#main">Skip to content</a>;
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
    lazy: async () => ({ Component: (await trainer()).default }),
    children: [
      { path: '/', element: <Home /> },
      { path: '/upload', lazy: async () => ({ Component: (await trainer()).UploadPage }) },
      { path: '/uploads', lazy: async () => ({ Component: (await trainer()).DashboardPage }) },
      { path: '/uploads/:fileId', lazy: async () => ({ Component: (await trainer()).UploadDetailPage }) },
      { path: '/students/:email', lazy: async () => ({ Component: (await trainer()).StudentUploadsPage }) },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
