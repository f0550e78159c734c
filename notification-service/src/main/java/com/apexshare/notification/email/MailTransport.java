package com.apexshare.notification.email;

/** A mail provider (SES, an SMTP relay). Implementations classify every failure as transient or permanent. */
public interface MailTransport {

    /** Name used in metrics and in {@code EmailSent.transport}: {@code SES} or {@code SMTP}. */
    String name();

    /**
     * Hands one message to the provider.
     *
     * @return the provider's message id
     * @throws EmailDeliveryFailed when the provider did not accept it
     */
    String send(OutgoingEmail email) throws EmailDeliveryFailed;
}
