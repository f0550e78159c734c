package com.apexshare.download.link.cloudfront;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

import com.apexshare.download.DownloadProperties;

/**
 * The checked CloudFront settings: the distribution's host, the key pair id and the private key, read once at
 * start-up. The key is read with the SDK's own PEM reader (PKCS#1 {@code BEGIN RSA PRIVATE KEY} or PKCS#8
 * {@code BEGIN PRIVATE KEY}), so what starts is what the SDK signs with.
 *
 * @param domain     the distribution's host name
 * @param keyPairId  the public key's id in the distribution's key group
 * @param privateKey the private half (a secret: never logged; {@link #toString()} leaves it out)
 */
record CloudFrontSigningKey(String domain, String keyPairId, PrivateKey privateKey) {

    static final String DOMAIN = "apexshare.download.cloudfront.domain (DOWNLOAD_CLOUDFRONT_DOMAIN)";
    static final String KEY_PAIR_ID = "apexshare.download.cloudfront.key-pair-id (DOWNLOAD_CLOUDFRONT_KEY_PAIR_ID)";
    static final String PRIVATE_KEY_FILE =
            "apexshare.download.cloudfront.private-key-file (DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE)";

    /** A DNS host name: the distribution's (d111111abcdef8.cloudfront.net) or an alternate domain name. */
    private static final Pattern HOST = Pattern.compile(
            "(?i)(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    /** CloudFront public key ids (K2JCJMDEHXQW5F) and legacy key pair ids (APKA…) are upper-case alphanumerics. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{1,128}");

    /**
     * Checks the settings and reads the key.
     *
     * @throws InvalidCloudFrontSettings naming every missing or invalid setting
     */
    static CloudFrontSigningKey load(DownloadProperties.CloudFront settings) {
        List<String> problems = new ArrayList<>();
        String domain = settings.domain() == null ? "" : settings.domain().strip();
        if (domain.isEmpty()) {
            problems.add(DOMAIN + " is missing (the distribution's host, deploy/aws output DistributionDomainName)");
        } else if (!HOST.matcher(domain).matches()) {
            problems.add(DOMAIN + " must be a host name without scheme or path, e.g. d111111abcdef8.cloudfront.net, "
                    + "not '" + domain + "'");
        }
        String keyPairId = settings.keyPairId() == null ? "" : settings.keyPairId().strip();
        if (keyPairId.isEmpty()) {
            problems.add(KEY_PAIR_ID + " is missing (the public key's id, deploy/aws output PublicKeyId)");
        } else if (!KEY_ID.matcher(keyPairId).matches()) {
            problems.add(KEY_PAIR_ID + " must be upper-case letters and digits, e.g. K2JCJMDEHXQW5F, not '"
                    + keyPairId + "'");
        }
        PrivateKey key = readKey(settings.privateKeyFile(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidCloudFrontSettings(problems);
        }
        return new CloudFrontSigningKey(domain.toLowerCase(java.util.Locale.ROOT), keyPairId, key);
    }

    private static PrivateKey readKey(String file, List<String> problems) {
        if (file == null || file.isBlank()) {
            problems.add(PRIVATE_KEY_FILE + " is missing (the PEM file with the private key, mounted from a secret)");
            return null;
        }
        Path path = Path.of(file.strip());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(PRIVATE_KEY_FILE + ": " + path + " is not a readable file");
            return null;
        }
        PrivateKey key;
        try {
            key = CannedSignerRequest.builder().privateKey(path).build().privateKey();
        } catch (Exception e) {
            // The reader's message is left out on purpose: nothing of the file's content may reach a log.
            problems.add(PRIVATE_KEY_FILE + ": " + path + " is not a PEM-encoded RSA private key (PKCS#1 or PKCS#8)");
            return null;
        }
        if (!(key instanceof RSAPrivateKey)) {
            problems.add(PRIVATE_KEY_FILE + ": " + path + " holds a " + key.getAlgorithm()
                    + " key; CloudFront signed URLs need RSA");
            return null;
        }
        return key;
    }

    @Override
    public String toString() {
        return "CloudFrontSigningKey[domain=" + domain + ", keyPairId=" + keyPairId + ", privateKey=(hidden)]";
    }
}
