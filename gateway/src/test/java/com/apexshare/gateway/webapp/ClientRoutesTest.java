package com.apexshare.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/uploads", "/uploads/abc", "/uploads/new/", "/settings/profile"})
    void shouldTreatAppPathsWithoutAFileNameAsClientRoutes(String path) {
        assertThat(ClientRoutes.isClientRoute(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/v1/me", "/d/tok", "/actuator/health", "/v3/api-docs", "/api-docs",
            "/oauth2/authorization/apexshare", "/login", "/logout", "/assets/app.js", "/favicon.ico",
            "/uploads/x/file.txt", "/error"})
    void shouldLeaveTheGatewaysPathsAndFilesAlone(String path) {
        assertThat(ClientRoutes.isClientRoute(path)).isFalse();
    }
}
