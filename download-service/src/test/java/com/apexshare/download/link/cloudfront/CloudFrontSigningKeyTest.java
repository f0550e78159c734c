package com.apexshare.download.link.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.download.DownloadProperties;

class CloudFrontSigningKeyTest {

    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

    @TempDir
    Path dir;

    @Test
    void shouldNameEveryMissingSettingAtOnce() {
        // Given CloudFront switched on with nothing else set
        DownloadProperties.CloudFront settings = new DownloadProperties.CloudFront(true, "", " ", null);

        // When the settings are loaded, Then all three are named, by property and environment variable
        assertThatThrownBy(() -> CloudFrontSigningKey.load(settings))
                .isInstanceOfSatisfying(InvalidCloudFrontSettings.class, e -> assertThat(e.problems()).containsExactly(
                        CloudFrontSigningKey.DOMAIN + " is missing (the distribution's host, deploy/aws output "
                                + "DistributionDomainName)",
                        CloudFrontSigningKey.KEY_PAIR_ID + " is missing (the public key's id, deploy/aws output "
                                + "PublicKeyId)",
                        CloudFrontSigningKey.PRIVATE_KEY_FILE + " is missing (the PEM file with the private key, "
                                + "mounted from a secret)"))
                .hasMessageContaining("DOWNLOAD_CLOUDFRONT_DOMAIN")
                .hasMessageContaining("DOWNLOAD_CLOUDFRONT_KEY_PAIR_ID")
                .hasMessageContaining("DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE");
    }

    @Test
    void shouldRefuseADomainWithASchemeAndAKeyPairIdThatIsNotOne() {
        // Given a URL where the host belongs and a lower-case id
        Path pem = CloudFrontKeys.writePrivateKeyPem(CloudFrontKeys.generate(), dir.resolve("key.pem"));
        DownloadProperties.CloudFront settings = new DownloadProperties.CloudFront(true, "https://" + DOMAIN + "/",
                "k2jcjmdehxqw5f", pem.toString());

        // When loaded, Then both are named with what was expected
        assertThatThrownBy(() -> CloudFrontSigningKey.load(settings))
                .isInstanceOf(InvalidCloudFrontSettings.class)
                .hasMessageContaining(CloudFrontSigningKey.DOMAIN + " must be a host name without scheme or path")
                .hasMessageContaining(CloudFrontSigningKey.KEY_PAIR_ID + " must be upper-case letters and digits");
    }

    @Test
    void shouldRefuseAKeyFileThatDoesNotExist() {
        // Given a path where the secret was not mounted
        Path missing = dir.resolve("not-mounted/private-key.pem");
        DownloadProperties.CloudFront settings = new DownloadProperties.CloudFront(true, DOMAIN, KEY_PAIR_ID,
                missing.toString());

        // When loaded, Then the file setting is named with the path
        assertThatThrownBy(() -> CloudFrontSigningKey.load(settings))
                .isInstanceOfSatisfying(InvalidCloudFrontSettings.class, e -> assertThat(e.problems()).containsExactly(
                        CloudFrontSigningKey.PRIVATE_KEY_FILE + ": " + missing + " is not a readable file"));
    }

    @Test
    void shouldRefuseAPublicKeyOrGarbageWithoutRepeatingTheFilesContent() throws Exception {
        // Given the public half where the private one belongs, and a file that is no PEM at all
        KeyPair keys = CloudFrontKeys.generate();
        Path publicKey = CloudFrontKeys.writePublicKeyPem(keys, dir.resolve("public.pem"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not-a-key-SECRET-CONTENT");

        for (Path file : new Path[] {publicKey, garbage}) {
            DownloadProperties.CloudFront settings = new DownloadProperties.CloudFront(true, DOMAIN, KEY_PAIR_ID,
                    file.toString());

            // When loaded, Then it is refused as no RSA private key, and nothing of the file is in the message
            String content = Files.readString(file);
            assertThatThrownBy(() -> CloudFrontSigningKey.load(settings))
                    .isInstanceOf(InvalidCloudFrontSettings.class)
                    .hasMessageContaining(CloudFrontSigningKey.PRIVATE_KEY_FILE + ": " + file
                            + " is not a PEM-encoded RSA private key (PKCS#1 or PKCS#8)")
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(content.lines().skip(1).findFirst()
                            .orElse(content)).doesNotContain("SECRET-CONTENT"));
        }
    }

    @Test
    void shouldLoadAPkcs8KeyAndKeepItOutOfToString() {
        // Given a PKCS#8 PEM file as openssl genpkey writes it
        KeyPair keys = CloudFrontKeys.generate();
        Path pem = CloudFrontKeys.writePrivateKeyPem(keys, dir.resolve("private-key.pem"));

        // When loaded
        CloudFrontSigningKey key = CloudFrontSigningKey.load(new DownloadProperties.CloudFront(true,
                " D111111ABCDEF8.cloudfront.net ", KEY_PAIR_ID, pem.toString()));

        // Then it is that key, the host is normalised, and toString shows no key material
        assertThat(key.privateKey().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(key.domain()).isEqualTo(DOMAIN);
        assertThat(key.toString()).contains(DOMAIN, KEY_PAIR_ID, "(hidden)").doesNotContain("Modulus", "modulus");
    }

    @Test
    void shouldLoadAPkcs1KeyAsOpenSslGenrsaWritesIt() throws Exception {
        // Given a PKCS#1 PEM file (BEGIN RSA PRIVATE KEY)
        KeyPair keys = CloudFrontKeys.generate();
        Path pem = CloudFrontKeys.writeRsaPrivateKeyPem(keys, dir.resolve("rsa-private-key.pem"));
        assertThat(Files.readString(pem)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        // When loaded
        CloudFrontSigningKey key = CloudFrontSigningKey.load(new DownloadProperties.CloudFront(true, DOMAIN,
                KEY_PAIR_ID, pem.toString()));

        // Then it is the same private key
        assertThat(((java.security.interfaces.RSAPrivateKey) key.privateKey()).getPrivateExponent())
                .isEqualTo(((java.security.interfaces.RSAPrivateKey) keys.getPrivate()).getPrivateExponent());
    }
}
