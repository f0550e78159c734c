package com.apexshare.upload.upload.s3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.upload.MultipartUploadNotFound;
import com.apexshare.upload.upload.ObjectStore;
import com.apexshare.upload.upload.PartETag;
import com.apexshare.upload.upload.PartsRejected;
import com.apexshare.upload.upload.PresignedUrl;
import com.apexshare.upload.upload.StorageUnavailable;
import com.apexshare.upload.upload.StoredObject;
import com.apexshare.upload.upload.StoredPart;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link ObjectStore} on AWS SDK v2. Presigning is local (no call to S3) and timed as {@code apexshare.upload.presign}. */
@Component
class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final boolean forbiddenMeansMissing;
    private final Timer presignTimer;

    @Autowired
    S3ObjectStore(S3Client s3, S3Presigner presigner, UploadProperties properties, MeterRegistry meters) {
        this(s3, presigner, properties.s3().bucket(), properties.s3().forbiddenMeansMissing(), meters);
    }

    S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket, boolean forbiddenMeansMissing,
            MeterRegistry meters) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.forbiddenMeansMissing = forbiddenMeansMissing;
        this.presignTimer = Timer.builder("apexshare.upload.presign")
                .description("Time to presign one S3 upload URL")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public String createMultipartUpload(String key, String contentType) {
        return call("CreateMultipartUpload",
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId());
    }

    @Override
    public PresignedUrl presignPut(String key, String contentType, long contentLength, Duration expiry) {
        return presignTimer.record(() -> toUrl(presigner.presignPutObject(p -> p.signatureDuration(expiry)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)))));
    }

    @Override
    public PresignedUrl presignPart(String key, String uploadId, int partNumber, long contentLength, Duration expiry) {
        return presignTimer.record(() -> toUrl(presigner.presignUploadPart(p -> p.signatureDuration(expiry)
                .uploadPartRequest(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(contentLength)))));
    }

    @Override
    public List<StoredPart> listParts(String key, String uploadId) throws MultipartUploadNotFound {
        try {
            List<StoredPart> parts = new ArrayList<>();
            for (Part part : s3.listPartsPaginator(b -> b.bucket(bucket).key(key).uploadId(uploadId)).parts()) {
                parts.add(new StoredPart(part.partNumber(), unquote(part.eTag()), part.size()));
            }
            return parts;
        } catch (NoSuchUploadException e) {
            throw new MultipartUploadNotFound(key);
        } catch (S3Exception e) {
            if (isNoSuchUpload(e)) {
                throw new MultipartUploadNotFound(key);
            }
            throw new StorageUnavailable("ListParts", e);
        } catch (SdkException e) {
            throw new StorageUnavailable("ListParts", e);
        }
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<PartETag> parts)
            throws MultipartUploadNotFound, PartsRejected {
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(quote(p.eTag())).build())
                .toList();
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build()));
        } catch (NoSuchUploadException e) {
            throw new MultipartUploadNotFound(key);
        } catch (S3Exception e) {
            if (isNoSuchUpload(e)) {
                throw new MultipartUploadNotFound(key);
            }
            if (e.statusCode() == 400) {
                String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                throw new PartsRejected("S3 refused the parts (" + code + ")");
            }
            throw new StorageUnavailable("CompleteMultipartUpload", e);
        } catch (SdkException e) {
            throw new StorageUnavailable("CompleteMultipartUpload", e);
        }
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(bucket, key, head.contentLength(), unquote(head.eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || (e.statusCode() == 403 && forbiddenMeansMissing)) {
                return Optional.empty();
            }
            throw new StorageUnavailable("HeadObject", e);
        } catch (SdkException e) {
            throw new StorageUnavailable("HeadObject", e);
        }
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // already gone: what we wanted
        } catch (S3Exception e) {
            if (!isNoSuchUpload(e)) {
                throw new StorageUnavailable("AbortMultipartUpload", e);
            }
        } catch (SdkException e) {
            throw new StorageUnavailable("AbortMultipartUpload", e);
        }
    }

    @Override
    public void delete(String key) {
        call("DeleteObject", () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new StorageUnavailable(operation, e);
        }
    }

    private static boolean isNoSuchUpload(S3Exception e) {
        return e.statusCode() == 404 && e.awsErrorDetails() != null
                && "NoSuchUpload".equals(e.awsErrorDetails().errorCode());
    }

    private static PresignedUrl toUrl(PresignedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.signedHeaders().forEach((name, values) -> {
            // Host and Content-Length are set by every HTTP client itself (and may not be set by hand in browsers).
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(canonicalName(name), String.join(",", values));
            }
        });
        return new PresignedUrl(request.url().toString(), Map.copyOf(headers), request.expiration());
    }

    private static String canonicalName(String header) {
        return header.equalsIgnoreCase("content-type") ? "Content-Type" : header;
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        String t = eTag.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String quote(String eTag) {
        String t = unquote(eTag);
        return "\"" + t + "\"";
    }
}
