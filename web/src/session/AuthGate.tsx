import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { onUnauthenticated } from '../api/http';
import { useMe } from '../api/queries';
import { SIGN_IN_PATH } from '../api/session';
import { signIn } from './returnPath';
import type { Me } from '../api/types';
import { Alert } from '../ui/Alert';
import { PageHeading } from '../ui/PageHeading';

export function SignInPage() {
  return (
    <main id="main" className="page page--narrow">
      <PageHeading title="Sign in">Sign in to ApexShare</PageHeading>
      {new URLSearchParams(window.location.search).get('signin') === 'failed' && (
        <Alert>Signing in did not work. Please try again.</Alert>
      )}
      <p>Upload ride videos for your students and follow their emails and downloads.</p>
      <p>
        <a className="button button--primary" href={SIGN_IN_PATH} onClick={(e) => { e.preventDefault(); signIn(); }}>
          Sign in
        </a>
      </p>
    </main>
  );
}

/** Renders the trainer's pages once the gateway says who is signed in; otherwise the sign-in page. */
export function AuthGate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const [sessionEnded, setSessionEnded] = useState(false);
  useEffect(() => onUnauthenticated(() => setSessionEnded(true)), []);

  if (me.isPending) {
    return <main id="main" className="page" aria-busy="true"><p>Checking your sign-in…</p></main>;
  }
  if (me.isError) {
    return (
      <main id="main" className="page page--narrow">
        <PageHeading title="Not available">ApexShare is not available</PageHeading>
        <Alert>{me.error.message}</Alert>
        <button type="button" className="button" onClick={() => void me.refetch()}>Try again</button>
      </main>
    );
  }
  if (!me.data) return <SignInPage />;
  return (
    <>
      {sessionEnded && (
        <div className="banner" role="alert">
          Your session has ended. Uploads wait until you{' '}
          <button type="button" className="link-button" onClick={signIn}>sign in again</button>; after that, resume
          them on the upload page.
        </div>
      )}
      {children(me.data)}
    </>
  );
}
