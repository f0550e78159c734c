package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.api.UploadApiModel.PartsStatus;

/** State files and the decisions made from them when the same command runs again. */
class ResumeStateTest {

    private static final String API = "http://127.0.0.1:8080";

    @TempDir
    Path dir;

    @Test
    void shouldFindTheStateOfTheSameFileAndForgetItWhenRemoved() throws IOException {
        // Given a saved state for a file
        Path file = Files.writeString(dir.resolve("a.mp4"), "video");
        StateStore store = new StateStore(dir.resolve("home"));
        FileIdentity identity = FileIdentity.of(file);
        store.save(identity, state("f-1", identity, "meta"));

        // When the same file is looked up, Then its state is found
        assertThat(store.find(FileIdentity.of(file))).get().extracting(UploadState::fileId).isEqualTo("f-1");

        // When it is removed, Then it is gone
        store.remove(identity);
        assertThat(store.find(identity)).isEmpty();
    }

    @Test
    void shouldSeeAChangedFileAsAnotherIdentityWithAnOutdatedState() throws IOException {
        // Given a state saved for a file that was then rewritten
        Path file = Files.writeString(dir.resolve("b.mp4"), "video");
        StateStore store = new StateStore(dir.resolve("home"));
        FileIdentity before = FileIdentity.of(file);
        store.save(before, state("f-2", before, "meta"));
        Files.writeString(file, "another video");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        // When the changed file is looked up
        FileIdentity after = FileIdentity.of(file);

        // Then it has no state of its own, and the earlier one is outdated
        assertThat(after.key()).isNotEqualTo(before.key());
        assertThat(store.find(after)).isEmpty();
        assertThat(store.outdated(after)).extracting(UploadState::fileId).containsExactly("f-2");
    }

    @Test
    void shouldIgnoreAnUnreadableStateFileAndForgetAnAbortedUpload() throws IOException {
        // Given a corrupt state file and two states of one upload id
        StateStore store = new StateStore(dir.resolve("home"));
        Path one = Files.writeString(dir.resolve("one.mp4"), "1");
        FileIdentity identity = FileIdentity.of(one);
        Files.createDirectories(store.dir());
        Files.writeString(store.dir().resolve(identity.key() + ".json"), "{not json");

        // When it is looked up, Then it counts as absent
        assertThat(store.find(identity)).isEmpty();

        // When an upload is forgotten, Then only its states go
        store.save(identity, state("f-3", identity, "m"));
        FileIdentity other = FileIdentity.of(Files.writeString(dir.resolve("two.mp4"), "2"));
        store.save(other, state("f-4", other, "m"));
        assertThat(store.forget("f-3")).isEqualTo(1);
        assertThat(store.all()).extracting(UploadState::fileId).containsExactly("f-4");
    }

    @Test
    void shouldHoldNoPersonalDataInTheStateFile() throws IOException {
        // Given a state for an upload to a student
        Path file = Files.writeString(dir.resolve("c.mp4"), "video");
        StateStore store = new StateStore(dir.resolve("home"));
        FileIdentity identity = FileIdentity.of(file);
        UploadMetadata metadata = new UploadMetadata("sam@example.com", "Sam Rider", null, "2024-05-31", "notes");
        store.save(identity, state("f-5", identity, metadata.fingerprint("c.mp4", "video/mp4")));

        // When the file is read, Then neither the student's email nor name is in it
        String json = Files.readString(store.dir().resolve(identity.key() + ".json"));
        assertThat(json).contains("f-5").doesNotContain("sam@example.com").doesNotContain("Sam Rider");
    }

    @Test
    void shouldStartWithoutStateAndAskTheServerWithAMatchingOne() {
        // Given no state, and a state of the same command
        UploadState state = new UploadState("f", "/v.mp4", 10, 1, "MULTIPART", "meta", API, Instant.EPOCH);

        // When decided locally, Then a fresh start, or a question to the server
        assertThat(ResumeDecision.local(Optional.empty(), "meta", API)).isInstanceOf(ResumeDecision.Start.class);
        assertThat(ResumeDecision.local(Optional.of(state), "meta", API))
                .isEqualTo(new ResumeDecision.AskServer(state));
    }

    @Test
    void shouldRestartWhenTheCommandOrTheApiDiffers() {
        // Given a state made with other details, and one made on another API
        UploadState state = new UploadState("f", "/v.mp4", 10, 1, "MULTIPART", "meta", API, Instant.EPOCH);

        // When decided locally
        ResumeDecision.Local otherDetails = ResumeDecision.local(Optional.of(state), "other", API);
        ResumeDecision.Local otherApi = ResumeDecision.local(Optional.of(state), "meta", "https://apexshare.example");

        // Then both restart; only the upload on this API is aborted
        assertThat(otherDetails).isInstanceOfSatisfying(ResumeDecision.Restart.class,
                r -> assertThat(r.abortEarlier()).isTrue());
        assertThat(otherApi).isInstanceOfSatisfying(ResumeDecision.Restart.class,
                r -> assertThat(r.abortEarlier()).isFalse());
    }

    @Test
    void shouldContinueOnlyAnUploadTheServerStillHasInProgress() {
        // Given the server's answers about the earlier upload
        PartsStatus inProgress = status("IN_PROGRESS", 100);

        // When decided, Then continue, done, or start afresh
        assertThat(ResumeDecision.remote(inProgress, 100)).isEqualTo(new ResumeDecision.Continue(inProgress));
        assertThat(ResumeDecision.remote(status("COMPLETED", 100), 100))
                .isInstanceOf(ResumeDecision.AlreadyCompleted.class);
        assertThat(ResumeDecision.remote(status("ABORTED", 100), 100))
                .isInstanceOf(ResumeDecision.StartAfresh.class);
        assertThat(ResumeDecision.remote(null, 100)).isInstanceOf(ResumeDecision.StartAfresh.class);
        assertThat(ResumeDecision.remote(inProgress, 101)).isInstanceOfSatisfying(ResumeDecision.StartAfresh.class,
                r -> assertThat(r.abortEarlier()).isTrue());
    }

    private static PartsStatus status(String status, long fileSize) {
        return new PartsStatus("f", "MULTIPART", status, 10, 10, fileSize, List.of());
    }

    private static UploadState state(String fileId, FileIdentity identity, String metadata) {
        return new UploadState(fileId, identity.path().toString(), identity.size(), identity.modifiedMillis(),
                "MULTIPART", metadata, API, Instant.parse("2024-05-31T10:00:00Z"));
    }
}
