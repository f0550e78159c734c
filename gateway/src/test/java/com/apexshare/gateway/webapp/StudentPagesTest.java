package com.apexshare.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudentPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/xhtml+xml, text/html;q=0.5", "TEXT/HTML; charset=utf-8", " text/html ; q=0.1"})
    void shouldTakeABrowserNavigationToTheLinkForTheStudentPage(String accept) {
        assertThat(StudentPages.isStudentPage("GET", "/d/Xq3-abc_DEF", List.of(accept))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/*", "application/octet-stream", "video/mp4,*/*;q=0.1", "text/html;q=0",
            "text/html;q=zero", "text/html-ish", "not a media type"})
    void shouldLeaveEveryOtherClientsDownloadAlone(String accept) {
        assertThat(StudentPages.isStudentPage("GET", "/d/Xq3-abc_DEF", List.of(accept))).isFalse();
    }

    @Test
    void shouldLeaveRequestsWithoutAcceptAndHeadRequestsAlone() {
        assertThat(StudentPages.isStudentPage("GET", "/d/tok", List.of())).isFalse();
        assertThat(StudentPages.isStudentPage("HEAD", "/d/tok", List.of("text/html"))).isFalse();
        assertThat(StudentPages.isStudentPage("POST", "/d/tok", List.of("text/html"))).isFalse();
    }

    @Test
    void shouldFindHtmlInAnyOfSeveralAcceptHeaders() {
        assertThat(StudentPages.isStudentPage("GET", "/d/tok", List.of("application/json", "text/html"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/d/", "/d", "/d/tok/more", "/dx/tok", "/api/v1/downloads/tok", "/uploads"})
    void shouldOnlyConsiderTheLinkPathItself(String path) {
        assertThat(StudentPages.isStudentPage("GET", path, List.of("text/html"))).isFalse();
    }
}
