package com.apexshare.cli.signin;

/**
 * Which sign-in {@code apexshare login} uses, and the line that tells the trainer why (as {@code gh} does): the device
 * flow when asked for, or by default when the issuer offers it and no browser can open here (SSH, a server, a
 * container); else a browser on this machine.
 *
 * @param device whether it is the device flow (else the loopback browser sign-in)
 * @param reason what to tell the trainer
 */
record FlowChoice(boolean device, String reason) {

    /** What the command line asked for. */
    enum Requested {
        ANY, DEVICE, BROWSER
    }

    static FlowChoice choose(Requested requested, String issuer, boolean issuerOffersDeviceFlow,
            boolean browserAvailable) {
        return switch (requested) {
            case DEVICE -> {
                if (!issuerOffersDeviceFlow) {
                    throw new SignInNotCompleted(issuer + " offers no device sign-in (its discovery document names no "
                            + "device_authorization_endpoint): use --browser");
                }
                yield new FlowChoice(true, "Signing in with a code on another device (--device).");
            }
            case BROWSER -> new FlowChoice(false, "Signing in with a browser on this machine (--browser).");
            case ANY -> {
                if (issuerOffersDeviceFlow && !browserAvailable) {
                    yield new FlowChoice(true, "No browser on this machine, so: sign in with a code on any device "
                            + "(--browser to use a browser here anyway).");
                }
                if (browserAvailable) {
                    yield new FlowChoice(false, "Signing in with your browser"
                            + (issuerOffersDeviceFlow ? " (--device to use a code on another device instead)." : "."));
                }
                yield new FlowChoice(false, issuer + " offers no device sign-in, so: sign in with a browser on this "
                        + "machine (over SSH, forward the port: ssh -L PORT:127.0.0.1:PORT, with apexshare login "
                        + "--port PORT).");
            }
        };
    }
}
