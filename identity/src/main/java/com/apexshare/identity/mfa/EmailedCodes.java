package com.apexshare.identity.mfa;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

import com.apexshare.identity.IdentityProperties;
import com.apexshare.identity.trainer.Trainer;
import com.apexshare.identity.trainer.Trainers;

/**
 * Sends a fresh one-time code to the trainer's email address over SMTP ({@code spring.mail.*}), then shows the page
 * where it is entered. The code appears in the email only, never in a log.
 */
public final class EmailedCodes implements OneTimeTokenGenerationSuccessHandler {

    /** Where the trainer enters the emailed code. */
    public static final String CODE_PAGE = "/login/code";

    private static final Logger LOG = LoggerFactory.getLogger(EmailedCodes.class);

    private final JavaMailSender mail;
    private final Trainers trainers;
    private final IdentityProperties properties;

    EmailedCodes(JavaMailSender mail, Trainers trainers, IdentityProperties properties) {
        this.mail = mail;
        this.trainers = trainers;
        this.properties = properties;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken code)
            throws IOException {
        Trainer trainer = trainers.find(code.getUsername()).orElse(null);
        if (trainer == null || trainer.email() == null || trainer.email().isBlank()) {
            LOG.warn("Trainer {} has no email address for a one-time code", code.getUsername());
            response.sendRedirect(request.getContextPath() + CODE_PAGE + "?unsent");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mfa().mailFrom());
        message.setTo(trainer.email());
        message.setSubject("Your ApexShare sign-in code");
        message.setText("""
                Your one-time sign-in code: %s

                Or open %s%s?token=%s

                It is valid for %d minutes. If you did not just sign in to ApexShare, change your password.
                """.formatted(code.getTokenValue(), properties.issuer(), CODE_PAGE,
                URLEncoder.encode(code.getTokenValue(), StandardCharsets.UTF_8),
                properties.mfa().codeLifetime().toMinutes()));
        try {
            mail.send(message);
        } catch (MailException e) {
            LOG.warn("Cannot send the one-time code email for {}: {}", code.getUsername(), e.toString());
            response.sendRedirect(request.getContextPath() + CODE_PAGE + "?unsent");
            return;
        }
        response.sendRedirect(request.getContextPath() + CODE_PAGE + "?sent");
    }
}
