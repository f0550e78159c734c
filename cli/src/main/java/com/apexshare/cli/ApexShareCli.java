package com.apexshare.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.apexshare.cli.api.RetryPolicy;
import com.apexshare.cli.api.SignInRequired;
import com.apexshare.cli.console.Browser;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.console.SystemBrowser;
import com.apexshare.cli.actions.ChangeAddressCommand;
import com.apexshare.cli.actions.DeleteCommand;
import com.apexshare.cli.actions.ExpiryCommand;
import com.apexshare.cli.actions.RemindersCommand;
import com.apexshare.cli.actions.ResendCommand;
import com.apexshare.cli.actions.RevokeCommand;
import com.apexshare.cli.dashboard.AbortCommand;
import com.apexshare.cli.dashboard.RecentCommand;
import com.apexshare.cli.dashboard.StatusCommand;
import com.apexshare.cli.dashboard.StudentCommand;
import com.apexshare.cli.signin.LoginCommand;
import com.apexshare.cli.signin.LogoutCommand;
import com.apexshare.cli.signin.WhoamiCommand;
import com.apexshare.cli.upload.UploadCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code apexshare}: the trainer's command-line client. As a program: {@link #main}. As a library (tests, the
 * end-to-end run): {@code new ApexShareCli(out, err, env).run(args)} returns the exit code: 0 done, 1 an upload or a
 * call failed, 2 the command line was wrong, 3 not signed in (or the sign-in can no longer be renewed).
 */
@Command(name = "apexshare", mixinStandardHelpOptions = true, versionProvider = ApexShareCli.Version.class,
        description = {"Hands training videos to students: uploads straight to S3, resumable; your dashboard.",
                "Start with 'apexshare login'.",
                "", "Environment: APEXSHARE_API_URL (default http://127.0.0.1:8080), APEXSHARE_ISSUER (default "
                        + "http://127.0.0.1:8090), APEXSHARE_TOKEN (instead of the sign-in, for scripts), "
                        + "APEXSHARE_CONFIG_DIR (default ~/.config/apexshare), APEXSHARE_HOME (default ~/.apexshare)."},
        subcommands = CommandLine.HelpCommand.class)
public final class ApexShareCli implements Runnable {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private boolean terminal;
    private RetryPolicy retry = RetryPolicy.STANDARD;
    private Clock clock = Clock.systemUTC();
    private Duration plainProgressInterval = Duration.ofSeconds(10);
    private Duration devicePollInterval = Duration.ofSeconds(5);
    private Browser browser;

    @Spec
    CommandSpec spec;

    /**
     * @param out results (tables, file ids)
     * @param err progress and problems
     * @param env the environment ({@code APEXSHARE_API_URL}, {@code APEXSHARE_TOKEN}, {@code APEXSHARE_HOME})
     */
    public ApexShareCli(PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public ApexShareCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true),
                new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true), env);
    }

    /** Whether stderr is a terminal (a redrawn progress bar) or not (progress as plain lines); default not. */
    public ApexShareCli terminal(boolean stderrIsTerminal) {
        this.terminal = stderrIsTerminal;
        return this;
    }

    /** How failed part uploads and API calls are retried; default {@link RetryPolicy#STANDARD}. */
    public ApexShareCli retryPolicy(RetryPolicy policy) {
        this.retry = policy;
        return this;
    }

    public ApexShareCli clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How often progress is printed when stderr is not a terminal; default 10 s. */
    public ApexShareCli plainProgressInterval(Duration interval) {
        this.plainProgressInterval = interval;
        return this;
    }

    /** The device flow's pause between polls when the issuer names none; default 5 s (RFC 8628). */
    public ApexShareCli devicePollInterval(Duration interval) {
        this.devicePollInterval = interval;
        return this;
    }

    /** The browser {@code login} opens; default the machine's ({@code $BROWSER}, the desktop, {@code xdg-open}). */
    public ApexShareCli browser(Browser browser) {
        this.browser = browser;
        return this;
    }

    public static void main(String[] args) {
        int code = new ApexShareCli(System.out, System.err, System.getenv())
                .terminal(System.console() != null && !"dumb".equals(System.getenv("TERM")))
                .run(args);
        System.exit(code);
    }

    /** Runs one command line; answers its exit code. */
    public int run(String... args) {
        CliContext context = new CliContext(out, err, env, new CliContext.Settings(terminal, retry, clock,
                plainProgressInterval, devicePollInterval, browser != null ? browser : new SystemBrowser(env)));
        CommandLine commandLine = new CommandLine(this);
        commandLine.addSubcommand(new LoginCommand(context));
        commandLine.addSubcommand(new LogoutCommand(context));
        commandLine.addSubcommand(new WhoamiCommand(context));
        commandLine.addSubcommand(new UploadCommand(context));
        commandLine.addSubcommand(new RecentCommand(context));
        commandLine.addSubcommand(new StatusCommand(context));
        commandLine.addSubcommand(new AbortCommand(context));
        commandLine.addSubcommand(new StudentCommand(context));
        commandLine.addSubcommand(new ResendCommand(context));
        commandLine.addSubcommand(new ChangeAddressCommand(context));
        commandLine.addSubcommand(new ExpiryCommand(context));
        commandLine.addSubcommand(new RevokeCommand(context));
        commandLine.addSubcommand(new DeleteCommand(context));
        commandLine.addSubcommand(new RemindersCommand(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("apexshare " + cl.getCommandName() + ": " + describe(e));
            // No exception of the client carries a token in its message (nor do the JDK's HTTP ones).
            if (env.containsKey("APEXSHARE_DEBUG")) {
                e.printStackTrace(cl.getErr());
            }
            cl.getErr().flush();
            return e instanceof SignInRequired ? CliContext.NOT_SIGNED_IN : CliContext.FAILED;
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code apexshare} alone: the list of commands, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ApexShareCli.class.getPackage().getImplementationVersion();
            return new String[] {"apexshare " + (version == null ? "(development)" : version)};
        }
    }
}
