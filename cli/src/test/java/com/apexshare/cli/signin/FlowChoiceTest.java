package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.apexshare.cli.signin.FlowChoice.Requested;

/** Which sign-in {@code login} uses, and what it says about it. */
class FlowChoiceTest {

    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc";

    @Test
    void shouldUseTheDeviceFlowByDefaultOnlyWhenNoBrowserCanOpenAndTheIssuerOffersIt() {
        FlowChoice headless = FlowChoice.choose(Requested.ANY, ISSUER, true, false);
        FlowChoice desktop = FlowChoice.choose(Requested.ANY, ISSUER, true, true);
        assertThat(headless.device()).isTrue();
        assertThat(headless.reason()).startsWith("No browser on this machine, so: sign in with a code on any device");
        assertThat(desktop.device()).isFalse();
        assertThat(desktop.reason()).isEqualTo("Signing in with your browser (--device to use a code on another device "
                + "instead).");
    }

    @Test
    void shouldUseTheBrowserWhenTheIssuerHasNoDeviceFlowSayingHowOverSsh() {
        // Given an issuer without device flow (Cognito), on a machine without a browser
        FlowChoice choice = FlowChoice.choose(Requested.ANY, ISSUER, false, false);
        assertThat(choice.device()).isFalse();
        assertThat(choice.reason()).startsWith(ISSUER + " offers no device sign-in, so: sign in with a browser")
                .contains("ssh -L PORT:127.0.0.1:PORT").contains("--port PORT");
        assertThat(FlowChoice.choose(Requested.ANY, ISSUER, false, true).reason()).isEqualTo("Signing in with your browser.");
    }

    @Test
    void shouldDoWhatTheFlagsSayAndRefuseTheDeviceFlowWhereThereIsNone() {
        assertThat(FlowChoice.choose(Requested.DEVICE, ISSUER, true, true).device()).isTrue();
        assertThat(FlowChoice.choose(Requested.BROWSER, ISSUER, true, false).device()).isFalse();
        assertThatThrownBy(() -> FlowChoice.choose(Requested.DEVICE, ISSUER, false, false))
                .isInstanceOf(SignInNotCompleted.class)
                .hasMessage(ISSUER + " offers no device sign-in (its discovery document names no "
                        + "device_authorization_endpoint): use --browser");
    }
}
