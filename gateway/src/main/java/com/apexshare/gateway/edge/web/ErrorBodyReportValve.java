package com.apexshare.gateway.edge.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it refuses before any filter runs: a NUL or an encoded backslash in the
 * path, a malformed request line) in the error body instead of Tomcat's HTML page. Everything that reaches the
 * application answers through its own handlers; this valve only writes when nothing else did.
 */
public final class ErrorBodyReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = known == null ? "HTTP_" + status : known.name();
        String message = status >= 500 ? "Something went wrong on our side; try again later"
                : "The request was refused: it is malformed";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"success\":false,\"error\":{\"status\":" + status + ",\"code\":\"" + code
                        + "\",\"message\":\"" + message + "\",\"fields\":[]}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the answer is already committed: nothing more to tell it.
        }
    }
}
