package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3AnswerTest {

    private static final String EXPIRED = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
            + "<Message>Request has expired</Message></Error>";

    @Test
    void shouldAskForAFreshUrlWhenS3RefusesTheSignature() {
        // Given S3's 403 for an expired URL, When classified, Then a fresh URL is tried, with S3's words
        S3Answer answer = S3Answer.of(403, EXPIRED);
        assertThat(answer.kind()).isEqualTo(S3Answer.Kind.RETRY_WITH_FRESH_URL);
        assertThat(answer.reason()).isEqualTo("HTTP 403 AccessDenied: Request has expired");
    }

    @Test
    void shouldRetryServerErrorsAndTimeouts() {
        // Given S3's 503 SlowDown and a 400 RequestTimeout, When classified, Then both are tried again
        assertThat(S3Answer.of(503, "<Error><Code>SlowDown</Code></Error>").kind()).isEqualTo(S3Answer.Kind.RETRY);
        assertThat(S3Answer.of(400, "<Error><Code>RequestTimeout</Code></Error>").kind())
                .isEqualTo(S3Answer.Kind.RETRY_WITH_FRESH_URL);
    }

    @Test
    void shouldGiveUpWhenTheUploadIsGoneOrTheRequestIsWrong() {
        // Given S3's 404 NoSuchUpload and a 400 EntityTooLarge, When classified, Then there is no point trying again
        S3Answer gone = S3Answer.of(404, "<Error><Code>NoSuchUpload</Code></Error>");
        assertThat(gone.kind()).isEqualTo(S3Answer.Kind.FAILED);
        assertThat(gone.reason()).contains("NoSuchUpload").contains("aborted or expired");
        assertThat(S3Answer.of(400, "<Error><Code>EntityTooLarge</Code></Error>").kind())
                .isEqualTo(S3Answer.Kind.FAILED);
        assertThat(S3Answer.of(200, "").kind()).isEqualTo(S3Answer.Kind.STORED);
    }
}
