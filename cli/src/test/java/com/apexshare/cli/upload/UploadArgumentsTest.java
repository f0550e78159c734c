package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code apexshare upload} checks before it starts. */
class UploadArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAGoodCommandLine() throws IOException {
        // Given existing videos and good details, When checked, Then nothing is wrong
        Path a = Files.writeString(dir.resolve("GX010001.MP4"), "a");
        Path b = Files.writeString(dir.resolve("ride.mov"), "b");
        assertThat(UploadCommand.problems(List.of(a, b), "sam@example.com", "Sam", "2024-02-29", 4, null)).isEmpty();
    }

    @Test
    void shouldNameEveryProblemAtOnce() throws IOException {
        // Given a wrong email, blank name, impossible date, too many parts at once and files with problems
        Path good = Files.writeString(dir.resolve("good.mp4"), "a");
        Path odd = Files.writeString(dir.resolve("odd.mkv"), "b");
        Path missing = dir.resolve("missing.mp4");

        // When checked
        List<String> problems = UploadCommand.problems(List.of(good, odd, missing, good, dir), "sam@", " ",
                "2023-02-29", 0, null);

        // Then each is named
        assertThat(problems).containsExactly(
                "--student-email: 'sam@' is not an email address",
                "--student-name: must not be blank",
                "--session-date: '2023-02-29' is not a date like 2024-05-31",
                "--parallel: must be between 1 and 16, not 0",
                odd + ": cannot tell the video type from its name; allowed: .mp4 (video/mp4), .mov (video/quicktime), "
                        + ".avi (video/x-msvideo) (or give --content-type)",
                missing + ": no such file",
                good + ": given twice",
                dir + ": not a regular file");
    }

    @Test
    void shouldAcceptAnyExtensionWithAnExplicitContentTypeButNotAMalformedOne() throws IOException {
        // Given a file without a video extension
        Path odd = Files.writeString(dir.resolve("capture.bin"), "b");

        // When checked with a content type, Then it is fine; with a malformed one, it is not
        assertThat(UploadCommand.problems(List.of(odd), "s@e.io", "S", "2024-05-31", 4, "video/mp4")).isEmpty();
        assertThat(UploadCommand.problems(List.of(odd), "s@e.io", "S", "2024-05-31", 4, "mp4"))
                .containsExactly("--content-type: 'mp4' is not a media type like video/mp4");
    }
}
