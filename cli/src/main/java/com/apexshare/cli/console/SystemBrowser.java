package com.apexshare.cli.console;

import java.awt.Desktop;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine's browser: {@code $BROWSER} when set (the convention of {@code xdg-open}, {@code gh}, Python's
 * {@code webbrowser}), else {@code java.awt.Desktop}, else {@code xdg-open} / {@code open} / {@code rundll32}.
 */
public final class SystemBrowser implements Browser {

    private final Function<String, String> env;
    private final String osName;

    public SystemBrowser(Map<String, String> env) {
        this(name -> {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value;
        }, System.getProperty("os.name", ""));
    }

    SystemBrowser(Function<String, String> env, String osName) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code $BROWSER} set, or a desktop session: Windows and macOS unless reached over SSH, other systems when an X11
     * or Wayland display is there ({@code DISPLAY}, {@code WAYLAND_DISPLAY}; SSH with X forwarding sets it too).
     */
    @Override
    public boolean available() {
        if (env.apply("BROWSER") != null) {
            return true;
        }
        boolean ssh = env.apply("SSH_CONNECTION") != null || env.apply("SSH_TTY") != null
                || env.apply("SSH_CLIENT") != null;
        if (windows() || mac()) {
            return !ssh;
        }
        return env.apply("DISPLAY") != null || env.apply("WAYLAND_DISPLAY") != null;
    }

    @Override
    public boolean open(URI page) {
        String browser = env.apply("BROWSER");
        if (browser != null) {
            // Like xdg-open: the first of a colon-separated list; %s is the page, else it goes last.
            String first = browser.split(":")[0].strip();
            List<String> command = new ArrayList<>(List.of(first.split("\\s+")));
            if (command.stream().anyMatch(part -> part.contains("%s"))) {
                command.replaceAll(part -> part.replace("%s", page.toString()));
            } else {
                command.add(page.toString());
            }
            return start(command);
        }
        if (!available()) {
            return false;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page);
                return true;
            }
        } catch (Exception | LinkageError e) {
            // Headless JVM, no desktop integration: try the system's command below.
        }
        if (windows()) {
            return start(List.of("rundll32", "url.dll,FileProtocolHandler", page.toString()));
        }
        return start(List.of(mac() ? "open" : "xdg-open", page.toString()));
    }

    private static boolean start(List<String> command) {
        try {
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean windows() {
        return osName.startsWith("windows");
    }

    private boolean mac() {
        return osName.startsWith("mac") || osName.startsWith("darwin");
    }
}
