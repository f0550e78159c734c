package com.apexshare.notification.email.sns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

/**
 * Proves that a message comes from SNS and from one of our topics, by AWS's documented algorithm: the topic is one of
 * the configured ARNs; the {@code SigningCertURL} is https (unless a test turned that off) on a host matching the
 * configured pattern ({@code sns.<region>.amazonaws.com}), so TLS vouches for the certificate; the certificate is
 * valid now; and its public key verifies {@code Signature} over {@link SnsMessage#canonicalString()} with SHA1withRSA
 * (SignatureVersion 1) or SHA256withRSA (2). Certificates are cached by URL (SNS rotates them rarely and names a new
 * one by a new URL).
 */
@Component
public class SnsVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SnsVerifier.class);

    private final Set<String> topicArns;
    private final Pattern hostPattern;
    private final boolean requireHttps;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, X509Certificate> certificates;

    SnsVerifier(NotificationProperties properties, Clock clock) {
        NotificationProperties.SesEvents config = properties.deliveryTracking().sesEvents();
        this.topicArns = Set.copyOf(config.topicArns());
        this.hostPattern = Pattern.compile(config.certificateHostPattern(), Pattern.CASE_INSENSITIVE);
        this.requireHttps = config.requireHttps();
        this.timeout = config.httpTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        int size = config.certificateCacheSize();
        this.certificates = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
                return size() > size;
            }
        });
        if (topicArns.isEmpty()) {
            LOG.info("No SES event topic is configured (SES_EVENTS_TOPIC_ARNS): every SNS message is refused");
        }
    }

    /**
     * @throws SnsTopicNotAllowed  the topic is not ours
     * @throws SnsSignatureInvalid the certificate URL, the signature version or the signature is wrong
     * @throws SnsUnreachable      the certificate could not be fetched (SNS should retry)
     */
    public void verify(SnsMessage message) {
        if (!topicArns.contains(message.topicArn())) {
            throw new SnsTopicNotAllowed(message.topicArn());
        }
        String algorithm = switch (message.signatureVersion()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new SnsSignatureInvalid("unknown SignatureVersion " + message.signatureVersion());
        };
        URI certificateUrl = snsUrl("SigningCertURL", message.signingCertUrl());
        if (certificateUrl.getPath() == null || !certificateUrl.getPath().endsWith(".pem")
                || certificateUrl.getRawQuery() != null) {
            // SNS names its certificates …/SimpleNotificationService-<id>.pem; anything else is not worth a fetch.
            throw new SnsSignatureInvalid("SigningCertURL is not an SNS certificate");
        }
        X509Certificate certificate = certificate(certificateUrl);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.signature());
        } catch (IllegalArgumentException e) {
            throw new SnsSignatureInvalid("Signature is not base64");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.canonicalString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new SnsSignatureInvalid("the signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw new SnsSignatureInvalid("the signature cannot be checked: " + e.getMessage());
        }
    }

    /**
     * A URL SNS gave us to call (certificate, subscribe URL): https unless tests allow http, no user info, a host
     * matching the configured pattern entirely.
     *
     * @throws SnsSignatureInvalid otherwise
     */
    public URI snsUrl(String field, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new SnsSignatureInvalid(field + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new SnsSignatureInvalid(field + " must be https");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || !hostPattern.matcher(uri.getHost()).matches()) {
            throw new SnsSignatureInvalid(field + " is not on an SNS host");
        }
        return uri;
    }

    private X509Certificate certificate(URI url) {
        String key = url.toString();
        X509Certificate cached = certificates.get(key);
        if (cached != null && validNow(cached)) {
            return cached;
        }
        X509Certificate fetched = fetch(url);
        if (!validNow(fetched)) {
            throw new SnsSignatureInvalid("the signing certificate is expired or not yet valid");
        }
        certificates.put(key, fetched);
        return fetched;
    }

    private boolean validNow(X509Certificate certificate) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private X509Certificate fetch(URI url) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SnsUnreachable("fetch the signing certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnsUnreachable("fetch the signing certificate", e);
        }
        if (response.statusCode() != 200) {
            throw new SnsUnreachable("fetch the signing certificate (HTTP " + response.statusCode() + ")", null);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
        } catch (CertificateException | ClassCastException e) {
            throw new SnsSignatureInvalid("SigningCertURL does not serve an X.509 certificate");
        }
    }
}
