package com.apexshare.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3-compatible server (S3Proxy) that checks SigV4 signatures and presigned URL expiry, on loopback. Keeps
 * objects in memory, or under a data folder for the local run so that uploads survive a restart.
 */
public final class S3Store implements AutoCloseable {

    public static final String ACCESS_KEY = "apexshare-dev";
    public static final String SECRET_KEY = "apexshare-dev-secret";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final PartCountingBlobStore counting;
    private final UnavailableBlobStore unavailable;

    private S3Store(S3Proxy proxy, BlobStore blobStore, PartCountingBlobStore counting,
            UnavailableBlobStore unavailable) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.counting = counting;
        this.unavailable = unavailable;
    }

    /**
     * @param dataDir     folder for the objects, or null to keep them in memory
     * @param port        port, 0 for a free one
     * @param corsOrigins origins allowed to upload from a browser (space separated), or null for none
     */
    public static S3Store start(Path dataDir, int port, String corsOrigins) {
        return start(dataDir, port, corsOrigins, null);
    }

    /**
     * @param onObjectCreated told of every object created through the S3 API (single PUT, completed multipart upload,
     *                        copy), as S3 event notifications would; null for none
     */
    public static S3Store start(Path dataDir, int port, String corsOrigins, ObjectCreatedListener onObjectCreated) {
        Properties blobProps = new Properties();
        String provider = "transient";
        if (dataDir != null) {
            provider = "filesystem";
            blobProps.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
        }
        BlobStore backing = BlobStores.create(provider, blobProps);
        BlobStore notifying = onObjectCreated == null ? backing : new NotifyingBlobStore(backing, onObjectCreated);
        PartCountingBlobStore counting = new PartCountingBlobStore(notifying);
        UnavailableBlobStore unavailable = new UnavailableBlobStore(counting);
        BlobStore blobStore = unavailable;
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", ACCESS_KEY);
        p.setProperty("s3proxy.credential", SECRET_KEY);
        if (corsOrigins != null && !corsOrigins.isBlank()) {
            p.setProperty("s3proxy.cors-allow-origins", corsOrigins);
            p.setProperty("s3proxy.cors-allow-methods", "GET PUT POST HEAD");
            p.setProperty("s3proxy.cors-allow-headers", "*");
            p.setProperty("s3proxy.cors-exposed-headers", "ETag");
        }
        try {
            S3Proxy proxy = S3Proxy.Builder.fromProperties(p).blobStore(blobStore).build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.onSpinWait();
            }
            return new S3Store(proxy, blobStore, counting, unavailable);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start S3Proxy", e);
        }
    }

    /** Creates the bucket if it does not exist. */
    public void createBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public int port() {
        return proxy.getPort();
    }

    /**
     * The UploadPart requests this store accepted since it started, by {@code bucket/key}: counted at S3 itself (the
     * browser tests check that a resumed upload sends only the parts S3 does not have).
     */
    public java.util.Map<String, Integer> uploadPartRequests() {
        return counting.uploadPartRequests();
    }

    /**
     * Makes DeleteObject of one object fail (S3 answers 500) until {@link #allowDeletes}; the other objects are
     * deleted as usual. For tests of a failure that must not hold up the rest.
     */
    public void refuseDeletes(String bucket, String key) {
        counting.refuseDeletes(bucket, key, true);
    }

    /** Undoes {@link #refuseDeletes}. */
    public void allowDeletes(String bucket, String key) {
        counting.refuseDeletes(bucket, key, false);
    }

    /**
     * Makes the store answer the calls that complete an upload (HeadObject, CompleteMultipartUpload) with 503 until the
     * returned outage is closed; the clients' PUTs and GETs still pass. For the fault suite: S3 unavailable at complete.
     */
    public Outage unavailableAtComplete() {
        unavailable.unavailable(true);
        return () -> unavailable.unavailable(false);
    }

    /** How many calls {@link #unavailableAtComplete()} answered with 503 since the store started. */
    public int refusedCalls() {
        return unavailable.refused();
    }

    /** An outage, ended by {@link #close()}. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    /** The store behind the proxy, for the local run's notification emitter. */
    public BlobStore blobStore() {
        return blobStore;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop S3Proxy", e);
        }
    }
}
