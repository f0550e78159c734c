import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { downloadsApi } from '../api/downloads';
import type { StartPurpose } from '../api/downloads';
import { ApiError } from '../api/http';
import { useLinkInfo } from '../api/queries';
import type { StartedDownload, VideoInfo } from '../api/types';
import { Alert } from '../ui/Alert';
import { formatBytes, formatDate, formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { visitIdFor } from './visit';

/** A started download is reused while its URL has at least this long left (a player needs time to start). */
const URL_REUSE_MARGIN_MS = 30_000;

/**
 * The student's page behind the email link. Opening it counts nothing (mail scanners open links too); starting the
 * player or pressing Download asks the download service for a URL, which counts one download per visit.
 */
export function StudentPage() {
  const { token = '' } = useParams();
  const info = useLinkInfo(token);
  const visitId = useRef(visitIdFor(token)).current;
  const [started, setStarted] = useState<{ download: StartedDownload; until: number }>();
  const [startError, setStartError] = useState<ApiError>();
  const [busy, setBusy] = useState<StartPurpose>();
  const [playing, setPlaying] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const refreshedAt = useRef(0);

  const start = async (purpose: StartPurpose): Promise<StartedDownload | undefined> => {
    if (started && started.until - Date.now() > URL_REUSE_MARGIN_MS) return started.download;
    setBusy(purpose);
    setStartError(undefined);
    try {
      const download = await downloadsApi.start(token, visitId, purpose);
      const expires = download.downloadUrlExpiresAt ? Date.parse(download.downloadUrlExpiresAt) : NaN;
      // Without an expiry, assume the service's default lifetime of 5 minutes.
      const until = Number.isFinite(expires) ? Math.min(expires, Date.now() + 60 * 60_000) : Date.now() + 5 * 60_000;
      setStarted({ download, until });
      return download;
    } catch (e) {
      setStartError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'Something went wrong. Try again.'));
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };

  const play = async () => {
    const download = await start('PLAY');
    if (!download) return;
    setPlaying(true);
  };

  useEffect(() => {
    const video = videoRef.current;
    if (!playing || !video || !started) return;
    if (video.src !== started.download.downloadUrl) {
      const at = video.currentTime;
      video.src = started.download.downloadUrl;
      if (at > 0) video.currentTime = at;
    }
    video.focus();
    void video.play().catch(() => undefined);
  }, [playing, started]);

  const onVideoError = async () => {
    // The presigned URL lives minutes: a seek after that fails. Fetch a fresh one for the same visit (not counted again).
    if (Date.now() - refreshedAt.current < 60_000) return;
    refreshedAt.current = Date.now();
    setStarted(undefined);
    const download = await downloadsApi.start(token, visitId, 'PLAY').catch(() => undefined);
    if (download) {
      const expires = download.downloadUrlExpiresAt ? Date.parse(download.downloadUrlExpiresAt) : Date.now() + 5 * 60_000;
      setStarted({ download, until: expires });
    }
  };

  const download = async () => {
    const d = await start('DOWNLOAD');
    // The URL answers with Content-Disposition: attachment, so the browser saves the file and stays on this page.
    if (d) window.location.assign(d.downloadUrl);
  };

  if (info.isPending) {
    return <StudentShell><p aria-busy="true">Loading your video…</p></StudentShell>;
  }
  const infoError = info.isError
    ? (info.error instanceof ApiError ? info.error : new ApiError(0, 'UNKNOWN', info.error.message))
    : undefined;
  const linkError = infoError ?? (startError && isLinkError(startError) ? startError : undefined);
  if (linkError) return <LinkProblem error={linkError} />;

  const video: VideoInfo | undefined = info.data?.videoInfo ?? started?.download.videoInfo;
  return (
    <StudentShell>
      <PageHeading title="Your session video">Your riding session video</PageHeading>
      {video ? <VideoFacts video={video} /> : <p>Your trainer shared a video of your session with you.</p>}
      <div className="player">
        {playing ? (
          <video
            ref={videoRef}
            className="player__video"
            controls
            playsInline
            preload="metadata"
            aria-label={video ? `Video: ${video.fileName}` : 'Session video'}
            onError={() => void onVideoError()}
          />
        ) : (
          <button type="button" className="player__start" onClick={() => void play()} disabled={busy !== undefined}>
            <span className="player__icon" aria-hidden="true">▶</span>
            <span>{busy === 'PLAY' ? 'Starting…' : 'Play video'}</span>
          </button>
        )}
      </div>
      <div className="student-actions">
        <button type="button" className="button button--primary button--large" onClick={() => void download()} disabled={busy !== undefined}>
          {busy === 'DOWNLOAD' ? 'Preparing…' : 'Download'}{video?.fileSize ? ` (${formatBytes(video.fileSize)})` : ''}
        </button>
      </div>
      {startError && !isLinkError(startError) && <Alert>{startError.message}</Alert>}
      <p className="muted small">
        The video streams and downloads straight from secure storage. Big files resume if the connection drops.
      </p>
    </StudentShell>
  );
}

function isLinkError(e: ApiError): boolean {
  return e.status === 404 || e.status === 410;
}

function VideoFacts({ video }: { video: VideoInfo }) {
  return (
    <>
      <dl className="facts facts--student">
        {video.trainerName && (<><dt>Trainer</dt><dd>{video.trainerName}</dd></>)}
        <dt>Session</dt><dd>{formatDate(video.sessionDate)}</dd>
        <dt>File</dt><dd>{video.fileName} · {formatBytes(video.fileSize)}</dd>
        <dt>Available until</dt><dd>{formatDateTime(video.expiresAt)}</dd>
      </dl>
      {video.notes && (
        <section aria-labelledby="notes-heading" className="notes-box">
          <h2 id="notes-heading">Notes from your trainer</h2>
          <p className="notes">{video.notes}</p>
        </section>
      )}
    </>
  );
}

function LinkProblem({ error }: { error: ApiError }) {
  let title = 'This link does not work';
  let text = 'Something went wrong. Try again in a moment.';
  if (error.code === 'VIDEO_REMOVED') {
    title = 'This video was removed';
    text = 'Your trainer removed this video, so the link no longer works. Ask your trainer if you still need it.';
  } else if (error.code === 'LINK_REVOKED') {
    title = 'This link was withdrawn';
    text = 'Your trainer withdrew this link, so it no longer works. If you still need the video, ask your trainer to send it again.';
  } else if (error.code === 'LINK_EXPIRED' || error.status === 410) {
    title = 'This link has expired';
    text = 'Videos are kept for a limited time and this one is no longer available. Ask your trainer to send it again.';
  } else if (error.status === 404) {
    title = 'Link not found';
    text = 'This download link is not valid. Check that you opened the whole link from your email.';
  } else if (error.status === 429) {
    title = 'Too many attempts';
    text = `Wait ${error.retryAfterSeconds ?? 'a few'} seconds, then reload the page.`;
  }
  return (
    <StudentShell>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{text}</p>
    </StudentShell>
  );
}

function StudentShell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header site-header--student">
        <span className="brand">ApexShare</span>
      </header>
      <main id="main" className="page page--narrow student">{children}</main>
    </>
  );
}
