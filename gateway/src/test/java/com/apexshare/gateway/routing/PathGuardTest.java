package com.apexshare.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/d/Xq3-abc_DEF", "/api/v1/uploads/3f2c1a7e-0000-4000-8000-000000000001/parts/urls",
            "/assets/index-4f2a.js", "/uploads/", "/d/a%20b", "/d/caf%C3%A9", "/.well-known/x"})
    void shouldAcceptCanonicalPaths(String path) {
        assertThat(PathGuard.refusal(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d/x", "//actuator", "/d//x", "/d/..", "/d/../actuator", "/d/.", "/d/./x",
            "/d/x;jsessionid=1", "/d/..;/actuator", "/d/%2e%2e/actuator", "/d/%2E/x", "/d/x%2fy", "/d/x%2Fy",
            "/d/x%5cy", "/d/x%3by", "/d/%252e%252e", "/d/%00", "/d/%1f", "/d/%7f", "/d/x\\y", "/d/%", "/d/%2",
            "/d/%zz", "/d/x y", "/d/\u00e9"})
    void shouldRefusePathsThatANormalisationCouldChange(String path) {
        assertThat(PathGuard.refusal(path)).isPresent();
    }
}
