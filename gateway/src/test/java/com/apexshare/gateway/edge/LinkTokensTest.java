package com.apexshare.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkTokensTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/d/Xq3-abc_DEF|/d/****",
            "/d/Xq3abc?utm=mail|/d/****?utm=mail",
            "/api/v1/downloads/Xq3abc|/api/v1/downloads/****",
            "/api/v1/downloads/Xq3abc/more|/api/v1/downloads/****/more",
            "/api/v1/downloads/Xq3abc/info|/api/v1/downloads/****/info",
            "/api/v1/downloads/Xq3abc/start|/api/v1/downloads/****/start",
            "https://apexshare.example/d/Xq3abc#t=10|https://apexshare.example/d/****#t=10",
            "/dashboard?next=%2Fd%2FXq3abc&x=1|/dashboard?next=%2Fd%2F****&x=1",
            "/x?next=%2fapi%2fv1%2fdownloads%2fXq3abc%2Fmore|/x?next=%2fapi%2fv1%2fdownloads%2f****%2Fmore",
            "/x?token=Xq3abc&y=2|/x?token=****&y=2",
            "/x?a=1&link=Xq3abc|/x?a=1&link=****",
            "/api/v1/uploads/recent?limit=10|/api/v1/uploads/recent?limit=10",
            "/api/v1/students/sue%40riders.test/uploads?limit=20|/api/v1/students/****/uploads?limit=20",
            "/api/v1/students/sue@riders.test/uploads|/api/v1/students/****/uploads",
            "/api/v1/uploads?studentEmail=sue@riders.test&limit=5|/api/v1/uploads?studentEmail=****&limit=5",
            "/dashboard|/dashboard"})
    void shouldMaskEveryLinkToken(String text, String masked) {
        assertThat(LinkTokens.mask(text)).isEqualTo(masked);
    }

    @Test
    void shouldLeaveNullAndEmptyAlone() {
        assertThat(LinkTokens.mask(null)).isNull();
        assertThat(LinkTokens.mask("")).isEmpty();
    }
}
